"""Finding and merging duplicates among the contacts already stored, with an exact undo.

*Sure* duplicates share a stored match key — an e-mail (case-insensitive) or a normalised phone,
the keys :class:`netdesk.app.matching.DuplicateFinder` looks up when cards are imported — and
are grouped transitively (A shares an e-mail with B, B a phone with C: one person). *Suggestions*
have a close name at the same organisation, judged by the importer's scorer and threshold; they
are only offered, never merged without the user.

The scan compares distinct names rather than contacts, organisation by organisation, so a firm
with thousands of people costs what its distinct names cost. Merging keeps everything either
record says (:func:`netdesk.domain.merge.merge_contact`) and moves follow-ups, event links and
referrals to the kept contact, all in one transaction; a row-level snapshot taken first
(:mod:`netdesk.store.snapshots`) undoes it exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, delete, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

import netdesk.store.sync_models  # noqa: F401  (their links to contacts are kept by undo)
from netdesk.app.matching import NAME_SIMILARITY, _normal
from netdesk.domain.merge import merge_contact
from netdesk.store import snapshots
from netdesk.store.contact_rows import apply_data, to_data, whole_contacts
from netdesk.store.db import Database
from netdesk.store.mail_models import Interaction
from netdesk.store.models import (
    Base,
    Contact,
    ContactEmail,
    ContactPhone,
    EventContact,
    Referral,
    Touchpoint,
    table_of,
)

CHUNK = 5000  # contacts read per step of the scan
_IN = 500  # ids per IN (…) clause
_STATUS_RANK = {"done": 0, "skipped": 1, "planned": 2}

T = TypeVar("T")


@dataclass(frozen=True)
class ScanProgress:
    done: int
    total: int
    stage: str  # "keys", "names", "details"


@dataclass(frozen=True)
class Member:
    """What the user compares side by side (one row per contact of a group)."""

    id: int
    name: str
    organization: str
    title: str
    emails: str
    phones: str
    tags: str
    note: str
    added: str  # ISO date the contact was created

    def as_json(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass(frozen=True)
class DuplicateGroup:
    contact_ids: tuple[int, ...]  # ascending; the first (added earliest) is kept by default
    sure: bool
    reasons: tuple[str, ...]

    @property
    def keep(self) -> int:
        return self.contact_ids[0]


@dataclass
class DuplicateScan:
    groups: list[DuplicateGroup]
    members: dict[int, Member]

    @property
    def sure(self) -> list[DuplicateGroup]:
        return [g for g in self.groups if g.sure]

    @property
    def suggested(self) -> list[DuplicateGroup]:
        return [g for g in self.groups if not g.sure]


@dataclass(frozen=True)
class MergePlan:
    keep: int
    others: tuple[int, ...]

    @classmethod
    def of(cls, group: DuplicateGroup, keep: int | None = None) -> MergePlan:
        chosen = group.keep if keep is None else keep
        if chosen not in group.contact_ids:
            raise ValueError(f"contact {chosen} is not in the group {list(group.contact_ids)}")
        return cls(chosen, tuple(i for i in group.contact_ids if i != chosen))

    @property
    def ids(self) -> tuple[int, ...]:
        return (self.keep, *self.others)


@dataclass
class MergeUndo:
    """Everything :func:`undo_merge` needs to put the contacts back as they were."""

    plans: list[MergePlan]
    snapshot: snapshots.ContactSnapshot
    # rows outside the snapshot that pointed at a contact or follow-up (sync state):
    # (table, row id, column, value)
    links: list[tuple[str, int, str, int]] = field(default_factory=list)

    @property
    def merged_away(self) -> int:
        return sum(len(p.others) for p in self.plans)


def run_to_end(steps: Generator[Any, None, T]) -> T:
    """Drive a progress generator without reporting (command line, tests)."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            result: T = stop.value
            return result


