"""Plain data the rest of netdesk passes around: no database, no Qt."""
