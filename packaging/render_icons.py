"""Render the SVG app icon to the PNG sizes desktops ask for (hicolor theme layout).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Writes resources/icons/hicolor/<n>x<n>/apps/io.github.netdesk.Netdesk.png; the PNGs are
committed so installing needs no Qt at build time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.netdesk.Netdesk"


def render(svg: Path, out_root: Path) -> list[Path]:
    renderer = QSvgRenderer(str(svg))
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = out_root / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    icons = ROOT / "resources" / "icons"
    for path in render(icons / f"{APP_ID}.svg", icons / "hicolor"):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
