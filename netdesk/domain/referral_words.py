"""The words a referral is recorded with; the command line's choices and the ledger's checks."""

DIRECTIONS = ("given", "received")
STATUSES = ("open", "meeting", "won", "lost")
