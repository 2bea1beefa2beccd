"""Sure duplicates an import would otherwise leave apart, merged the way ``dedupe`` finds them.

A card merges into the contact that shares its first e-mail or phone. When a card joins two
people's keys — its phone is Ana's, its e-mail is the contact an earlier card made — the contacts
now sharing a key are one person by the same rule ``netdesk dedupe`` applies, so the batch merges
them before it is committed: contacts the batch created fold into the earliest, or into the one
contact that was there before. A group holding two contacts that were both there before is left
to ``dedupe`` (an import does not merge the book's own contacts with each other).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from netdesk.app.dedupe import DuplicateKeys, MergePlan, merge_one
from netdesk.app.import_report import ImportReport
from netdesk.domain.contact_json import to_json
from netdesk.store.contact_rows import to_data
from netdesk.store.models import Contact, ImportChange, table_of

__all__ = ["ChainMerge", "merge_chains"]


@dataclass(frozen=True)
class ChainMerge:
    keep: int
    others: tuple[int, ...]
    reasons: tuple[str, ...]


# The keys of the batch's contacts that some other contact also holds, each with its holders,
# in one query per kind: SQLite walks the match-key index once instead of the batch's keys
# crossing into Python and back (0.2 s of a 10,000-card import).
_SHARED_KEYS = """
SELECT match_key, group_concat(DISTINCT contact_id) FROM {table}
WHERE match_key IN (
    SELECT k.match_key FROM {table} AS k JOIN import_change AS c ON c.contact_id = k.contact_id
    WHERE c.batch_id = ? AND {valid}
)
GROUP BY match_key HAVING count(DISTINCT contact_id) > 1
ORDER BY match_key
"""
_KINDS = (
    ("contact_email", "k.match_key LIKE '%@%'", "same e-mail"),
    ("contact_phone", "k.match_key != ''", "same phone"),
)


def _groups(conn: Connection, batch_id: int) -> list[tuple[tuple[int, ...], tuple[str, ...]]]:
    """Contacts sharing an e-mail or a phone with a contact of the batch, as dedupe groups."""
    groups = DuplicateKeys()
    for table, valid, label in _KINDS:
        found = conn.exec_driver_sql(_SHARED_KEYS.format(table=table, valid=valid), (batch_id,))
        for key, holders in found:
            groups.join(sorted(int(i) for i in str(holders).split(",")), f"{label} {key}")
    return [c for c in groups.components() if len(c[0]) > 1]


def merge_chains(
    session: Session, batch_id: int, existing_max_id: int, region: str, report: ImportReport
) -> list[ChainMerge]:
    """Merge the sure duplicates among the contacts the batch touched; the batch's undo record
    and the report are kept true. Runs inside the batch's transaction."""
    conn = session.connection()
    changes = table_of(ImportChange)
    rows = conn.execute(
        select(changes.c.contact_id, changes.c.action).where(changes.c.batch_id == batch_id)
    ).all()
    recorded = {int(cid): str(action) for cid, action in rows}
    done: list[ChainMerge] = []
    for ids, reasons in _groups(conn, batch_id):
        before = [i for i in ids if i <= existing_max_id]
        if len(before) > 1:
            continue
        keep = before[0] if before else ids[0]
        others = tuple(i for i in ids if i != keep)
        if keep in before and keep not in recorded:  # first touched by this merge: for undo
            contact = session.get(Contact, keep)
            assert contact is not None
            snapshot = json.dumps(to_json(to_data(contact)), ensure_ascii=False)
            conn.execute(
                insert(changes).values(
                    batch_id=batch_id, contact_id=keep, action="merged", before=snapshot
                )
            )
            recorded[keep] = "merged"
        merge_one(session, MergePlan(keep, others), region)
        conn.execute(
            delete(changes).where(changes.c.batch_id == batch_id, changes.c.contact_id.in_(others))
        )
        done.append(ChainMerge(keep, others, reasons))
    if done:
        _update_report(report, done, session)
    return done


def _update_report(report: ImportReport, merges: list[ChainMerge], session: Session) -> None:
    into = {other: m.keep for m in merges for other in m.others}
    names = {
        m.keep: (session.get(Contact, m.keep) or Contact(full_name="")).full_name for m in merges
    }
    for outcome in report.outcomes:
        if outcome.contact_id in into:
            keep = into[outcome.contact_id]
            if outcome.action in ("created", "suggested"):
                outcome.action = "merged"
                outcome.reason = ""
            outcome.contact_id, outcome.target_name = keep, names[keep]
    moved = len(into)
    report.created -= moved
    report.merged += moved
