"""Small reusable widgets: an empty state, a bar chart, a calendar picker, ranked events."""
