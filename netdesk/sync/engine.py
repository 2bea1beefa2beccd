"""Two-way contact sync with a CardDAV address book, and follow-ups published as CalDAV to-dos.

How changes are told apart: every card on the server has a SyncState row with the ETag it had
and a hash of the card netdesk wrote or applied at the last sync. A contact whose card (written
by netdesk.interop.vcard_writer) hashes differently changed here; a card whose ETag differs
changed there; when both did, the local contact stays as it is, both versions go into a
SyncConflict and :meth:`SyncEngine.resolve_conflict` settles it later. Nothing is lost.

Every server write is followed at once by committing its SyncState, and a write that may have
reached the server without its state being saved is recognised by UID at the next sync, so a
connection that breaks half way leaves both sides consistent and the next sync finishes the job.

Usage: ``SyncEngine(db, account, password).sync(progress=callback)`` returns a SyncReport and
calls ``callback(SyncProgress)`` after each step; failures raise SyncError (also saved in
``Account.last_error``). The engine closes the DAV client it made; use it as a context manager.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from types import TracebackType
from typing import Literal

from netdesk.app.contacts import ContactBook, ValidationError
from netdesk.domain.contact_data import ContactData
from netdesk.interop.vcard_writer import sync_version, write_vcard
from netdesk.store.db import Database
from netdesk.store.sync_models import Account
from netdesk.sync.dav import VCARD_TYPE, DavClient, DavError, PreconditionFailed, norm_href
from netdesk.sync.report import Progress, SyncError, SyncProgress, SyncReport
from netdesk.sync.state import CardStore
from netdesk.sync.tasks import TaskSync

Choice = Literal["local", "remote"] | ContactData
FETCH_BATCH = 50
log = logging.getLogger(__name__)


def card_hash(data: ContactData) -> str:
    return hashlib.sha256(
        write_vcard(data, sync_version(data), strict=False).encode("utf-8")
    ).hexdigest()


def parse_card(text: str) -> ContactData | None:
    """The first contact in a card's text, ready to save (a name filled in when missing)."""
    from netdesk.interop.vcard_reader import read_vcards

    try:
        cards = list(read_vcards(text.encode("utf-8")))
    except Exception:  # one odd card from another app must not stop the whole sync
        log.exception("a card from the server could not be read")
        return None
    for card in cards:
        data: ContactData | None = card.contact
        if data is not None:
            named = (data.full_name, data.given_name, data.family_name, data.organization)
            if not any(v.strip() for v in named):
                data.full_name = data.display_name() or "(no name)"
            return data
    return None


def _file_name(uid: str) -> str:
    """A resource name for a card: the UID when it is URL-safe, else a hash of it."""
    if re.fullmatch(r"[A-Za-z0-9@._-]{1,120}", uid):
        return f"{uid}.vcf"
    return hashlib.sha1(uid.encode("utf-8")).hexdigest() + ".vcf"


