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
for lib in libqt6widgets6 libqt6sql6 libqt6network6 libspdlog libqt6sql6-sqlite qt6-qpa-plugins; do
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
echo "package $(basename "$deb") ok"