# -- finding ----------------------------------------------------------------------------------
class _Groups:
    """Union-find over contact ids, remembering why each id joined."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.reasons: dict[int, list[str]] = defaultdict(list)

    def find(self, x: int) -> int:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, ids: Sequence[int], reason: str) -> None:
        first = self.find(ids[0])
        for other in ids[1:]:
            root = self.find(other)
            if root != first:
                self.parent[root] = first
        self.reasons[ids[0]].append(reason)

    def components(self) -> list[tuple[tuple[int, ...], tuple[str, ...]]]:
        members: dict[int, list[int]] = defaultdict(list)
        for x in list(self.parent):
            members[self.find(x)].append(x)
        found = []
        for ids in members.values():
            reasons = dict.fromkeys(r for i in ids for r in self.reasons.get(i, []))
            found.append((tuple(sorted(ids)), tuple(reasons)))
        return sorted(found)


def _shared_keys(conn: Connection, model: Any, label: str) -> list[tuple[str, list[int]]]:
    """Match keys held by more than one contact, with the contacts holding each."""
    key, owner = model.match_key, model.contact_id
    valid = key.like("%@%") if model is ContactEmail else key != ""
    shared = (
        select(key).where(valid).group_by(key).having(func.count(func.distinct(owner)) > 1)
    ).scalar_subquery()
    holders: dict[str, list[int]] = defaultdict(list)
    for value, cid in conn.execute(
        select(key, owner).where(key.in_(shared)).order_by(key, owner).distinct()
    ):
        holders[str(value)].append(int(cid))
    return [(f"{label} {k}", ids) for k, ids in holders.items()]


_ByOrg = dict[str, dict[str, list[int]]]


def _name_rows(
    conn: Connection, exclude: set[int], labels: dict[str, str]
) -> Generator[int, None, _ByOrg]:
    """Organisation → normalised name → contact ids, read in chunks; yields rows read.

    ``labels`` receives each organisation as first written, for the reasons shown."""
    by_org: _ByOrg = defaultdict(lambda: defaultdict(list))
    result = conn.execution_options(yield_per=CHUNK).execute(
        select(Contact.id, Contact.organization, Contact.full_name).where(
            Contact.organization != ""
        )
    )
    for chunk in result.partitions():
        for cid, org, name in chunk:
            if cid in exclude:
                continue
            o, n = _normal(org or ""), _normal(name or "")
            if o and n and n != o:
                by_org[o][n].append(int(cid))
                labels.setdefault(o, org.strip())
        yield len(chunk)
    return by_org


def _close_names(by_name: dict[str, list[int]]) -> list[list[int]]:
    """Clusters of contacts whose names are close: each around the commonest name left.

    Clustering around a centre, rather than chaining pairs, keeps "Ana Ruiz" ~ "Ana Ruis" ~
    "Anas Ruis" … from snowballing into one group of strangers.
    """
    names = sorted(by_name, key=lambda n: (-len(by_name[n]), n))
    taken: set[str] = set()
    clusters = []
    for position, centre in enumerate(names):
        if centre in taken:
            continue
        taken.add(centre)
        cluster = [centre]
        for other, _score, _i in process.extract(
            centre,
            names[position + 1 :],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=NAME_SIMILARITY,
            limit=None,
        ):
            if other not in taken:
                taken.add(other)
                cluster.append(other)
        ids = sorted(i for n in cluster for i in by_name[n])
        if len(ids) > 1:
            clusters.append(ids)
    return clusters


_MEMBER_SQL = text(
    "SELECT c.id, c.full_name, c.organization, c.title, "
    "(SELECT group_concat(value, ', ') FROM (SELECT value FROM contact_email "
    " WHERE contact_id = c.id ORDER BY position)), "
    "(SELECT group_concat(value, ', ') FROM (SELECT value FROM contact_phone "
    " WHERE contact_id = c.id ORDER BY position)), "
    "(SELECT group_concat(name, ', ') FROM (SELECT t.name FROM contact_tag ct "
    " JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY t.name)), "
    "c.note, date(c.created_at) FROM contact c WHERE c.id IN ({ids})"
)


def _members(conn: Connection, ids: list[int]) -> dict[int, Member]:
    found: dict[int, Member] = {}
    for start in range(0, len(ids), _IN):
        marks = ",".join(str(int(i)) for i in ids[start : start + _IN])
        stmt = text(str(_MEMBER_SQL).replace("{ids}", marks))
        for row in conn.execute(stmt):
            found[int(row[0])] = Member(
                id=int(row[0]),
                name=row[1] or "",
                organization=row[2] or "",
                title=row[3] or "",
                emails=row[4] or "",
                phones=row[5] or "",
                tags=row[6] or "",
                note=row[7] or "",
                added=row[8] or "",
            )
    return found


def scan(db: Database, suggestions: bool = True) -> Generator[ScanProgress, None, DuplicateScan]:
    """Find the groups of duplicates, yielding progress; returns them with what each says."""
    with db.engine.connect() as conn:
        total = int(conn.scalar(select(func.count()).select_from(Contact)) or 0)
        yield ScanProgress(0, total, "keys")
        sure = _Groups()
        for label, model in (("same e-mail", ContactEmail), ("same phone", ContactPhone)):
            for reason, ids in _shared_keys(conn, model, label):
                sure.join(ids, reason)
        groups = [DuplicateGroup(ids, True, why) for ids, why in sure.components()]
        in_sure = {i for g in groups for i in g.contact_ids}
        if suggestions:
            read = 0
            labels: dict[str, str] = {}
            rows = _name_rows(conn, in_sure, labels)
            while True:
                try:
                    read += next(rows)
                except StopIteration as stop:
                    by_org: _ByOrg = stop.value
                    break
                yield ScanProgress(min(read, total), total, "names")
            done = 0
            for org, by_name in by_org.items():
                for ids in _close_names(by_name):
                    reason = f"similar name at {labels[org]}"
                    groups.append(DuplicateGroup(tuple(ids), False, (reason,)))
                done += sum(len(v) for v in by_name.values())
                yield ScanProgress(min(done, total), total, "names")
        wanted = sorted({i for g in groups for i in g.contact_ids})
        members: dict[int, Member] = {}
        for start in range(0, len(wanted), CHUNK):
            members.update(_members(conn, wanted[start : start + CHUNK]))
            yield ScanProgress(min(start + CHUNK, len(wanted)), len(wanted), "details")
    groups.sort(key=lambda g: (not g.sure, members[g.keep].name.casefold(), g.keep))
    return DuplicateScan(groups, members)


def find_duplicates(db: Database, suggestions: bool = True) -> DuplicateScan:
    return run_to_end(scan(db, suggestions))


# -- merging ----------------------------------------------------------------------------------
def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _IN):
        yield list(ids[start : start + _IN])


def _outside_links(
    conn: Connection, contact_ids: list[int], touchpoint_ids: list[int]
) -> list[tuple[str, int, str, int]]:
    """Rows that lose their link (ON DELETE SET NULL) when these contacts or follow-ups go and
    that the snapshot does not cover: the sync state of cards and tasks."""
    found: list[tuple[str, int, str, int]] = []
    targets = {"contact": contact_ids, "touchpoint": touchpoint_ids}
    for table in Base.metadata.sorted_tables:
        if table.name in ("referral", "touchpoint", "contact_tag") or "id" not in table.c:
            continue
        for fk in table.foreign_keys:
            ids = targets.get(fk.column.table.name)
            if fk.ondelete != "SET NULL" or not ids:
                continue
            column = fk.parent
            for chunk in _chunks(ids):
                for rid, value in conn.execute(select(table.c.id, column).where(column.in_(chunk))):
                    found.append((table.name, int(rid), column.name, int(value)))
    return found


def _move_follow_ups(conn: Connection, plan: MergePlan) -> None:
    """Re-point follow-ups; where both had the same playbook step of one event, keep the one
    furthest along (done before skipped before planned) and drop duplicate plans."""
    tp = table_of(Touchpoint)
    rows = conn.execute(
        select(tp.c.id, tp.c.contact_id, tp.c.event_id, tp.c.playbook_step, tp.c.status).where(
            tp.c.contact_id.in_(plan.ids),
            tp.c.playbook_step.is_not(None),
            tp.c.event_id.is_not(None),
        )
    ).all()
    steps: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for row in rows:
        steps[(row.event_id, row.playbook_step)].append(row)
    drop: list[int] = []
    unmark: list[int] = []
    for same in steps.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda r: (_STATUS_RANK.get(r.status, 3), r.contact_id != plan.keep, r.id))
        for row in same[1:]:
            (drop if row.status == "planned" else unmark).append(row.id)
    if drop:
        conn.execute(delete(tp).where(tp.c.id.in_(drop)))
    if unmark:
        conn.execute(update(tp).where(tp.c.id.in_(unmark)).values(playbook_step=None))
    conn.execute(update(tp).where(tp.c.contact_id.in_(plan.others)).values(contact_id=plan.keep))


def _move_links(conn: Connection, plan: MergePlan) -> None:
    ec = table_of(EventContact)
    met = conn.execute(
        select(ec.c.event_id, ec.c.batch_id, ec.c.created_at)
        .where(ec.c.contact_id.in_(plan.others))
        .order_by(ec.c.created_at)
    ).all()
    if met:
        conn.execute(
            sqlite_insert(ec).on_conflict_do_nothing(),
            [
                {"event_id": e, "contact_id": plan.keep, "batch_id": b, "created_at": c}
                for e, b, c in met
            ],
        )
    # Mails and meetings follow the kept contact; one logged for both stays once (the others'
    # copies go with them).
    mail = table_of(Interaction)
    conn.execute(
        update(mail)
        .where(mail.c.contact_id.in_(plan.others))
        .values(contact_id=plan.keep)
        .prefix_with("OR IGNORE")
    )
    ref = table_of(Referral)
    for column in ("contact_id", "other_contact_id"):
        conn.execute(update(ref).where(ref.c[column].in_(plan.others)).values({column: plan.keep}))


def _merge_one(session: Session, plan: MergePlan, region: str) -> None:
    stmt = select(Contact).where(Contact.id.in_(plan.ids)).options(*whole_contacts())
    contacts = {c.id: c for c in session.scalars(stmt)}
    missing = [i for i in plan.ids if i not in contacts]
    if missing:
        raise LookupError(
            f"contact {missing[0]} no longer exists; scan for duplicates again before merging"
        )
    keep = contacts[plan.keep]
    data = to_data(keep)
    for other_id in plan.others:
        other = contacts[other_id]
        data = merge_contact(data, to_data(other), region)
        if keep.tier is None and other.tier is not None:
            keep.tier = other.tier
        if keep.cadence_days is None and other.cadence_days is not None:
            keep.cadence_days = other.cadence_days
        keep.created_at = min(keep.created_at, other.created_at)
    conn = session.connection()
    _move_follow_ups(conn, plan)
    _move_links(conn, plan)
    for other_id in plan.others:
        session.expunge(contacts[other_id])  # the database cascades to their rows
    conn.execute(delete(table_of(Contact)).where(table_of(Contact).c.id.in_(plan.others)))
    apply_data(session, keep, data, region)
    session.flush()


def merge_steps(
    db: Database, plans: Sequence[MergePlan], region: str
) -> Generator[tuple[int, int], None, MergeUndo]:
    """Merge every plan in one transaction, yielding (done, total); returns the undo record."""
    plans = [p for p in plans if p.others]
    ids = [i for p in plans for i in p.ids]
    if len(ids) != len(set(ids)):
        raise ValueError("a contact appears in more than one group to merge")
    with db.session() as session:
        conn = session.connection()
        snap = snapshots.take(conn, ids)
        touchpoints = [int(r["id"]) for r in snap.rows.get("touchpoint", [])]
        links = _outside_links(conn, ids, touchpoints)
        for done, plan in enumerate(plans, 1):
            _merge_one(session, plan, region)
            if done % 25 == 0 or done == len(plans):
                yield done, len(plans)
    return MergeUndo(list(plans), snap, links)


def merge_groups(db: Database, plans: Sequence[MergePlan], region: str) -> MergeUndo:
    return run_to_end(merge_steps(db, plans, region))


def undo_merge(db: Database, undo: MergeUndo) -> None:
    """Put every contact of the merge back exactly: same ids, fields, follow-ups and links."""
    ids = undo.snapshot.contact_ids
    with db.session() as session:
        conn = session.connection()
        for chunk in _chunks(ids):
            conn.execute(delete(table_of(Contact)).where(table_of(Contact).c.id.in_(chunk)))
        snapshots.restore(conn, undo.snapshot)
        tables = Base.metadata.tables
        for name, rid, column, value in undo.links:
            table = tables[name]
            conn.execute(update(table).where(table.c.id == rid).values({column: value}))


# For the import, which merges the sure duplicates a batch left apart the same way.
DuplicateKeys = _Groups
merge_one = _merge_one
