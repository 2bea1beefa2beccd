"""The contact side of the sync's bookkeeping: SyncState and SyncConflict rows of one account.

Every method is its own short transaction, so a state saved right after a server write is on
disk before the next request goes out (see netdesk.sync.engine).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, delete, select

from netdesk.domain.contact_data import ContactData
from netdesk.interop.vcard_writer import sync_version, write_vcard
from netdesk.store.contact_rows import to_data, whole_contacts
from netdesk.store.db import Database
from netdesk.store.models import Contact, utcnow
from netdesk.store.sync_models import Account, SyncConflict, SyncState


@dataclass(frozen=True)
class CardState:
    contact_id: int | None
    href: str
    etag: str | None
    synced_hash: str
    uid: str


@dataclass(frozen=True)
class Conflict:
    id: int
    contact_id: int | None
    href: str
    local_vcard: str
    remote_vcard: str
    remote_etag: str | None


class CardStore:
    def __init__(self, db: Database, account_id: int) -> None:
        self.db = db
        self.account_id = account_id

    # -- the account -------------------------------------------------------------------------
    def token(self) -> str | None:
        with self.db.session() as session:
            return session.scalar(select(Account.sync_token).where(Account.id == self.account_id))

    def set_token(self, token: str | None) -> None:
        with self.db.session() as session:
            account = session.get(Account, self.account_id)
            if account is not None:
                account.sync_token = token

    def finish(self, error: str | None) -> None:
        """Record how the run ended: the error, or the time of a complete sync."""
        with self.db.session() as session:
            account = session.get(Account, self.account_id)
            if account is not None:
                account.last_error = error
                if error is None:
                    account.last_sync_at = utcnow()

    # -- states ------------------------------------------------------------------------------
    def states(self) -> dict[str, CardState]:
        with self.db.session() as session:
            rows = session.scalars(select(SyncState).where(SyncState.account_id == self.account_id))
            return {
                r.href: CardState(r.contact_id, r.href, r.etag, r.synced_hash, r.uid) for r in rows
            }

    def state(self, href: str) -> CardState | None:
        with self.db.session() as session:
            row = session.scalar(self._state_query(href))
            if row is None:
                return None
            return CardState(row.contact_id, row.href, row.etag, row.synced_hash, row.uid)

    def _state_query(self, href: str) -> Select[SyncState]:
        return select(SyncState).where(
            SyncState.account_id == self.account_id, SyncState.href == href
        )

    def save(
        self, href: str, *, contact_id: int | None, etag: str | None, synced_hash: str, uid: str
    ) -> None:
        with self.db.session() as session:
            row = session.scalar(self._state_query(href))
            if row is None:
                row = SyncState(account_id=self.account_id, href=href)
                session.add(row)
            row.contact_id, row.etag, row.synced_hash, row.uid = contact_id, etag, synced_hash, uid

    def drop(self, href: str) -> None:
        with self.db.session() as session:
            session.execute(
                delete(SyncState).where(
                    SyncState.account_id == self.account_id, SyncState.href == href
                )
            )

    def unsynced_contact_with_uid(self, uid: str) -> int | None:
        """A contact carrying ``uid`` that no card of this account is linked to yet."""
        synced = select(SyncState.contact_id).where(
            SyncState.account_id == self.account_id, SyncState.contact_id.is_not(None)
        )
        with self.db.session() as session:
            return session.scalar(
                select(Contact.id)
                .where(Contact.uid == uid, Contact.id.not_in(synced))
                .order_by(Contact.id)
                .limit(1)
            )

    def relink_restored(self) -> None:
        """A deleted contact brought back by undo keeps its UID: reconnect it to its card."""
        for state in self.states().values():
            if state.contact_id is None and state.uid:
                contact_id = self.unsynced_contact_with_uid(state.uid)
                if contact_id is not None:
                    self.save(
                        state.href,
                        contact_id=contact_id,
                        etag=state.etag,
                        synced_hash=state.synced_hash,
                        uid=state.uid,
                    )

    def set_uid(self, contact_id: int, uid: str) -> None:
        with self.db.session() as session:
            contact = session.get(Contact, contact_id)
            if contact is not None:
                contact.uid = uid

    # -- contacts ----------------------------------------------------------------------------
    def local_cards(self, ids: Iterable[int] | None = None) -> dict[int, ContactData]:
        """Contacts as ContactData, a chunk per query, photos included."""
        stmt = select(Contact).options(*whole_contacts())
        with self.db.session() as session:
            if ids is None:
                return {c.id: to_data(c) for c in session.scalars(stmt)}
            wanted = list(ids)
            result: dict[int, ContactData] = {}
            for start in range(0, len(wanted), 500):
                chunk = stmt.where(Contact.id.in_(wanted[start : start + 500]))
                result.update({c.id: to_data(c) for c in session.scalars(chunk)})
            return result

    def local(self, contact_id: int | None) -> ContactData | None:
        if contact_id is None:
            return None
        return self.local_cards([contact_id]).get(contact_id)

    # -- conflicts ---------------------------------------------------------------------------
    def open_conflicts(self) -> dict[str, int]:
        """href → id of every unresolved conflict of the account."""
        with self.db.session() as session:
            rows = session.execute(
                select(SyncConflict.href, SyncConflict.id).where(
                    SyncConflict.account_id == self.account_id
                )
            )
            return {href: cid for href, cid in rows}

    def record_conflict(
        self,
        contact_id: int | None,
        href: str,
        local: ContactData,
        remote_text: str,
        etag: str | None,
    ) -> None:
        """Keep both versions; one open conflict per card, refreshed when either side moves."""
        with self.db.session() as session:
            row = session.scalar(
                select(SyncConflict).where(
                    SyncConflict.account_id == self.account_id, SyncConflict.href == href
                )
            )
            if row is None:
                row = SyncConflict(account_id=self.account_id, href=href)
                session.add(row)
            row.contact_id = contact_id
            row.local_vcard = write_vcard(local, sync_version(local), strict=False)
            row.remote_vcard = remote_text
            row.remote_etag = etag

    def conflict(self, conflict_id: int) -> Conflict:
        with self.db.session() as session:
            row = session.get(SyncConflict, conflict_id)
            if row is None or row.account_id != self.account_id:
                raise LookupError(f"no sync conflict with id {conflict_id}")
            return Conflict(
                row.id,
                row.contact_id,
                row.href,
                row.local_vcard,
                row.remote_vcard,
                row.remote_etag,
            )

    def drop_conflicts(self, *, href: str | None = None, conflict_id: int | None = None) -> None:
        stmt = delete(SyncConflict).where(SyncConflict.account_id == self.account_id)
        if href is not None:
            stmt = stmt.where(SyncConflict.href == href)
        if conflict_id is not None:
            stmt = stmt.where(SyncConflict.id == conflict_id)
        with self.db.session() as session:
            session.execute(stmt)


__all__ = ["CardState", "CardStore", "Conflict"]
