"""One window per database: a second launch hands its files to the first and brings it forward.

The first instance listens on a local socket named after the database file; a later launch
connects, sends the files it was asked to open (one path per line) and exits.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # QtNetwork loads only when another instance may be listening
    from PySide6.QtNetwork import QLocalSocket

TIMEOUT_MS = 1500


def server_name(db_path: Path) -> str:
    try:  # the built-in module: hashlib loads OpenSSL (~3 ms) before the window can paint
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:  # Python 3.12 names it _sha2
        from hashlib import sha256
    digest = sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:16]
    user = os.environ.get("USER") or "user"
    return f"netdesk-{user}-{digest}"


def may_be_running(db_path: Path) -> bool:
    """False when no netdesk listens on this database: on Unix a listening QLocalServer has a
    socket file in the temporary folder (a stale one after a crash still says True)."""
    if sys.platform == "win32":
        return True
    return os.path.exists(os.path.join(temp_path(), server_name(db_path)))


def temp_path() -> str:
    """QDir.tempPath(), where QLocalServer puts its socket file. On Linux that is $TMPDIR or
    /tmp, cleaned; written out so that QDir's type (~1 ms) is not made before the first paint."""
    if sys.platform.startswith("linux"):
        return os.path.normpath(os.environ.get("TMPDIR") or "/tmp")
    from PySide6.QtCore import QDir

    return QDir.tempPath()


def hand_over(db_path: Path, files: list[Path]) -> bool:
    """Send ``files`` to a running netdesk on this database; False when none is running."""
    if not may_be_running(db_path):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    payload = "\n".join(["RAISE", *(str(f.resolve()) for f in files)]) + "\n"
    socket.write(payload.encode("utf-8"))
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; emits what they asked for."""

    raiseRequested = Signal(list)  # list[Path] of files to import

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(db_path)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a stale socket left by a crash
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                return
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _read(self, socket: QLocalSocket | None = None) -> None:
        from PySide6.QtNetwork import QLocalSocket

        if socket is None:
            sender = self.sender()
            if not isinstance(sender, QLocalSocket):
                return
            socket = sender
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
            if line == "RAISE":
                self.raiseRequested.emit([])
            elif line:
                self.raiseRequested.emit([Path(line)])
