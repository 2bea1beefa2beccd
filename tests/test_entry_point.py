"""``netdesk`` alone (or with --db, --minimized and card files) goes straight to the window,
without the command line's imports; everything else is the command line's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from netdesk import cli
from netdesk.__main__ import main
from netdesk.system.window_args import window_arguments


def test_the_window_and_the_command_line_read_the_same_words(tmp_path: Path) -> None:
    """#16: one reading of the window's arguments (netdesk.system.window_args) for both."""
    card = tmp_path / "Cards.JPEG"
    card.write_bytes(b"")
    argv = ["--db", "x.sqlite", str(card), "--minimized"]
    assert window_arguments(argv) == ("x.sqlite", [card], True)
    assert cli._gui_arguments(argv) == (["--db", "x.sqlite"], [card], True)
    assert cli._gui_arguments(["--db", "x.sqlite", "contacts"]) is None


def test_plain_starts_of_the_window_are_recognised(tmp_path: Path) -> None:
    card = tmp_path / "cards.VCF"
    card.write_text("BEGIN:VCARD\nEND:VCARD\n", encoding="utf-8")
    assert window_arguments([]) == (None, [], False)
    assert window_arguments(["--db", "x.sqlite"]) == ("x.sqlite", [], False)
    assert window_arguments(["--db=x.sqlite", "--minimized"]) == ("x.sqlite", [], True)
    assert window_arguments([str(card), "--db", "y"]) == ("y", [card], False)


@pytest.mark.parametrize(
    "argv",
    [
        ["contacts"],
        ["--db", "x", "contacts", "--json"],
        ["--version"],
        ["--help"],
        ["--db"],
        ["--d", "x"],  # argparse's abbreviation: the command line decides
        ["nowhere.vcf"],  # missing: the command line names it
    ],
)
def test_everything_else_is_the_command_lines(argv: list[str]) -> None:
    assert window_arguments(argv) is None


def test_a_plain_start_opens_the_window_without_loading_sqlalchemy(tmp_path: Path) -> None:
    db = tmp_path / "n.sqlite"
    code = (
        "import sys\n"
        "import netdesk.ui.shell.app as app\n"
        "app.run_gui = lambda path, files, minimized: print(path, 'sqlalchemy' in sys.modules)"
        " or 0\n"
        "from netdesk.__main__ import main\n"
        f"sys.exit(main(['--db', {str(db)!r}]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(db), "False"]


def test_commands_still_run_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "n.sqlite"), "contacts"]) == 0