class SyncEngine:
    def __init__(
        self, db: Database, account: Account, password: str, client: DavClient | None = None
    ) -> None:
        self.db = db
        self.account_id = account.id
        self.name = account.name
        self.addressbook = account.addressbook_url
        self.calendar = account.calendar_url
        self.book = ContactBook(db)
        self.store = CardStore(db, account.id)
        self._own_client = client is None
        self.client = client or DavClient(account.url, account.username, password)

    def __enter__(self) -> SyncEngine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    # -- the whole run -----------------------------------------------------------------------
    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Sync contacts, then follow-ups; raises SyncError, recorded on the account."""
        report = SyncReport(self.name)
        notify = progress or (lambda _p: None)
        try:
            if self.addressbook:
                self._sync_contacts(report, notify)
            if self.calendar:
                TaskSync(self.db, self.account_id, self.client, self.calendar).run(report, notify)
        except DavError as exc:
            log.warning("sync of %r failed: %s", self.name, exc)
            self.store.finish(str(exc))
            raise SyncError(str(exc)) from exc
        self.store.finish(None)
        log.info(  # counts only: logs carry no contact data
            "sync of %r done: %d received, %d sent, %d conflicts, %d skipped",
            self.name,
            report.downloaded,
            report.uploaded,
            len(report.conflicts),
            len(report.skipped),
        )
        return report

    # -- contacts ----------------------------------------------------------------------------
    def _sync_contacts(self, report: SyncReport, notify: Progress) -> None:
        store = self.store
        store.relink_restored()
        changes = self.client.changes(self.addressbook, store.token())
        states = store.states()
        listed = changes.changed
        gone = (set(states) - set(listed)) if changes.complete else changes.deleted & set(states)
        fetch = [
            h for h, etag in listed.items() if h not in states or not etag or etag != states[h].etag
        ]
        done, total = 0, len(fetch) + len(gone)
        for start in range(0, len(fetch), FETCH_BATCH):
            batch = fetch[start : start + FETCH_BATCH]
            cards = self.client.multiget(self.addressbook, batch, "vcard")
            for href in batch:
                if href in cards:
                    etag, text = cards[href]
                    self._apply_remote(href, etag or listed.get(href), text, report)
                done += 1
                notify(SyncProgress("contacts", done, total))
        for href in sorted(gone):
            self._remote_deleted(href, report)
            done += 1
            notify(SyncProgress("contacts", done, total))
        store.set_token(changes.token)  # everything up to this token is applied here
        self._push_local(report, notify)
        report.conflicts = sorted(store.open_conflicts().values())

    def _apply_remote(self, href: str, etag: str | None, text: str, report: SyncReport) -> None:
        """A card that is new or changed on the server."""
        data = parse_card(text)
        if data is None:
            report.skipped.append(f"{href}: not a readable vCard")
            return
        state = self.store.state(href)
        data.uid = data.uid or (state.uid if state else "") or href.rsplit("/", 1)[-1]
        remote_hash = card_hash(data)
        if state is None:
            contact_id = self.store.unsynced_contact_with_uid(data.uid)
            if contact_id is None:
                self._save_local(None, href, etag, data, report)
                return
            base = ""  # the same card on both sides with no shared history: compare directly
        else:
            contact_id, base = state.contact_id, state.synced_hash
        if remote_hash == base:  # nothing new in it (our own write, or a cosmetic change)
            self.store.save(href, contact_id=contact_id, etag=etag, synced_hash=base, uid=data.uid)
            return
        local = self.store.local(contact_id)
        if local is None:  # changed there, deleted here: the change wins, nothing is lost
            self._save_local(None, href, etag, data, report)
            return
        local_hash = card_hash(local)
        if local_hash == remote_hash:
            self.store.save(
                href, contact_id=contact_id, etag=etag, synced_hash=remote_hash, uid=data.uid
            )
        elif local_hash == base:
            self._save_local(contact_id, href, etag, data, report)
        else:  # both changed: keep the contact as it is, keep both versions
            old_etag = state.etag if state else None
            self.store.save(
                href, contact_id=contact_id, etag=old_etag, synced_hash=base, uid=data.uid
            )
            self.store.record_conflict(contact_id, href, local, text, etag)

    def _save_local(
        self,
        contact_id: int | None,
        href: str,
        etag: str | None,
        data: ContactData,
        report: SyncReport,
    ) -> None:
        """Create or update the contact from the server's card, then record the card's state."""
        try:
            if contact_id is None:
                contact_id = self.book.create(data)
            else:
                self.book.update(contact_id, data)
        except ValidationError as exc:
            report.skipped.append(f"{data.display_name() or href}: {exc}")
            return
        saved = self.store.local(contact_id)
        assert saved is not None
        self.store.save(
            href, contact_id=contact_id, etag=etag, synced_hash=card_hash(saved), uid=data.uid
        )
        report.downloaded += 1

    def _remote_deleted(self, href: str, report: SyncReport) -> None:
        state = self.store.state(href)
        if state is None:
            return
        self.store.drop_conflicts(href=href)
        contact_id = state.contact_id
        local = self.store.local(contact_id)
        if contact_id is not None and local is not None and card_hash(local) == state.synced_hash:
            self.book.delete([contact_id])
            report.deleted_here += 1
        # A contact changed here since is kept; without its state it is uploaded again below.
        self.store.drop(href)

    def _push_local(self, report: SyncReport, notify: Progress) -> None:
        """Local deletions, edits and new contacts, each write followed by its state."""
        conflicts = self.store.open_conflicts()
        all_states = self.store.states()
        states = [s for s in all_states.values() if s.href not in conflicts]
        cards = self.store.local_cards()
        linked = {s.contact_id for s in all_states.values() if s.contact_id is not None}
        new = [cid for cid in cards if cid not in linked]
        edited = [
            s
            for s in states
            if s.contact_id in cards and card_hash(cards[s.contact_id]) != s.synced_hash
        ]
        deleted = [s for s in states if s.contact_id is None or s.contact_id not in cards]
        total, done = len(new) + len(edited) + len(deleted), 0
        for state in deleted:
            try:
                self.client.delete(state.href, state.etag)
                self.store.drop(state.href)
                report.deleted_there += 1
            except PreconditionFailed:
                pass  # changed there meanwhile: the next sync brings it back here
            done += 1
            notify(SyncProgress("uploads", done, total))
        for state in edited:
            assert state.contact_id is not None
            self._upload(state.contact_id, cards[state.contact_id], state.href, state.etag, report)
            done += 1
            notify(SyncProgress("uploads", done, total))
        used = {s.uid for s in all_states.values()}
        for contact_id in new:
            data = cards[contact_id]
            if not data.uid or data.uid in used:
                # saved on the contact before the first upload, so a retry reuses it
                data.uid = str(uuid.uuid4())
                self.store.set_uid(contact_id, data.uid)
            used.add(data.uid)
            href = norm_href(_file_name(data.uid), self.client.absolute(self.addressbook))
            self._upload(contact_id, data, href, None, report, create=True)
            done += 1
            notify(SyncProgress("uploads", done, total))

    def _upload(
        self,
        contact_id: int,
        data: ContactData,
        href: str,
        etag: str | None,
        report: SyncReport,
        *,
        create: bool = False,
    ) -> None:
        text = write_vcard(data, sync_version(data), strict=False)
        try:
            new_etag = self.client.put(href, text, VCARD_TYPE, etag=etag, create=create)
        except PreconditionFailed:
            if create:  # already there (an earlier upload whose state was lost?): compare
                remote_text, remote_etag = self.client.get(href)
                self._apply_remote(href, remote_etag, remote_text, report)
            return  # an edit that lost the race: the next sync sees both changes
        self.store.save(
            href, contact_id=contact_id, etag=new_etag, synced_hash=card_hash(data), uid=data.uid
        )
        report.uploaded += 1

    # -- conflicts ---------------------------------------------------------------------------
    def resolve_conflict(self, conflict_id: int, choice: Choice) -> int:
        """Settle a conflict with the local version, the server's, or a merged ContactData.

        The result is saved here and written to the server over the ETag the conflict saw;
        returns the contact's id. Raises SyncError when the server copy changed again.
        """
        conflict = self.store.conflict(conflict_id)
        state = self.store.state(conflict.href)
        current = self.store.local(conflict.contact_id)
        if isinstance(choice, ContactData):
            data: ContactData | None = choice
        elif choice == "local":
            data = current or parse_card(conflict.local_vcard)
        elif choice == "remote":
            data = parse_card(conflict.remote_vcard)
        else:
            raise ValueError(f"choose 'local', 'remote' or a contact, not {choice!r}")
        if data is None:
            raise SyncError("the chosen version cannot be read as a vCard")
        data.uid = (state.uid if state else "") or data.uid or (current.uid if current else "")
        contact_id = conflict.contact_id
        if current is not None and contact_id is not None:
            self.book.update(contact_id, data)
        else:
            contact_id = self.book.create(data)
        saved = self.store.local(contact_id)
        assert saved is not None
        try:
            new_etag = self.client.put(
                conflict.href,
                write_vcard(saved, sync_version(saved), strict=False),
                VCARD_TYPE,
                etag=conflict.remote_etag,
            )
        except PreconditionFailed as exc:
            raise SyncError(
                "the card changed on the server again; sync, then choose again"
            ) from exc
        except DavError as exc:
            raise SyncError(str(exc)) from exc
        self.store.save(
            conflict.href,
            contact_id=contact_id,
            etag=new_etag,
            synced_hash=card_hash(saved),
            uid=saved.uid,
        )
        self.store.drop_conflicts(conflict_id=conflict_id)
        return contact_id


__all__ = [
    "Choice",
    "SyncEngine",
    "SyncError",
    "SyncProgress",
    "SyncReport",
    "card_hash",
    "parse_card",
]
