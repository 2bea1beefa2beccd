"""Linux desktop integration: the files validate, name the MIME types and icons, and install."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP = "io.github.netdesk.Netdesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (CI installs desktop-file-utils and appstream)")
    return found


def test_desktop_entry_validates_and_opens_vcards() -> None:
    entry = LINUX / f"{APP}.desktop"
    result = subprocess.run(
        [tool("desktop-file-validate"), str(entry)], check=False, capture_output=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    mime_types = set(desktop["MimeType"].strip(";").split(";"))
    assert {"text/vcard", "text/x-vcard", "text/csv"} <= mime_types
    assert desktop["Exec"] == "netdesk %F" and desktop["Icon"] == APP
    assert set(desktop["Categories"].strip(";").split(";")) == {"Office", "ContactManagement"}


def test_appstream_metainfo_validates() -> None:
    metainfo = LINUX / f"{APP}.metainfo.xml"
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
        check=False,
        capture_output=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    tree = ElementTree.parse(metainfo)
    assert tree.findtext("id") == APP
    assert tree.findtext("launchable[@type='desktop-id']") == f"{APP}.desktop"
    assert tree.find("content_rating") is not None and tree.findall("releases/release")
    images = [i.text or "" for i in tree.iterfind("screenshots/screenshot/image")]
    base = "https://raw.githubusercontent.com/netdesk/netdesk/main/"
    assert [i.removeprefix(base) for i in images] == [
        "resources/screenshots/main-window-en.png",
        "resources/screenshots/main-window-es.png",
    ]
    for image in images:  # the URLs name real, committed screenshots
        assert QImage(str(ROOT / image.removeprefix(base))).width() >= 800, image


def test_every_icon_size_exists_at_its_size() -> None:
    for size in SIZES:
        png = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size), png


def test_install_script_puts_the_files_in_the_users_data_folder(tmp_path: Path) -> None:
    fake = tmp_path / "my apps" / "netdesk"  # a folder with a space, not on PATH
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "NETDESK": str(fake)}
    subprocess.run(["bash", str(ROOT / "packaging" / "install.sh")], env=env, check=True)
    assert (tmp_path / "applications" / f"{APP}.desktop").is_file()
    assert (tmp_path / "metainfo" / f"{APP}.metainfo.xml").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP}.svg").is_file()
    for size in SIZES:
        assert (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP}.png").is_file()
    installed = (tmp_path / "applications" / f"{APP}.desktop").read_text(encoding="utf-8")
    source = (LINUX / f"{APP}.desktop").read_text(encoding="utf-8")
    # #14, point 5: "Exec=netdesk" started nothing when netdesk lived in a virtualenv
    assert f'Exec="{fake}" %F' in installed.splitlines()
    assert installed.replace(f'Exec="{fake}" %F', "Exec=netdesk %F") == source
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(tmp_path / "applications" / f"{APP}.desktop")],
            check=True,
        )
    if shutil.which("update-desktop-database"):  # "Open with netdesk" for .vcf files
        cache = (tmp_path / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"text/vcard={APP}.desktop;" in cache.splitlines()
    subprocess.run(
        ["bash", str(ROOT / "packaging" / "install.sh"), "--uninstall"], env=env, check=True
    )
    assert not (tmp_path / "applications" / f"{APP}.desktop").exists()
