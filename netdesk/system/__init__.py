"""What netdesk needs from the machine: where files go, logs, the keyring, start at login,
the bundled assets, files only the user may read, and the lists of netdesk's own parts.

Qt-free; every other package may use it."""
