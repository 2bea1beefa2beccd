"""The words a touchpoint is recorded with: the command line's choices and the store's checks."""

KINDS = ("thank_you", "meeting", "share_content", "call", "note")
INTENTS = ("give", "connect", "ask")
