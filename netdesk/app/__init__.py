"""Use cases over the store: what the window and the command line both call. No Qt here."""
