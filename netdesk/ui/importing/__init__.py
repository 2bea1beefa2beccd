"""Importing vCard and CSV files from the window: the preview, the column mapping, the run."""
