"""`netdesk dedupe`: merge the sure duplicates among stored contacts, list the possible ones.

Sure duplicates (same e-mail or phone) are merged, keeping everything each record says; possible
duplicates (a close name at the same organisation) are only listed, for the user to settle in
the window (Tools → Find and merge duplicates…). The database is backed up first, so a merge made
here can be taken back with `netdesk restore`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from netdesk.cli import EXIT_OK, command, print_json

if TYPE_CHECKING:
    from netdesk.app.opening import Database


def add_parsers(sub: Any) -> None:
    dedupe = sub.add_parser(
        "dedupe", help="merge contacts stored twice (same e-mail or phone); list possible ones"
    )
    dedupe.add_argument(
        "--dry-run", action="store_true", help="show what would be merged, change nothing"
    )
    dedupe.add_argument("--json", action="store_true", help="print JSON instead of text")


def _label(members: dict[int, Any], cid: int) -> str:
    return f"#{cid} {members[cid].name}"


@command("dedupe")
def _dedupe(args: argparse.Namespace, db: Database) -> int:
    from netdesk.app import backups
    from netdesk.app.dedupe import MergePlan, find_duplicates, merge_groups
    from netdesk.app.settings_store import SettingsStore
    from netdesk.domain.match_keys import default_region

    region = str(SettingsStore(db).get("phone_region") or default_region())
    found = find_duplicates(db)
    plans = [MergePlan.of(g) for g in found.sure]
    backup = None
    merged_away = 0
    if plans and not args.dry_run:
        backup = backups.back_up_now(db.path)
        merged_away = merge_groups(db, plans, region).merged_away
    elif plans:
        merged_away = sum(len(p.others) for p in plans)
    members = found.members
    if args.json:
        print_json(
            {
                "dry_run": bool(args.dry_run),
                "merged": [
                    {
                        "keep": p.keep,
                        "name": members[p.keep].name,
                        "merged": list(p.others),
                        "reasons": list(g.reasons),
                    }
                    for p, g in zip(plans, found.sure, strict=True)
                ],
                "contacts_merged": merged_away,
                "suggested": [
                    {
                        "contact_ids": list(g.contact_ids),
                        "names": [members[i].name for i in g.contact_ids],
                        "reasons": list(g.reasons),
                    }
                    for g in found.suggested
                ],
                "backup": str(backup) if backup else None,
            }
        )
        return EXIT_OK
    verb = "would merge" if args.dry_run else "merged"
    print(
        f"{verb} {merged_away} duplicate contacts into {len(plans)}; "
        f"{len(found.suggested)} possible duplicates left for you to check"
    )
    for plan, group in zip(plans, found.sure, strict=True):
        others = ", ".join(_label(members, i) for i in plan.others)
        print(f"  {_label(members, plan.keep)} ← {others} ({'; '.join(group.reasons)})")
    for group in found.suggested:
        names = " ~ ".join(_label(members, i) for i in group.contact_ids)
        print(f"  possible duplicate: {names} ({'; '.join(group.reasons)})")
    if found.suggested:
        print("settle possible duplicates in the window: Tools → Find and merge duplicates…")
    if backup is not None:
        print(f"backed up first to {backup} (undo with: netdesk restore {backup})")
    return EXIT_OK
