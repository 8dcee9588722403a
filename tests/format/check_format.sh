#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what the repo's .clang-format makes of it.
set -euo pipefail
cd "$1"
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find app ui tests -name '*.cpp' -o -name '*.h')
bad=()
for f in $files; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "not clang-format clean (run clang-format -i):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "$(echo "$files" | wc -w) files clang-format clean"
