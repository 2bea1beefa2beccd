"""The command line's words that start the window, read one way for ``netdesk`` and the
command line (#16: they were parsed twice).

``netdesk [--db PATH] [--minimized] [FILE.vcf|.csv|photo …]`` opens the window (importing the
files). The entry point answers a plain start without importing the command line — SQLAlchemy
and every sub-command cost ~0.25 s before the window could paint; anything else (a command, an
option, a missing file) is the command line's to answer, with the same words taken out.
"""

from __future__ import annotations

from pathlib import Path

# Files the window imports when given on the command line ("Open with netdesk").
WINDOW_FILE_SUFFIXES = (
    ".vcf",
    ".vcard",
    ".csv",
    ".jpg",
    ".jpeg",
    ".png",
    ".webp",
    ".heic",
    ".heif",
)


def split_window_arguments(argv: list[str]) -> tuple[list[str], list[Path], bool]:
    """(the other arguments, the files to open, --minimized)."""
    rest: list[str] = []
    files: list[Path] = []
    minimized = False
    for arg in argv:
        if arg == "--minimized":
            minimized = True
        elif not arg.startswith("-") and arg.lower().endswith(WINDOW_FILE_SUFFIXES):
            files.append(Path(arg))
        else:
            rest.append(arg)
    return rest, files, minimized


def window_arguments(argv: list[str]) -> tuple[str | None, list[Path], bool] | None:
    """(--db, files, --minimized) for a plain start of the window, else None."""
    rest, files, minimized = split_window_arguments(argv)
    db: str | None = None
    words = iter(rest)
    for arg in words:
        if arg == "--db":
            db = next(words, None)
            if db is None:
                return None
        elif arg.startswith("--db="):
            db = arg.removeprefix("--db=")
        else:
            return None
    if not all(f.is_file() for f in files):
        return None
    return db, files, minimized


__all__ = ["WINDOW_FILE_SUFFIXES", "split_window_arguments", "window_arguments"]
