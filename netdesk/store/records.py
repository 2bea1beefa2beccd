"""Each contact as ``netdesk contacts --json`` prints it, kept ready-made in ``contact_record``
(#19).

Building the records of 4,000 matches from seven tables took ~100 ms of SQL (six correlated
lists a contact), too slow for a command a script calls in a loop. The record of each contact
is now derived data like its search row (netdesk.store.derived): the triggers of migrations 0009
and 0011 note every contact whose rows change — its own columns that the record shows, its
e-mails, phones, addresses, web sites, tags and events, and the name or date of an event it is
in — and ``derived.refresh`` rebuilds exactly those records before the commit. Reading 4,000 of
them is then one lookup each.

Strength is not in the record: it fades day by day, so the reader adds it
(netdesk.app.contact_records). A record always ends with ``}``.
"""

from __future__ import annotations

# What a record holds, in this order; ``c`` is the contact's row. The lists are in the order
# the window shows them.
RECORD_SQL = """json_object(
  'id', c.id,
  'full_name', c.full_name,
  'given_name', coalesce(c.given_name, ''),
  'family_name', coalesce(c.family_name, ''),
  'nickname', coalesce(c.nickname, ''),
  'organization', coalesce(c.organization, ''),
  'department', coalesce(c.department, ''),
  'title', coalesce(c.title, ''),
  'role', coalesce(c.role, ''),
  'emails', (SELECT json_group_array(value) FROM (
     SELECT value FROM contact_email x WHERE x.contact_id = c.id ORDER BY position, id)),
  'phones', (SELECT json_group_array(value) FROM (
     SELECT value FROM contact_phone x WHERE x.contact_id = c.id ORDER BY position, id)),
  'addresses', (SELECT json_group_array(json_object(
       'kind', kind, 'po_box', po_box, 'extended', extended, 'street', street, 'city', city,
       'region', region, 'postal_code', postal_code, 'country', country)) FROM (
     SELECT * FROM contact_address x WHERE x.contact_id = c.id ORDER BY position, id)),
  'urls', (SELECT json_group_array(value) FROM (
     SELECT value FROM contact_url x WHERE x.contact_id = c.id ORDER BY position, id)),
  'note', coalesce(c.note, ''),
  'birthday', c.birthday,
  'tags', (SELECT json_group_array(name) FROM (
     SELECT t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
      WHERE ct.contact_id = c.id ORDER BY t.name)),
  'has_photo', json(iif(c.photo_mime IS NULL, 'false', 'true')),
  'needs_review', json(iif(c.needs_review, 'true', 'false')),
  'events', (SELECT json_group_array(name) FROM (
     SELECT e.name FROM event_contact ec JOIN event e ON e.id = ec.event_id
      WHERE ec.contact_id = c.id ORDER BY e.date, e.id)),
  'tier', c.tier,
  'cadence_days', c.cadence_days,
  'last_touch', c.last_touch,
  'next_follow_up', c.next_follow_up,
  'created_at', strftime('%Y-%m-%dT%H:%M:%SZ', c.created_at),
  'updated_at', strftime('%Y-%m-%dT%H:%M:%SZ', c.updated_at))"""

# The contact's columns the record reads: a change to any of them marks the record stale
# (migration 0011's trigger; tests/test_contact_records.py checks the two lists agree).
CONTACT_COLUMNS = (
    "full_name",
    "given_name",
    "family_name",
    "nickname",
    "organization",
    "department",
    "title",
    "role",
    "note",
    "birthday",
    "photo_mime",
    "needs_review",
    "tier",
    "cadence_days",
    "last_touch",
    "next_follow_up",
    "created_at",
    "updated_at",
)

# Beside each record, what its strength is computed from: the contact's touches (done
# follow-ups, and interactions read from mail and calendars) from TOUCHES_FROM days before the
# day it was built, ``[from, [[day, sent, received, meeting], ...]]`` in no order. Reading
# them for 4,036 matches through the follow-ups' index was more than half of
# ``contacts --search``'s SQL (#19); here they come with the record. A touch added, changed or
# removed notes the contact (the triggers of migrations 0009 and 0012), so the list is whole
# from ``from`` on; strength reads the year before its day, which the list holds as long as
# that day is no earlier than the day the list was built (netdesk.app.contact_records). One
# item per touch, not per day: grouping sorted each contact's touches in a temporary B-tree,
# which made building 10,000 records 122 ms slower instead of 73.
TOUCHES_FROM = 400
_FROM = f"date('now', 'localtime', '-{TOUCHES_FROM} days')"
TOUCHES_SQL = f"""json_array({_FROM}, json((
  SELECT json_group_array(json_array(day, sent, received, meeting)) FROM (
    SELECT x.date AS day, x.direction IN ('sent', 'both') AS sent,
           x.direction IN ('received', 'both') AS received, x.channel = 'meeting' AS meeting
      FROM interaction x WHERE x.contact_id = c.id AND x.date >= {_FROM}
    UNION ALL
    SELECT t.done_date, 1, 0, t.kind = 'meeting' FROM touchpoint t
     WHERE t.contact_id = c.id AND t.status = 'done' AND t.done_date >= {_FROM}
       AND NOT EXISTS (SELECT 1 FROM auto_completion a
                       WHERE a.touchpoint_id = t.id AND NOT a.undone)))))"""

_IDS = "SELECT value FROM json_each(:ids)"
DELETE_SQL = f"DELETE FROM contact_record WHERE contact_id IN ({_IDS})"
INSERT_SQL = (
    f"INSERT INTO contact_record(contact_id, record, touches) "
    f"SELECT c.id, {RECORD_SQL}, {TOUCHES_SQL} FROM contact c WHERE c.id IN ({_IDS})"
)

# Before migration 0012 (a file being migrated): the record alone.
INSERT_SQL_0011 = (
    f"INSERT INTO contact_record(contact_id, record) SELECT c.id, {RECORD_SQL} "
    f"FROM contact c WHERE c.id IN ({_IDS})"
)

__all__ = [
    "CONTACT_COLUMNS",
    "DELETE_SQL",
    "INSERT_SQL",
    "INSERT_SQL_0011",
    "RECORD_SQL",
    "TOUCHES_FROM",
    "TOUCHES_SQL",
]
