"""A fresh machine without Qt's X11 libraries gets one clear line, not Qt's abort (#14, 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from netdesk.system import display_check
from netdesk.system.display_check import XCB_LIBRARIES, library_hint, uses_xcb, xcb_problem


def test_which_sessions_use_xcb() -> None:
    assert uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux")
    assert not uses_xcb({}, "darwin")


def test_missing_libraries_are_named_by_their_packages() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    line = xcb_problem({"DISPLAY": ":0"}, lambda name: name not in absent, "linux")
    assert line.startswith("netdesk: the window needs X11 libraries")
    assert "'sudo apt install libxcb-cursor0 libxcb-icccm4'" in line
    assert xcb_problem({"DISPLAY": ":0"}, lambda name: True, "linux") == ""
    assert set(XCB_LIBRARIES.values()) >= {"libxcb-cursor0", "libxcb-keysyms1"}


def test_the_libraries_this_machine_has_are_found() -> None:
    # Qt's window works in this test run, so what its plugin links must load here
    assert display_check.missing_packages() == []


def test_the_window_command_says_so_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from netdesk import cli

    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(display_check, "_loads", lambda name: name != "libxcb-cursor.so.0")
    assert cli.run(["--db", str(tmp_path / "n.sqlite"), "--minimized"]) == 1
    err = capsys.readouterr().err
    assert "sudo apt install libxcb-cursor0" in err
    assert not (tmp_path / "n.sqlite").exists()  # nothing was opened


def test_a_missing_qt_library_gets_its_package() -> None:
    hint = library_hint("libEGL.so.1: cannot open shared object file")
    assert hint == "netdesk: install it with 'sudo apt install libegl1' (Debian/Ubuntu)"
