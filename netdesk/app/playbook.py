"""The follow-up playbook: what to do after meeting someone at an event, and when.

Networking is not selling: the default steps give first (a thank-you the next day), then connect
(a one-to-one within a week), then give again (something useful within three weeks). The steps
are the user's to edit; scheduling is idempotent per contact, event and step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from netdesk.domain.touchpoint_words import INTENTS
from netdesk.store.models import Touchpoint

MAX_DAYS = 36_500  # a stored delay beyond a century is unreadable, not a date overflow

SETTING_KEY = "playbook"


@dataclass
class PlaybookStep:
    key: str  # stable id of the step, e.g. "thank_you"; one touchpoint per contact+event+key
    kind: str
    delay_days: int
    intent: str = "give"
    enabled: bool = True
    subject: dict[str, str] = field(default_factory=dict)  # language code → subject template
    body: dict[str, str] = field(default_factory=dict)  # language code → body template


@dataclass
class FollowUpPlaybook:
    steps: list[PlaybookStep]
    skip_weekends: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"skip_weekends": self.skip_weekends, "steps": [asdict(s) for s in self.steps]}

    @classmethod
    def from_json(cls, raw: Any) -> FollowUpPlaybook:
        """Rebuild from stored settings; anything malformed falls back to the defaults."""
        if not isinstance(raw, dict) or not isinstance(raw.get("steps"), list):
            return default_playbook()
        steps = []
        for item in raw["steps"]:
            try:
                step = PlaybookStep(
                    key=str(item["key"]),
                    kind=str(item["kind"]),
                    delay_days=int(item["delay_days"]),
                    intent=str(item.get("intent", "give")),
                    enabled=bool(item.get("enabled", True)),
                    subject={str(k): str(v) for k, v in dict(item.get("subject", {})).items()},
                    body={str(k): str(v) for k, v in dict(item.get("body", {})).items()},
                )
            except (KeyError, TypeError, ValueError, OverflowError):
                continue
            if (
                step.intent in INTENTS
                and 0 <= step.delay_days <= MAX_DAYS
                and step.key
                and step.kind.strip()
            ):
                steps.append(step)
        return cls(steps=steps, skip_weekends=bool(raw.get("skip_weekends", False)))

    def due_date(self, step: PlaybookStep, met_on: dt.date) -> dt.date:
        due = met_on + dt.timedelta(days=step.delay_days)
        if self.skip_weekends and due.weekday() >= 5:
            due += dt.timedelta(days=7 - due.weekday())
        return due

    def schedule(
        self,
        conn: Connection,
        contact_ids: Iterable[int],
        event_id: int,
        met_on: dt.date,
        batch_id: int | None = None,
    ) -> int:
        """Plan every enabled step for these contacts; steps already planned are left alone.

        Returns how many touchpoints were newly planned.
        """
        ids = list(dict.fromkeys(contact_ids))
        rows = [
            {
                "contact_id": cid,
                "event_id": event_id,
                "kind": step.kind,
                "intent": step.intent,
                "status": "planned",
                "due_date": self.due_date(step, met_on),
                "playbook_step": step.key,
                "batch_id": batch_id,
                "channel": "",
                "note": "",
            }
            for cid in ids
            for step in self.steps
            if step.enabled
        ]
        if not rows:
            return 0
        result = conn.execute(sqlite_insert(Touchpoint).on_conflict_do_nothing(), rows)
        return max(int(result.rowcount or 0), 0)


def default_playbook() -> FollowUpPlaybook:
    return FollowUpPlaybook(
        steps=[
            PlaybookStep(
                key="thank_you",
                kind="thank_you",
                delay_days=1,
                intent="give",
                subject={
                    "en": "Great to meet you at {event}",
                    "es": "Un placer conocerte en {event}",
                },
                body={
                    "en": "Hi {first_name},\n\nThank you for the conversation at {event} on "
                    "{event_date}. I enjoyed hearing about your work and I'd be glad to help "
                    "where I can.\n\nBest regards,\n{my_name}",
                    "es": "Hola {first_name}:\n\nGracias por la conversación en {event} el "
                    "{event_date}. Me gustó mucho conocer tu trabajo y me encantará ayudarte "
                    "en lo que pueda.\n\nUn saludo,\n{my_name}",
                },
            ),
            PlaybookStep(
                key="meeting",
                kind="meeting",
                delay_days=7,
                intent="connect",
                subject={
                    "en": "Coffee to continue our conversation?",
                    "es": "¿Un café para seguir la conversación?",
                },
                body={
                    "en": "Hi {first_name},\n\nWould you like to meet for a coffee next week to "
                    "continue what we started at {event}? I'd like to learn who your ideal "
                    "clients are, so I can keep an eye out for you.\n\n{my_name}",
                    "es": "Hola {first_name}:\n\n¿Te apetece un café la semana que viene para "
                    "seguir lo que empezamos en {event}? Me gustaría saber quiénes son tus "
                    "clientes ideales para estar atento por si puedo presentarte a alguien."
                    "\n\n{my_name}",
                },
            ),
            PlaybookStep(
                key="share_content",
                kind="share_content",
                delay_days=21,
                intent="give",
                subject={
                    "en": "Thought this might be useful",
                    "es": "Pensé que esto te podría ser útil",
                },
                body={
                    "en": "Hi {first_name},\n\nI came across this and thought of our "
                    "conversation at {event}: \n\nHope it helps,\n{my_name}",
                    "es": "Hola {first_name}:\n\nMe encontré con esto y me acordé de nuestra "
                    "conversación en {event}: \n\nEspero que te sirva,\n{my_name}",
                },
            ),
        ]
    )
