"""The contacts list, the selected contact's pane, the contact dialog and their undo commands."""
