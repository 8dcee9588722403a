#!/usr/bin/env bash
# Builds the .deb with CPack and checks its control data and file list. Args: BUILD_DIR
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$work" >/dev/null)
deb=$(ls "$work"/incident-console_*.deb)
dpkg-deb --field "$deb" Package Version Depends
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libqt6widgets6 libqt6sql6 libqt6network6 libspdlog libqt6sql6-sqlite libqt6sql6-psql \
           libpq5 qt6-qpa-plugins; do
    grep -q "$lib" <<<"$depends" || { echo "Depends lacks $lib: $depends"; exit 1; }
done
files=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for f in ./usr/bin/incident-console ./usr/share/applications/incident-console.desktop \
         ./usr/share/icons/hicolor/scalable/apps/incident-console.svg \
         ./usr/share/metainfo/io.github.incident_console.IncidentConsole.metainfo.xml; do
    grep -qx "$f" <<<"$files" || { echo "missing from the package: $f"; exit 1; }
done
grep -q '/incident-console/incident-console-gui\.so$' <<<"$files" \
    || { echo "missing from the package: the window's module incident-console-gui.so"; exit 1; }
# Unpacked into a clean prefix, the console runs its team commands (libpq loads) without
# the build tree.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/incident-console" --data-dir "$work/data" team status >"$work/status.txt" \
    || { echo "the packaged console cannot run team status"; exit 1; }
grep -q "In no team" "$work/status.txt" || { echo "unexpected team status: $(cat "$work/status.txt")"; exit 1; }
echo "package $(basename "$deb") ok"
