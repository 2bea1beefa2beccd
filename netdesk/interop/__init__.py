"""Reading and writing contacts in other programs' formats (vCard, CSV)."""
