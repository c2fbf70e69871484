"""Kill a real consult at random moments and check that nothing which mattered was lost.

Issue 11's "done when": a real app process (``bench/consult_driver.py``: the
real ``Application``, two monitors on Xvfb) presents the demo's teen consult,
types into the notes at a steady rate and pages the slides; this harness sends
it SIGKILL at a random moment, then checks, after every kill:

- ``PRAGMA integrity_check`` is ``ok``;
- the consult is still open to resume, and the next launch resumes it: the
  driver clicks "Resume the consult" and reports the step and note it got back,
  which must be what the store held after the kill;
- nothing typed 1 s or more before the kill is lost: the stored note is the
  text the run resumed with plus a prefix of what the driver logged (with
  ``os.fsync``) as typed, and every character logged at least 1 s before the
  kill is inside that prefix.

Most kills land while typing (a random 0.3-6 s after typing starts); about one
in seven lands during start-up or resume instead. Numbers are printed at the
end (``--json`` for a machine-readable line).

Usage: ``.venv/bin/python bench/kill_harness.py [--kills 60] [--seed 1]``
(starts its own Xvfb through tcdesk.devtools.virtual_screens unless DISPLAY is set).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DRIVER = REPO / "bench" / "consult_driver.py"
TEEN_CONSULT = "3bf25559-c9cf-559c-9639-5da37ae56471"
OLD_ENOUGH_S = 1.0  # what was typed this long before a kill must be stored


@dataclass
class KillResult:
    number: int
    while_typing: bool
    typed: int  # characters the driver logged in this run
    lost: int  # of those, not stored
    lost_old: int  # ... typed OLD_ENOUGH_S or more before the kill
    loss_window_s: float  # kill time minus the time of the oldest lost character
    integrity: str
    resumed_ok: bool
    problems: list[str] = field(default_factory=list)


@dataclass
class Totals:
    kills: int = 0
    kills_while_typing: int = 0
    characters_typed: int = 0
    characters_lost_younger_than_1s: int = 0
    characters_lost_older_than_1s: int = 0
    max_loss_window_s: float = 0.0
    resume_failures: int = 0
    integrity_failures: int = 0
    errors_in_app: int = 0
    seconds: float = 0.0


def _events(path: Path) -> list[dict]:
    if not path.exists():
        return []
    events = []
    for line in path.read_text().splitlines():
        with contextlib.suppress(json.JSONDecodeError):  # a line cut by the kill
            events.append(json.loads(line))
    return events


def _store_state(db: Path) -> tuple[str, dict | None, list[str]]:
    """integrity_check, the consult's saved session, and broken note revisions."""
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    from tcdesk.services.desk import Desk

    desk = Desk.open(db, create=False)
    try:
        saved = desk.consults.saved_session(TEEN_CONSULT)
        notes = desk.consults.notes(TEEN_CONSULT)
    finally:
        desk.close()
    ids = {n.id for n in notes}
    broken = [
        f"note {n.id} revises missing {n.revises}"
        for n in notes
        if n.revises and n.revises not in ids
    ]
    revised = [n.revises for n in notes if n.revises]
    broken += [f"note {r} revised twice" for r in set(revised) if revised.count(r) > 1]
    state = None
    if saved is not None:
        state = {
            "draft": saved.draft_note,
            "step": saved.step_index,
            "ended": saved.ended_at is not None,
        }
    return integrity, state, broken


def make_store(folder: Path) -> Path:
    from tcdesk.services.clock import system_clock, today
    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk

    db = folder / "practice.sqlite3"
    desk = Desk.open(db)
    build_demo(desk, today(system_clock))
    if desk.consults.get(TEEN_CONSULT) is None:
        raise SystemExit("the demo's teen consult is missing: update TEEN_CONSULT")
    desk.close()
    return db


