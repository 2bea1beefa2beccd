"""Sub-commands for CardDAV/CalDAV sync: accounts, sync runs and conflicts.

Passwords are read from stdin (``--password-stdin``) or a hidden prompt and only ever handed to
the keyring (netdesk.system.secrets); without secure storage they are asked for at every sync
instead.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from netdesk.cli import EXIT_ERROR, EXIT_OK, CliError, command, print_json, print_table

if TYPE_CHECKING:
    from netdesk.app.opening import Database


def add_parsers(sub: Any) -> None:
    account = sub.add_parser(
        "account", help="add or remove a CardDAV/CalDAV sync account or an IMAP mail account"
    )
    actions = account.add_subparsers(dest="account_command", required=True)
    add = actions.add_parser(
        "add", help="add a sync account (finds its address book) or an IMAP account (--kind imap)"
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", choices=("carddav", "imap"), default="carddav")
    add.add_argument("--url", help="CardDAV: the server, principal or address book URL")
    add.add_argument("--host", metavar="H", help="IMAP: the server's host name")
    add.add_argument("--port", type=int, metavar="P", help="IMAP: default 993 (tls) / 143")
    add.add_argument("--security", choices=("tls", "starttls"), default="tls")
    add.add_argument(
        "--folder", action="append", default=[], metavar="NAME", help="IMAP: also scan this folder"
    )
    add.add_argument("--username", required=True, metavar="USER")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument(
        "--create",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="create a missing address book / task calendar (default: yes)",
    )
    add.add_argument("--interval", type=int, default=30, metavar="MINUTES")
    remove = actions.add_parser("remove", help="forget a sync account and its password")
    remove.add_argument("name", metavar="NAME")

    listing = sub.add_parser("accounts", help="list sync accounts")
    listing.add_argument("--json", action="store_true")

    sync = sub.add_parser("sync", help="sync contacts and follow-ups with the server")
    sync.add_argument("name", nargs="?", metavar="NAME", help="one account (default: all)")
    sync.add_argument("--json", action="store_true")
    sync.add_argument("--password-stdin", action="store_true", help="read passwords from stdin")

    conflicts = sub.add_parser("conflicts", help="list contacts changed on both sides")
    conflicts.add_argument("--json", action="store_true")
    resolve = sub.add_parser("resolve", help="settle a sync conflict")
    resolve.add_argument("id", type=int)
    resolve.add_argument("--keep", choices=("local", "remote"), required=True)
    resolve.add_argument("--password-stdin", action="store_true")


def _read_password(from_stdin: bool, prompt: str) -> str:
    try:
        value = sys.stdin.readline() if from_stdin else getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        value = ""
    value = value.rstrip("\r\n")
    if not value:
        raise CliError("no password given")
    return value


def _password_for(name: str, username: str, from_stdin: bool) -> str:
    """The saved password, else asked for (never saved from here)."""
    from netdesk.system.secrets import (
        KeyringLocked,
        NoSecureStorage,
        PasswordStore,
        PasswordStoreError,
    )

    try:
        saved = PasswordStore().get(name)
    except (KeyringLocked, NoSecureStorage) as exc:
        print(f"netdesk: {exc}; enter the password for {name!r}", file=sys.stderr)
        saved = None
    except PasswordStoreError as exc:
        raise CliError(str(exc)) from exc
    return saved or _read_password(from_stdin, f"Password for {username} ({name}): ")


@command("account")
def _account(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app import accounts as use_cases
    from netdesk.sync import accounts
    from netdesk.sync.report import SyncError
    from netdesk.system.secrets import PasswordStore, PasswordStoreError

    store = PasswordStore()
    if args.account_command == "remove":
        return _remove_account(db, args.name, store)
    if args.kind == "imap":
        return _add_mail_account(args, db, store)
    if not args.url:
        raise CliError("account add: --url is needed for a CardDAV account")
    if any(a.name == args.name for a in accounts.accounts(db)):
        raise CliError(f"there is already a sync account named {args.name!r}")
    url = accounts.check_url(args.url)
    if accounts.plain_http(url):
        print("netdesk: warning: http:// sends the password unencrypted", file=sys.stderr)
    password = _read_password(args.password_stdin, f"Password for {args.username}: ")
    try:
        setup = accounts.discover(url, args.username, password, create=args.create)
    except SyncError as exc:
        raise CliError(str(exc)) from exc
    try:
        kept = use_cases.add_sync_account(
            db,
            store,
            args.name,
            url=url,
            username=args.username,
            password=password,
            setup=setup,
            interval_minutes=args.interval,
        )
    except PasswordStoreError as exc:
        raise CliError(f"{exc}; the account was not added") from exc
    print(f"Added the sync account {args.name!r}.")
    print(f"  address book:  {setup.addressbook_url or '(none)'}")
    print(f"  task calendar: {setup.calendar_url or '(none)'}")
    if kept:
        print(f"  password kept in: {store.describe()}")
    else:
        print(
            "  No secure password storage on this computer: the password was not saved, "
            "so 'netdesk sync' asks for it each time."
        )
    return EXIT_OK


def _remove_account(db: Database, name: str, store: Any) -> int:
    from netdesk.app import accounts as use_cases

    mail = use_cases.is_mail_account(db, name)
    left = use_cases.remove_account(db, store, name)
    if left is not None:
        print(f"netdesk: the password could not be removed: {left}", file=sys.stderr)
    if mail:
        print(f"Removed the mail account {name!r} (what it logged stays).")
    else:
        print(f"Removed the sync account {name!r}.")
    return EXIT_OK


def _add_mail_account(args: argparse.Namespace, db: Database, store: Any) -> int:
    """An IMAP account: log in once to check it and find its folders, then keep it."""
    from netdesk.app import accounts as use_cases
    from netdesk.app.mail_sources import SourceError
    from netdesk.mail import imap
    from netdesk.system.secrets import PasswordStoreError

    if not args.host:
        raise CliError("account add --kind imap: --host is needed")
    if use_cases.is_mail_account(db, args.name):
        raise CliError(f"there is already a mail account named {args.name!r}")
    port = args.port or imap.DEFAULT_PORTS[args.security]
    password = _read_password(args.password_stdin, f"Password for {args.username}: ")
    account = imap.ImapAccount(args.host, port, args.security, args.username)
    try:
        client = imap.connect(account, password)
        try:
            folders = imap.folders_to_scan(client, args.folder)
        finally:
            imap.close(client)
    except imap.ImapError as exc:
        raise CliError(f"{exc}; the account was not added") from exc
    except (OSError, imap.IMAPClientError) as exc:
        raise CliError(
            f"{account.where()}: {imap.describe(exc)}; the account was not added"
        ) from exc
    try:
        kept = use_cases.add_mail_account(
            db,
            store,
            args.name,
            host=args.host,
            username=args.username,
            password=password,
            port=port,
            security=args.security,
            folders=args.folder,
        )
    except PasswordStoreError as exc:
        raise CliError(f"{exc}; the account was not added") from exc
    except SourceError as exc:
        raise CliError(str(exc)) from exc
    print(f"Added the mail account {args.name!r} ({account.where()}, {args.security}).")
    print(f"  folders scanned: {', '.join(folders)}")
    if kept:
        print(f"  password kept in: {store.describe()}")
    else:
        print(
            "  No secure password storage on this computer: the password was not saved, "
            "so 'netdesk mail scan' asks for it each time."
        )
    return EXIT_OK


@command("accounts")
def _accounts(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app.mail_sources import MailSources
    from netdesk.sync import accounts

    rows: list[dict[str, Any]] = [
        {
            "name": a.name,
            "kind": "carddav",
            "url": a.url,
            "username": a.username,
            "addressbook_url": a.addressbook_url,
            "calendar_url": a.calendar_url,
            "interval_minutes": a.interval_minutes,
            "last_sync_at": a.last_sync_at.isoformat(timespec="seconds") + "Z"
            if a.last_sync_at
            else None,
            "last_error": a.last_error,
        }
        for a in accounts.accounts(db)
    ]
    rows.extend(
        {
            "name": s.name,
            "kind": s.kind,
            "url": f"imaps://{s.host}:{s.port}" if s.kind == "imap" else s.path,
            "username": s.username,
            "security": s.security,
            "last_sync_at": s.last_scan_at.isoformat(timespec="seconds")
            if s.last_scan_at
            else None,
            "last_error": None,
        }
        for s in MailSources(db).all()
    )
    if args.json:
        print_json(rows)
        return EXIT_OK
    columns = ("name", "url", "username", "last_sync_at", "last_error")
    table = [[str(r[c] or ("never" if c == "last_sync_at" else "")) for c in columns] for r in rows]
    print_table(table, ["Name", "URL", "User", "Last sync", "Last error"])
    return EXIT_OK


@command("sync")
def _sync(args: argparse.Namespace, db: Database) -> int:
    from netdesk.sync import accounts
    from netdesk.sync.engine import SyncEngine, SyncError

    targets = [accounts.get_account(db, args.name)] if args.name else accounts.accounts(db)
    if not targets:
        raise CliError("no sync accounts: add one with 'netdesk account add NAME --url URL ...'")
    results: list[dict[str, Any]] = []
    failed = False
    for account in targets:
        password = _password_for(account.name, account.username, args.password_stdin)
        with SyncEngine(db, account, password) as engine:
            try:
                report = engine.sync()
            except SyncError as exc:
                failed = True
                results.append({"account": account.name, "error": str(exc)})
                print(f"netdesk: sync {account.name!r} failed: {exc}", file=sys.stderr)
                continue
        results.append({**report.as_dict(), "error": None})
        if not args.json:
            print(
                f"{account.name}: {report.downloaded} received, {report.uploaded} sent, "
                f"{report.deleted_here} deleted here, {report.deleted_there} deleted there, "
                f"{report.tasks_published} follow-ups published, "
                f"{report.tasks_completed} completed elsewhere"
            )
            for item in report.skipped:
                print(f"  skipped: {item}")
            if report.conflicts:
                print(
                    f"  {len(report.conflicts)} contact(s) changed on both sides: "
                    "see 'netdesk conflicts'"
                )
    if args.json:
        print_json(results)
    return EXIT_ERROR if failed else EXIT_OK


@command("conflicts")
def _conflicts(args: argparse.Namespace, db: Database) -> int:
    from netdesk.sync import accounts
    from netdesk.sync.engine import parse_card

    names = {a.id: a.name for a in accounts.accounts(db)}
    rows = []
    for c in accounts.open_conflicts(db):
        local, remote = parse_card(c.local_vcard), parse_card(c.remote_vcard)
        rows.append(
            {
                "id": c.id,
                "account": names.get(c.account_id, ""),
                "contact_id": c.contact_id,
                "local_name": local.display_name() if local else "",
                "remote_name": remote.display_name() if remote else "",
                "href": c.href,
            }
        )
    if args.json:
        print_json(rows)
        return EXIT_OK
    table = [
        [str(r["id"]), str(r["account"]), str(r["local_name"]), str(r["remote_name"])] for r in rows
    ]
    print_table(table, ["ID", "Account", "Here", "On the server"])
    return EXIT_OK


@command("resolve")
def _resolve(args: argparse.Namespace, db: Database) -> int:
    from netdesk.sync import accounts
    from netdesk.sync.engine import SyncEngine, SyncError

    conflict = next((c for c in accounts.open_conflicts(db) if c.id == args.id), None)
    if conflict is None:
        raise CliError(f"no sync conflict with id {args.id}")
    account = next(a for a in accounts.accounts(db) if a.id == conflict.account_id)
    password = _password_for(account.name, account.username, args.password_stdin)
    with SyncEngine(db, account, password) as engine:
        try:
            contact_id = engine.resolve_conflict(args.id, args.keep)
        except SyncError as exc:
            raise CliError(str(exc)) from exc
    print(f"Kept the {args.keep} version of contact {contact_id}.")
    return EXIT_OK
