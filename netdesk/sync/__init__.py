"""CardDAV/CalDAV sync: contacts both ways, follow-ups published as to-dos.

``netdesk.sync.dav`` speaks WebDAV, ``netdesk.sync.engine`` decides what goes where,
``netdesk.sync.accounts`` keeps the list of servers. Nothing here imports Qt.
"""
