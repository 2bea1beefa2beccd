#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller into dist/netdesk/ and smoke-test it:
# `netdesk --version` and a headless import, run from the bundle without the checkout.
#     bash packaging/build_bundle.sh [PYTHON]     (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
"$python" -m pip install -q "pyinstaller>=6.10"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/netdesk.spec
bundle="$PWD/dist/netdesk/netdesk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$bundle" --version)
(cd "$work" && QT_QPA_PLATFORM=offscreen "$bundle" --db "$work/n.sqlite" import \
  "$OLDPWD/tests/fixtures/breakfast.vcf" --json > "$work/report.json")
"$python" - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["created"] >= 1, report
print(f"bundle imported {report['created']} contacts")
PY
echo "bundle: dist/netdesk ($(du -sh dist/netdesk | cut -f1))"
