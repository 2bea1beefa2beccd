"""Files of a database this process may hold open, handled without opening them here.

Closing any descriptor of a file drops every POSIX lock the process holds on it (see
``netdesk.store.common.is_sqlite_file``), so copying a database's raw bytes and probing whether
another program uses it are done from a child process, or from ``/proc/locks`` on Linux.
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import suppress
from pathlib import Path

from netdesk.store.common import DatabaseError


def temp_name(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.{os.getpid()}.partial")


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; not possible (nor needed) on Windows."""
    if sys.platform == "win32":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_bytes(pairs: list[tuple[str, str]]) -> None:
    """Runs in a child process: copy each (source, private destination) byte for byte."""
    for source, dest in pairs:
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(source, "rb") as src, os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())


def raw_copy(db_path: Path, dest: Path) -> Path:
    """Copy the bytes of a database SQLite cannot read, ``-wal`` included, so nothing is lost.

    The copy is made by a child process: this process may still hold SQLite connections on the
    file, and closing a descriptor of our own would drop their locks (see ``is_sqlite_file``).
    """
    import multiprocessing

    tmp = temp_name(dest)
    pairs = [(str(db_path), str(tmp))]
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        pairs.append((str(wal), str(dest.with_name(dest.name + "-wal"))))
    child = multiprocessing.get_context("spawn").Process(target=_copy_bytes, args=(pairs,))
    try:
        child.start()
        child.join()
        if child.exitcode != 0:
            raise DatabaseError(f"cannot copy {db_path} aside before restoring it")
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    finally:
        with suppress(FileNotFoundError):
            tmp.unlink()
    return dest


def _locked_by_others(path: Path) -> bool | None:
    """Linux: whether a process other than this one holds a lock on ``path``, read from
    ``/proc/locks`` so the file itself is never opened (None where that cannot be told)."""
    try:
        info = path.stat()
        table = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    wanted = (os.major(info.st_dev), os.minor(info.st_dev), info.st_ino)
    me = os.getpid()
    for line in table.splitlines():
        fields = line.split()
        # "1: POSIX  ADVISORY  READ 1234 08:01:5678 128 128"; "->" marks a waiting lock
        if "->" in fields:
            fields.remove("->")
        if len(fields) < 6 or not fields[4].isdigit():
            continue
        major, minor, inode = [*fields[5].split(":"), "", ""][:3]
        try:
            key = (int(major, 16), int(minor, 16), int(inode))
        except ValueError:
            continue
        if key == wanted and int(fields[4]) != me:
            return True
    return False


def in_use(db_path: Path) -> bool:
    """Whether another process has the database open: it holds a lock on the ``-shm`` file."""
    shm = db_path.with_name(db_path.name + "-shm")
    if not shm.exists():
        return False
    if sys.platform == "win32":
        try:  # Windows will not rename a file another process has open
            os.replace(shm, shm)
        except OSError:
            return True
        return False
    locked = _locked_by_others(shm)
    if locked is not None:
        return locked
    # Elsewhere (macOS, BSD) ask from a child process, whose descriptors are its own.
    import multiprocessing

    child = multiprocessing.get_context("spawn").Process(target=_probe_lock, args=(str(shm),))
    child.start()
    child.join()
    return child.exitcode != 0


def _probe_lock(shm: str) -> None:
    """Runs in a child process: exit 1 when another process holds a lock on ``shm``."""
    import fcntl

    fd = os.open(shm, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.exit(1)
    finally:
        os.close(fd)


__all__ = ["fsync_dir", "in_use", "raw_copy", "temp_name"]
