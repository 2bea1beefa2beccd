"""The follow-ups pane, its actions and dialogs, and the reminders in the tray."""
