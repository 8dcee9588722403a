#!/usr/bin/env python3
"""Crash-consistency loop: writers killed with SIGKILL at random moments lose nothing.

Each cycle starts a writer against one data dir, alternately
  cli  the incident-console command line, one process per change (incident tick/note),
  gui  crash_gui_writer: the real window working the checklist and timeline,
kills it with SIGKILL after a random delay, then checks that console.db passes
PRAGMA integrity_check and holds every change the writer acknowledged (printed after the
commit returned; a change that was cut off may or may not be there).

Usage: crashloop.py --cli BIN --gui-writer BIN [--cycles N] [--seed S] [--keep DIR]
Exit status 0 when every cycle passed; prints one line per cycle and a summary.
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time


class Failure(Exception):
    pass


class Ledger:
    """What the writers acknowledged, over every cycle so far."""

    def __init__(self):
        self.toggles = {}  # item id -> acknowledged ticks and unticks
        self.notes = []

    def add(self, line):
        kind, _, value = line.partition(" ")
        if kind in ("tick", "untick") and value:
            self.toggles[value] = self.toggles.get(value, 0) + 1
        elif kind == "note" and value:
            self.notes.append(value)
        else:
            raise Failure("writer printed an unknown acknowledgement: %r" % line)


def env_for(data_dir):
    env = dict(os.environ)
    env["INCIDENT_CONSOLE_DATA_DIR"] = data_dir
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("LANG", "C.UTF-8")
    env.setdefault("LC_ALL", "C.UTF-8")
    return env


def database_path(data_dir):
    return os.path.join(data_dir, "console.db")


def stored_items(data_dir, incident):
    """Checklist item ids and their checked state, straight from the file."""
    with sqlite3.connect(database_path(data_dir)) as db:
        rows = db.execute("SELECT id, checked_at IS NOT NULL FROM checklist_items "
                          "WHERE incident_id = ? ORDER BY phase_position, position",
                          (incident,)).fetchall()
    return [(row[0], bool(row[1])) for row in rows]


def declare(cli, data_dir):
    result = subprocess.run([cli, "incident", "new", "--title", "Crash loop",
                             "--severity", "SEV-2"],
                            env=env_for(data_dir), capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise Failure("could not declare the incident: " + result.stderr.strip())
    with sqlite3.connect(database_path(data_dir)) as db:
        row = db.execute("SELECT id FROM incidents WHERE title = 'Crash loop'").fetchone()
    if not row:
        raise Failure("the declared incident is not in the database")
    return row[0]


def run_cli_writer(cli, data_dir, incident, deadline, rng, ledger, cycle):
    """Changes through the command line until the deadline, then SIGKILLs the one running."""
    items = stored_items(data_dir, incident)
    checked = dict(items)
    ids = [item for item, _ in items]
    number = 0
    env = env_for(data_dir)
    while True:
        if rng.random() < 0.3:
            text = "cli note %d-%d" % (cycle, number)
            args = [cli, "incident", "note", incident, text]
            ack = "note " + text
            item = None
        else:
            item = ids[number % len(ids)]
            args = [cli, "incident", "tick", incident, item]
            if checked[item]:
                args.append("--undo")
            ack = ("untick " if checked[item] else "tick ") + item
        number += 1
        process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        left = deadline - time.monotonic()
        try:
            out, err = process.communicate(timeout=max(left, 0))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.communicate()
            return number - 1
        if process.returncode != 0:
            raise Failure("cli writer failed (%d): %s" % (process.returncode,
                                                          err.decode(errors="replace").strip()))
        # Exit status 0 after the confirmation was printed: the change is acknowledged.
        ledger.add(ack)
        if item is not None:
            checked[item] = not checked[item]


def run_gui_writer(gui, data_dir, delay, ledger):
    process = subprocess.Popen([gui, data_dir], env=env_for(data_dir), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout.read().split(b"\n")))
    reader.start()
    time.sleep(delay)
    exited = process.poll()
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join()
    if exited is not None:
        raise Failure("the gui writer exited by itself with status %d" % exited)
    # A line without its newline was cut by the kill: not acknowledged.
    complete = lines[:-1]
    for line in complete:
        ledger.add(line.decode())
    return len(complete)


def verify(data_dir, incident, ledger):
    db = sqlite3.connect(database_path(data_dir))
    try:
        check = db.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise Failure("integrity_check: %s" % check)
        for item, count in ledger.toggles.items():
            stored = db.execute(
                "SELECT count(*) FROM timeline_events WHERE incident_id = ? AND kind IN "
                "('tick', 'untick') AND json_extract(data, '$.item') = ?",
                (incident, item)).fetchone()[0]
            if stored < count:
                raise Failure("item %s: %d acknowledged ticks/unticks, %d stored"
                              % (item, count, stored))
            last = db.execute(
                "SELECT kind FROM timeline_events WHERE incident_id = ? AND kind IN "
                "('tick', 'untick') AND json_extract(data, '$.item') = ? "
                "ORDER BY at DESC, rowid DESC LIMIT 1", (incident, item)).fetchone()
            is_checked = db.execute("SELECT checked_at IS NOT NULL FROM checklist_items "
                                    "WHERE id = ?", (item,)).fetchone()[0]
            if bool(is_checked) != (last[0] == "tick"):
                raise Failure("item %s: stored state does not match its last event %s"
                              % (item, last[0]))
        stored_notes = {row[0] for row in db.execute(
            "SELECT text FROM timeline_events WHERE incident_id = ?", (incident,))}
        missing = [note for note in ledger.notes if note not in stored_notes]
        if missing:
            raise Failure("%d acknowledged notes missing, e.g. %r" % (len(missing), missing[0]))
    finally:
        db.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", required=True, help="the incident-console executable")
    parser.add_argument("--gui-writer", required=True, help="the crash_gui_writer executable")
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", help="data dir to use and keep (default: a temporary one)")
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    temporary = None
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        data_dir = args.keep
    else:
        temporary = tempfile.TemporaryDirectory(prefix="incident-console-crashloop-")
        data_dir = temporary.name
    print("crash loop: %d cycles, seed %d, data dir %s" % (args.cycles, seed, data_dir),
          flush=True)

    started = time.monotonic()
    ledger = Ledger()
    failures = 0
    acknowledged = {"cli": 0, "gui": 0}
    try:
        incident = declare(args.cli, data_dir)
        for cycle in range(args.cycles):
            kind = "cli" if cycle % 2 == 0 else "gui"
            try:
                if kind == "cli":
                    delay = rng.uniform(0.05, 1.5)
                    count = run_cli_writer(args.cli, data_dir, incident,
                                           time.monotonic() + delay, rng, ledger, cycle)
                else:
                    # The window needs a moment to open: kill before, during and after that.
                    delay = rng.uniform(0.1, 4.0)
                    count = run_gui_writer(args.gui_writer, data_dir, delay, ledger)
                acknowledged[kind] += count
                verify(data_dir, incident, ledger)
                print("cycle %d %s killed after %.2f s: %d acknowledged, ok"
                      % (cycle + 1, kind, delay, count), flush=True)
            except Failure as failure:
                failures += 1
                print("cycle %d %s FAILED: %s" % (cycle + 1, kind, failure), flush=True)
    except Failure as failure:
        print("crash loop could not start: %s" % failure, flush=True)
        return 1
    finally:
        if temporary:
            temporary.cleanup()
    duration = time.monotonic() - started
    print("crash loop done: %d cycles, %d failed, %d cli and %d gui changes acknowledged, "
          "%.0f s" % (args.cycles, failures, acknowledged["cli"], acknowledged["gui"], duration),
          flush=True)
    if acknowledged["gui"] == 0 and args.cycles > 1:
        print("the gui writer acknowledged nothing: it never reached the checklist", flush=True)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
