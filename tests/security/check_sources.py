#!/usr/bin/env python3
"""Static security check over the C++ sources.

Fails when code runs a shell (system(), popen(), a shell as a QProcess program, "sh -c") or
builds SQL by splicing values into the SQL text (.arg() placeholders or + concatenation)
instead of binding parameters. A line may be allowed by a comment on it or on the line before:
    // security-check: allow <why>
which keeps every exception visible and explained in review.

    check_sources.py ROOT_DIR...         scan *.cpp and *.h under the roots
    check_sources.py --self-test DIR     every bad-*.txt fixture must be caught, good-*.txt not
"""
import pathlib
import re
import sys

SQL_WORDS = r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|WHERE|VALUES|FROM)\b"
RULES = [
    ("runs a shell through system()", re.compile(r"(?<![\w.])(std::)?system\(")),
    ("runs a shell through popen()", re.compile(r"\bpopen\(")),
    ("names a shell as the program to run",
     re.compile(r'"(/usr)?(/bin/)?(ba|da|z|k)?sh"')),
    ("passes a command line to a shell (-c)", re.compile(r'"(ba|da|z)?sh"[^;]*"-c"')),
    ("SQL text with an .arg() placeholder: bind the value instead",
     re.compile(r'"[^"]*' + SQL_WORDS + r'[^"]*%[0-9][^"]*"')),
    ("SQL text concatenated with a value: bind the value instead",
     re.compile(r'"[^"]*' + SQL_WORDS + r'[^"]*"\)?\s*[+%]\s*[A-Za-z_(]')),
]
ALLOW = "security-check: allow"


def findings(path):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, 1):
        if ALLOW in line or (number > 1 and ALLOW in lines[number - 2]):
            continue
        for message, pattern in RULES:
            if pattern.search(line):
                yield f"{path}:{number}: {message}\n    {line.strip()}"


def scan(roots):
    problems = []
    count = 0
    for root in roots:
        for path in sorted(pathlib.Path(root).rglob("*")):
            if path.suffix not in (".cpp", ".h") or "fixtures" in path.parts:
                continue
            count += 1
            problems.extend(findings(path))
    for problem in problems:
        print(problem)
    print(f"{count} files checked, {len(problems)} problems")
    return 1 if problems else 0


def self_test(directory):
    failures = 0
    for path in sorted(pathlib.Path(directory).glob("*.txt")):
        found = list(findings(path))
        expected_bad = path.name.startswith("bad-")
        if expected_bad and not found:
            print(f"{path}: not caught")
            failures += 1
        elif not expected_bad and found:
            print(f"{path}: false alarm: {found}")
            failures += 1
    print(f"self-test: {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        sys.exit(self_test(sys.argv[2]))
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(scan(sys.argv[1:]))
