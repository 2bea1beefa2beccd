#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller into dist/netdesk/ and smoke-test it from a
# folder outside the checkout, with no display:
#   * `netdesk --version`
#   * a headless import of tests/fixtures/breakfast.vcf (vobject, phonenumbers' metadata for
#     the E.164 match keys, SQLAlchemy and the Alembic migrations, all from inside the bundle)
#   * a PDF report (Qt's off-screen platform plugin and fonts inside the bundle)
#   * the icons and compiled translations are where netdesk.system.assets looks for them
#     bash packaging/build_bundle.sh [PYTHON]     (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
python="${1:-.venv/bin/python}"
case "$python" in
  */*) python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")" ;;
  *) python="$(command -v "$python")" ;;
esac
start=$SECONDS
"$python" -m pip install -q "pyinstaller>=6.10"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/netdesk.spec
echo "bundle built in $((SECONDS - start)) s"

bundle="$root/dist/netdesk/netdesk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$bundle" --version | tee version.txt
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$bundle" --db "$work/n.sqlite" \
  import "$root/tests/fixtures/breakfast.vcf" --json > report.json
# A photographed QR badge (made with the build's Python): zxing-cpp, OpenCV and Pillow inside.
"$python" - "$work" "$root" <<'PY'
import sys
from pathlib import Path

sys.path.insert(0, sys.argv[2])
from bench.card_photos import qr_photo

data, truth = qr_photo(5, "vcard3")
(Path(sys.argv[1]) / "badge.jpg").write_bytes(data)
(Path(sys.argv[1]) / "badge-name.txt").write_text(truth.full_name, encoding="utf-8")
PY
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$bundle" --db "$work/p.sqlite" \
  import "$work/badge.jpg" --json > photo.json
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$bundle" --db "$work/n.sqlite" \
  report --from 2000-01-01 --to 2100-12-31 --output "$work/report.pdf" > /dev/null
"$python" - "$work" "$root" <<'PY'
import json
import sqlite3
import sys
from pathlib import Path

work, root = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(root))
from netdesk import __version__

version = (work / "version.txt").read_text().strip()
assert version == f"netdesk {__version__}", f"bundle --version said {version!r}"
report = json.loads((work / "report.json").read_text())
assert report["created"] == 3 and not report["rejected"], f"bundle import: {report}"
with sqlite3.connect(work / "n.sqlite") as db:
    keys = sorted(k for (k,) in db.execute("SELECT match_key FROM contact_phone"))
assert keys == ["+34600123456", "+34915550102"], f"bundle phone keys (phonenumbers): {keys}"
photo = json.loads((work / "photo.json").read_text())
assert photo["images"][0]["source"] == "qr" and photo["created"] == 1, f"bundle photo: {photo}"
with sqlite3.connect(work / "p.sqlite") as db:
    names = [n for (n,) in db.execute("SELECT full_name FROM contact")]
assert names == [(work / "badge-name.txt").read_text(encoding="utf-8")], f"bundle QR: {names}"
pdf = (work / "report.pdf").read_bytes()
assert pdf.startswith(b"%PDF-") and len(pdf) > 1000, "bundle wrote no PDF report"
resources = root / "dist" / "netdesk" / "_internal" / "netdesk" / "_resources"
for part in ("icons/io.github.netdesk.Netdesk.svg", "i18n/netdesk_es.qm", "i18n/netdesk_en.qm"):
    assert (resources / part).is_file(), f"bundle lacks {part}"
print(f"bundle OK: {version}, imported {report['created']} contacts, PDF {len(pdf)} bytes")
PY
echo "bundle: dist/netdesk ($(du -sh "$root/dist/netdesk" | cut -f1)), $((SECONDS - start)) s in all"