def one_kill(
    number: int, db: Path, folder: Path, rng: random.Random, env: dict[str, str]
) -> KillResult:
    _integrity, before, _broken = _store_state(db)
    log = folder / f"run-{number:03d}.jsonl"
    output = (folder / f"run-{number:03d}.out").open("wb")
    child = subprocess.Popen(
        [
            sys.executable,
            str(DRIVER),
            "--db",
            str(db),
            "--consult",
            TEEN_CONSULT,
            "--log",
            str(log),
            "--settings",
            str(folder / "machine.json"),
        ],
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
        cwd=REPO,
    )
    while_typing = rng.random() >= 1 / 7
    problems: list[str] = []
    try:
        if while_typing:
            deadline = time.monotonic() + 90
            while not any(e["k"] == "typing" for e in _events(log)):
                if child.poll() is not None or time.monotonic() > deadline:
                    problems.append(f"the app never started typing (exit {child.poll()})")
                    break
                time.sleep(0.02)
            time.sleep(rng.uniform(0.3, 6.0))
        else:
            time.sleep(rng.uniform(0.0, 2.0))  # during start-up or the resume
    finally:
        killed_at = time.monotonic()
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
        output.close()

    events = _events(log)
    integrity, after, broken = _store_state(db)
    problems += broken
    problems += [f"error in the app: {e['text'][-300:]}" for e in events if e["k"] == "error"]
    if integrity != "ok":
        problems.append(f"integrity_check: {integrity}")
    if after is None or after["ended"]:
        problems.append("the consult is no longer open to resume")
        after = after or {"draft": "", "step": -1, "ended": True}

    # Did this launch get back exactly what the last kill left?
    resumed_ok = True
    opened = [e for e in events if e["k"] in ("resumed", "presented")]
    if before is not None and not before["ended"] and opened:
        got = opened[0]
        if got["k"] != "resumed" or not got["resumed"]:
            resumed_ok = False
            problems.append("the consult was not offered for resume")
        elif got["text"] != before["draft"] or got["step"] != before["step"]:
            resumed_ok = False
            problems.append(
                f"resumed at step {got['step']} with {len(got['text'])} characters; "
                f"the store held step {before['step']} and {len(before['draft'])}"
            )
    if while_typing and not opened:
        resumed_ok = False

    # What was typed, and how much of it is stored.
    base = opened[0]["text"] if opened else (before or {"draft": ""})["draft"]
    typed = [e for e in events if e["k"] == "c"]
    text = "".join(e["c"] for e in typed)
    stored = after["draft"]
    if not stored.startswith(base) or not text.startswith(stored[len(base) :]):
        problems.append("the stored note is not what was typed (a prefix of it)")
        kept = 0
    else:
        kept = len(stored) - len(base)
    lost = typed[kept:]
    lost_old = [e for e in lost if killed_at - e["t"] >= OLD_ENOUGH_S]
    window = killed_at - lost[0]["t"] if lost else 0.0
    return KillResult(
        number=number,
        while_typing=while_typing,
        typed=len(typed),
        lost=len(lost),
        lost_old=len(lost_old),
        loss_window_s=round(window, 3),
        integrity=integrity,
        resumed_ok=resumed_ok,
        problems=problems,
    )


def run(kills: int, seed: int, folder: Path, env: dict[str, str], quiet: bool = False) -> Totals:
    rng = random.Random(seed)
    started = time.monotonic()
    db = make_store(folder)
    totals = Totals()
    for number in range(1, kills + 1):
        result = one_kill(number, db, folder, rng, env)
        totals.kills += 1
        totals.kills_while_typing += result.while_typing
        totals.characters_typed += result.typed
        totals.characters_lost_older_than_1s += result.lost_old
        totals.characters_lost_younger_than_1s += result.lost - result.lost_old
        totals.max_loss_window_s = max(totals.max_loss_window_s, result.loss_window_s)
        totals.resume_failures += not result.resumed_ok
        totals.integrity_failures += result.integrity != "ok"
        totals.errors_in_app += sum(p.startswith("error in the app") for p in result.problems)
        if not quiet:
            status = "; ".join(result.problems) or "ok"
            print(
                f"kill {number:3d} {'typing ' if result.while_typing else 'startup'} "
                f"typed {result.typed:3d} lost {result.lost:2d} (old {result.lost_old}) "
                f"window {result.loss_window_s:5.2f} s  {status}",
                flush=True,
            )
        if result.problems and not quiet:
            print(f"   details: {folder}/run-{number:03d}.out", flush=True)
    totals.seconds = round(time.monotonic() - started, 1)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--seed", type=int, default=int(datetime.now(UTC).timestamp()))
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    with contextlib.ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        for xdg in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[xdg] = str(folder / xdg.lower())  # crash logs and settings stay in the folder
        env.pop("QT_QPA_PLATFORM", None)
        if not env.get("DISPLAY"):
            from tcdesk.devtools.virtual_screens import virtual_screens

            env["DISPLAY"] = stack.enter_context(virtual_screens())
        print(f"seed {args.seed}; {args.kills} kills; working in {folder}", flush=True)
        totals = run(args.kills, args.seed, folder, env, quiet=args.json)
    if args.json:
        print(json.dumps(asdict(totals)))
    else:
        for name, value in asdict(totals).items():
            print(f"{name.replace('_', ' ')}: {value}")
    bad = (
        totals.characters_lost_older_than_1s
        + totals.resume_failures
        + totals.integrity_failures
        + totals.errors_in_app
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
