#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed console from there;
# validates the desktop entry and AppStream metadata. Args: SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1 build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

desktop-file-validate "$source_dir/packaging/incident-console.desktop"
appstreamcli validate --no-net "$source_dir/packaging/io.github.incident_console.IncidentConsole.metainfo.xml"

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
for f in bin/incident-console share/applications/incident-console.desktop \
         share/icons/hicolor/scalable/apps/incident-console.svg \
         share/icons/hicolor/48x48/apps/incident-console.png \
         share/metainfo/io.github.incident_console.IncidentConsole.metainfo.xml; do
    [ -e "$work/prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done

# Relocated: the installed tree moved elsewhere still runs.
mv "$work/prefix" "$work/moved"
version=$("$work/moved/bin/incident-console" --version)
[ "$version" = "incident-console $(cat "$build_dir/VERSION")" ] || { echo "unexpected: $version"; exit 1; }
"$work/moved/bin/incident-console" --data-dir "$work/data" backup --output "$work/backup.db" >/dev/null
[ -s "$work/backup.db" ] || { echo "backup from the installed console is empty"; exit 1; }
# The window lives in a module the executable finds relative to itself, moved or not.
"$work/moved/bin/incident-console" --data-dir "$work/data" --exit-after-first-paint >/dev/null 2>&1 \
    || { echo "the moved console cannot open its window"; exit 1; }
# The command line starts without QtGui and QtWidgets: only the module links them.
if readelf -d "$work/moved/bin/incident-console" | grep -E -q 'NEEDED.*libQt6(Gui|Widgets)'; then
    echo "incident-console links QtGui or QtWidgets itself; they belong to its module"
    exit 1
fi
echo "install, relocation and desktop metadata ok"
