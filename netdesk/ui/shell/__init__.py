"""The main window and its start-up: the shell the features install into."""
