"""Reading the user's own mail and calendars on this machine: headers only, never bodies.

Qt-free and shared by the window and the command line. ``headers`` turns a message's header
block into what netdesk needs (who, when, whether it is automatic mail); ``local`` reads mbox
files, Thunderbird profiles and Maildir folders in place; ``imap`` fetches header fields from an
IMAP account, incrementally; ``calendar`` expands .ics and CalDAV events into held meetings.
What counts and what it does lives in ``netdesk.app.interactions``.
"""
