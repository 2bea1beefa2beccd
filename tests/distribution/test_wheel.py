"""The wheel carries everything: installed into a fresh environment it runs, finds its icons
and translations, and imports cards headless."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures"


def run(*args: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], check=False, capture_output=True, text=True, cwd=cwd, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_wheel_installs_and_works_in_a_fresh_environment(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", ROOT, "-w", wheels)
    (wheel,) = wheels.glob("netdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for inside in (
        "netdesk/_resources/icons/io.github.netdesk.Netdesk.svg",
        "netdesk/_resources/i18n/netdesk_es.qm",
        "netdesk/store/migrations/versions/0003_cadence_indexes.py",
        "netdesk/store/migrations/env.py",
        "netdesk/_resources/icons/hicolor/48x48/apps/io.github.netdesk.Netdesk.png",
        "netdesk/_resources/i18n/netdesk_es.ts",
    ):
        assert inside in names, inside
    assert not [n for n in names if "screenshots" in n], "the wheel does not need screenshots"
    # pip builds in the checkout's build/ folder, which keeps modules deleted since: none may
    # reach the wheel.
    stale = [
        n
        for n in names
        if n.endswith(".py") and n.startswith("netdesk/") and not (ROOT / n).is_file()
    ]
    assert not stale, f"stale modules from build/ in the wheel (delete build/): {stale}"

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", wheel)
    from netdesk import __version__

    outside = tmp_path / "elsewhere"  # not the checkout: only the installed package is seen
    outside.mkdir()
    assert run(venv / "bin" / "netdesk", "--version", cwd=outside).strip() == (
        f"netdesk {__version__}"
    )
    db = tmp_path / "n.sqlite"
    cards = sorted(FIXTURE.glob("*.vcf"))[0]
    report = json.loads(
        run(venv / "bin" / "netdesk", "--db", db, "import", cards, "--json", cwd=outside)
    )
    assert report["created"] >= 1
    listed = json.loads(run(venv / "bin" / "netdesk", "--db", db, "contacts", "--json"))
    assert len(listed) == report["created"]
    found = run(
        python,
        "-c",
        "from netdesk.system import assets; print(assets.root()); "
        "print(assets.path('i18n', 'netdesk_es.qm').is_file(), assets.app_icon().is_file())",
        cwd=outside,
    ).split()
    assert "site-packages" in found[0] and found[1:] == ["True", "True"]


def test_editable_install_reads_the_resources_from_the_checkout(tmp_path: Path) -> None:
    """``pip install -e .`` (what CI and developers use) keeps working and finds resources/."""
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", "--no-deps", "-e", ROOT)
    found = run(
        python,
        "-c",
        "from netdesk.system import assets; print(assets.root()); "
        "print(assets.path('i18n', 'netdesk_es.qm').is_file(), assets.app_icon().is_file())",
        cwd=tmp_path,
    ).split()
    assert found == [str(ROOT / "resources"), "True", "True"]
