#!/usr/bin/env bash
# Put netdesk into the desktop for the current user: menu entry, icons, AppStream metadata and
# the vCard MIME association ("Open with netdesk"). The menu entry starts netdesk by its full
# path — the one on PATH, else this checkout's .venv (the README's set-up), else the one named
# by NETDESK=/path/to/netdesk — because a desktop's PATH rarely holds a virtualenv's bin folder.
# Honours XDG_DATA_HOME; run with --uninstall to undo.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
app=io.github.netdesk.Netdesk

files=(
  "applications/$app.desktop"
  "metainfo/$app.metainfo.xml"
  "icons/hicolor/scalable/apps/$app.svg"
)
for png in "$root"/resources/icons/hicolor/*/apps/$app.png; do
  size="$(basename "$(dirname "$(dirname "$png")")")"
  files+=("icons/hicolor/$size/apps/$app.png")
done

if [ "${1:-}" = "--uninstall" ]; then
  for f in "${files[@]}"; do rm -f "$data/$f"; done
else
  command="${NETDESK:-$(command -v netdesk || true)}"
  if [ -z "$command" ] && [ -x "$root/.venv/bin/netdesk" ]; then
    command="$root/.venv/bin/netdesk"
  fi
  if [ -z "$command" ]; then
    echo "install.sh: netdesk is not on PATH and $root/.venv/bin/netdesk does not exist;" \
      "set NETDESK=/path/to/netdesk" >&2
    exit 1
  fi
  command="$(cd "$(dirname "$command")" && pwd)/$(basename "$command")"
  install -d "$data/applications"
  # Exec with the full path, quoted for the desktop entry (spaces in a home folder).
  sed "s|^Exec=netdesk |Exec=\"${command//\"/\\\"}\" |" "$here/linux/$app.desktop" \
    > "$data/applications/$app.desktop"
  chmod 644 "$data/applications/$app.desktop"
  install -Dm644 "$here/linux/$app.metainfo.xml" "$data/metainfo/$app.metainfo.xml"
  install -Dm644 "$root/resources/icons/$app.svg" "$data/icons/hicolor/scalable/apps/$app.svg"
  for png in "$root"/resources/icons/hicolor/*/apps/$app.png; do
    size="$(basename "$(dirname "$(dirname "$png")")")"
    install -Dm644 "$png" "$data/icons/hicolor/$size/apps/$app.png"
  done
fi

# Refresh the caches when the desktop has the tools; a missing tool is not an error. The MIME
# types are the standard ones from shared-mime-info, so the user's MIME database is only
# rebuilt when it already has packages of its own; update-desktop-database is what records
# "text/vcard → netdesk" (mimeinfo.cache) for "Open with".
if command -v update-desktop-database >/dev/null; then
  update-desktop-database -q "$data/applications" || true
fi
if command -v update-mime-database >/dev/null && [ -d "$data/mime/packages" ]; then
  update-mime-database "$data/mime" || true
fi
if command -v gtk-update-icon-cache >/dev/null; then
  gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
fi
echo "netdesk desktop files ${1:+removed from}${1:-installed in} $data"
