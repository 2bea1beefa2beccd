"""What an import did, card by card: the report the window's preview and the command line show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class CardOutcome:
    file: str
    card: int
    action: str  # created, merged, unchanged, suggested, rejected
    name: str = ""
    contact_id: int | None = None
    target_name: str = ""
    # For suggestions: the stored contact it may duplicate, or MERGE_WITH_MATCH when that is an
    # earlier card of this import.
    target_id: int | None = None
    reason: str = ""
    # A tuple: the empty one is shared, and a big import keeps fewer objects for the collector.
    warnings: tuple[str, ...] = ()


@dataclass
class ImportProgress:
    done: int
    total: int
    file: str


# New contacts listed one by one in the report (the preview's rows); the rest are counted only,
# so a 100,000-card import does not keep 100,000 outcomes in memory.
PREVIEW_NEW = 1000


@dataclass
class ImportReport:
    """What an import did: counts for every card, details for the cards that need a word.

    ``outcomes`` lists, in file order, every card that merged, is a possible duplicate or was
    rejected, and the first PREVIEW_NEW new ones.
    """

    batch_id: int | None
    dry_run: bool
    event_id: int | None = None
    outcomes: list[CardOutcome] = field(default_factory=list)
    touchpoints_planned: int = 0
    images: list[dict[str, Any]] = field(default_factory=list)  # per photo: what was on it
    cards: int = 0  # cards read (file-level errors are not cards)
    created: int = 0  # new contacts, possible duplicates kept as new included
    merged: int = 0
    unchanged: int = 0  # cards of people already in the book who had nothing new
    warnings: list[tuple[str, int, str]] = field(default_factory=list)  # file, card, warning
    _new_listed: int = 0

    def add(self, outcome: CardOutcome) -> None:
        """Count a card whose fate is settled, keeping its details if they are worth keeping."""
        if outcome.card > 0:
            self.cards += 1
        if outcome.action in ("created", "suggested"):
            self.created += 1
        elif outcome.action == "merged":
            self.merged += 1
        elif outcome.action == "unchanged":
            self.unchanged += 1
        self.warnings.extend((outcome.file, outcome.card, w) for w in outcome.warnings)
        if outcome.action == "created":
            if self._new_listed >= PREVIEW_NEW:
                return
            self._new_listed += 1
        self.outcomes.append(outcome)

    @property
    def suggested(self) -> list[CardOutcome]:
        return [o for o in self.outcomes if o.action == "suggested"]

    @property
    def rejected(self) -> list[CardOutcome]:
        return [o for o in self.outcomes if o.action == "rejected"]

    def to_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "dry_run": self.dry_run,
            "cards": self.cards,
            "created": self.created,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "suggested": [
                {
                    "file": o.file,
                    "card": o.card,
                    "contact_id": o.contact_id,
                    "name": o.name,
                    "possible_duplicate_of": o.target_name,
                }
                for o in self.suggested
            ],
            "rejected": [
                {"file": o.file, "card": o.card, "reason": o.reason} for o in self.rejected
            ],
            "warnings": [
                {"file": file, "card": card, "warning": warning}
                for file, card, warning in self.warnings
            ],
            "event_id": self.event_id,
            "touchpoints_planned": self.touchpoints_planned,
            "images": self.images,
        }
