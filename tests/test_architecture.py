"""The core must stay free of Qt, so the command line and tests never need a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "netdesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_outside_ui_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts
        and any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path))
    ]
    assert offenders == []


def test_store_and_domain_do_not_reach_up_into_use_cases_or_front_ends() -> None:
    offenders = []
    for layer in ("store", "domain", "interop"):
        for path in (PACKAGE / layer).rglob("*.py"):
            bad = {n for n in _imports(path) if n.startswith(("netdesk.ui", "netdesk.app"))}
            if bad:
                offenders.append((str(path.relative_to(PACKAGE)), sorted(bad)))
    assert offenders == []


def _offenders(package: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list:
    found = []
    for path in (PACKAGE / package).rglob("*.py"):
        bad = {
            n
            for n in _imports(path)
            if n.startswith(forbidden) and n not in allowed and n.split(".")[0] != "__future__"
        }
        if bad:
            found.append((str(path.relative_to(PACKAGE)), sorted(bad)))
    return found


def test_the_window_reaches_the_data_only_through_the_use_cases() -> None:
    """#16: ui → netdesk.app, never the store or SQLAlchemy (no ORM query in a dialog)."""
    assert _offenders("ui", ("netdesk.store", "sqlalchemy", "alembic")) == []


def test_the_command_line_does_not_import_the_window() -> None:
    """#16: the command line may start the window and render a PDF (Qt's text layout)."""
    allowed = ("netdesk.ui.shell.app", "netdesk.ui.report_pdf")
    assert _offenders("cli", ("netdesk.ui", "PySide6"), allowed) == []


def test_features_see_the_context_not_the_window_nor_each_other() -> None:
    """#16: a feature is installed from the context (netdesk.ui.context); it never imports the
    shell (the main window, its start-up) nor another feature, so adding one is one folder
    and one line of the feature list."""
    from netdesk.ui.shell.window_build import FEATURES

    folder = PACKAGE / "ui" / "features"
    packages = sorted(p.name for p in folder.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(FEATURES)
    for name in packages:
        others = tuple(f"netdesk.ui.features.{n}" for n in packages if n != name)
        found = _offenders(f"ui/features/{name}", ("netdesk.ui.shell", *others))
        assert found == [], name


def test_use_cases_and_system_stay_below_the_front_ends() -> None:
    forbidden = ("netdesk.ui", "netdesk.cli")
    assert _offenders("app", forbidden) == []
    assert _offenders("system", (*forbidden, "netdesk.app", "netdesk.store", "sqlalchemy")) == []


def test_command_line_runs_without_loading_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from netdesk.cli import run; "
        f"rc = run(['--db', {str(tmp_path / 'x.sqlite')!r}, 'contacts', '--json']); "
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT'); "
        "sys.exit(rc)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "NOQT"


def test_modules_stay_small() -> None:
    big = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert big == {}


def test_every_listed_part_exists_and_a_missing_one_is_an_error() -> None:
    """#16: four names in the window's feature list did not exist and were skipped silently."""
    import re

    import pytest

    from netdesk.cli import CLI_MODULES
    from netdesk.system.plugins import MissingPart, listed_modules
    from netdesk.ui.shell.settings_dialog import SETTINGS_PAGES
    from netdesk.ui.shell.window_build import FEATURES

    names = [f"netdesk.cli.{n}" for n in CLI_MODULES]
    names += [f"netdesk.ui.features.{n}" for n in FEATURES]
    assert [m.__name__ for m in listed_modules(names)] == names
    features = {m.__name__.rsplit(".", 1)[1]: m for m in listed_modules(names[len(CLI_MODULES) :])}
    assert all(hasattr(m, "install") for m in features.values())
    assert all(hasattr(features[n], "settings_page") for n in SETTINGS_PAGES)
    wanted = re.escape("'netdesk.ui.features.events_view' is listed but does not exist")
    with pytest.raises(MissingPart, match=wanted):
        list(listed_modules(["netdesk.ui.features.events_view"]))
