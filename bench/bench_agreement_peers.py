"""Benchmark: the whole ``tcdesk agreement`` process beside LibreOffice and bare reportlab.

Run from the repository root: ``.venv/bin/python bench/bench_agreement_peers.py [-n 7]``.
Needs the ``bench`` extra (``.venv/bin/pip install -e '.[bench]'``, python-docx)
and, for the LibreOffice peer, ``apt-get install libreoffice-writer-nogui``;
without ``soffice`` that peer is skipped with a message.

The demo practice is built once; its first consult with a 24-payment plan is
the agreement (4 pages: letterhead, parties, fee, terms, the Truth in Lending
box, the 24-payment schedule, the terms and conditions, signatures). Its
content is dumped to JSON (``agreement_content.py``) for the peers:

- ``tcdesk agreement --db COPY --consult ID --out FILE.pdf``: the real
  command, each run on a fresh copy of the demo file, so each run is the
  agreement's first build (a version with its PDF bytes and SHA-256 and an
  audit entry are written);
- ``peer_agreement_reportlab.py``: plain reportlab printing the same content;
- LibreOffice: ``soffice --headless --convert-to pdf`` of the same content
  written as .docx by ``peer_agreement_docx.py`` (the .docx is written once,
  before timing; its own time is printed apart).

One warm-up run of each (Python's bytecode, tcdesk's parsed-font and drawing
cache, LibreOffice's profile), then ``-n`` rounds, each running the three one
after the other; whole-process wall time and peak RSS (``wait4``) per run.
Prints each median and the ratios; exits 1 if a goal is missed: tcdesk at
least 5x faster than LibreOffice and at most 1.5x the bare script.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

GOAL_VS_LIBREOFFICE = 5.0
GOAL_VS_BARE = 1.5
_FROM_TREE = (
    "import sys; sys.path.insert(0, {tree!r}); "
    "from tcdesk.cli import main; raise SystemExit(main())"
)


def tcdesk_command() -> list[str]:
    """The console script beside this Python, as a practice runs it."""
    script = Path(sys.executable).with_name("tcdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tcdesk"]


def child_env(work: Path) -> dict[str, str]:
    """This environment, with bytecode written (an installed tcdesk has its .pyc files)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(work / "cache")  # the run's own cache, warmed below
    env["TCDESK_DB"] = ""
    return env


def demo_consult(store: Path) -> str:
    """The first consult whose latest plan has 24 monthly payments and a chosen option."""
    db = sqlite3.connect(store)
    try:
        rows = db.execute(
            """SELECT c.id FROM consults c JOIN payment_plans p ON p.consult_id = c.id
               WHERE c.chosen_option_id IS NOT NULL AND p.months = 24
               AND p.created_at = (SELECT MAX(created_at) FROM payment_plans
                                   WHERE consult_id = c.id)
               AND c.id NOT IN (SELECT consult_id FROM agreements)
               ORDER BY c.scheduled_at"""
        ).fetchall()
    finally:
        db.close()
    if not rows:
        raise SystemExit("bench: the demo has no consult with a 24-payment plan")
    return rows[0][0]


def timed(command: list[str], env: dict[str, str], before: Callable[[], None]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB: the process and the children it waited for)."""
    before()
    done = subprocess.run(
        [sys.executable, "-S", str(BENCH / "wall_and_peak.py"), *command],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: {command[0]} failed:\n{done.stderr}")
    seconds, kib = done.stdout.split()
    return float(seconds), int(kib)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument(
        "--also",
        metavar="TREE",
        type=Path,
        help="also run tcdesk from this other checkout (e.g. main, for before and after)",
    )
    args = parser.parse_args()
    from agreement_content import dump

    with tempfile.TemporaryDirectory(prefix="tcdesk-bench-") as folder:
        work = Path(folder)
        env = child_env(work)
        pristine = work / "demo.sqlite3"
        subprocess.run(
            [*tcdesk_command(), "demo", "--db", str(pristine)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        consult = demo_consult(pristine)
        content = work / "agreement.json"
        content.write_text(json.dumps(dump(pristine, consult), ensure_ascii=False), "utf-8")
        store = work / "run.sqlite3"

        def fresh_store() -> None:
            shutil.copyfile(pristine, store)
            for suffix in ("-wal", "-shm"):
                Path(f"{store}{suffix}").unlink(missing_ok=True)

        def nothing() -> None:
            pass

        peers: dict[str, tuple[list[str], Callable[[], None]]] = {
            "tcdesk agreement": (
                [
                    *tcdesk_command(),
                    "agreement",
                    "--db",
                    str(store),
                    "--consult",
                    consult,
                    "--out",
                    str(work / "tcdesk.pdf"),
                ],
                fresh_store,
            ),
            "bare reportlab script": (
                [
                    sys.executable,
                    str(BENCH / "peer_agreement_reportlab.py"),
                    str(content),
                    str(work / "bare.pdf"),
                ],
                nothing,
            ),
        }
        if args.also:
            peers[f"tcdesk at {args.also}"] = (
                [sys.executable, "-c", _FROM_TREE.format(tree=str(args.also.resolve())),
                 "agreement", "--db", str(store), "--consult", consult,
                 "--out", str(work / "also.pdf")],
                fresh_store,
            )  # fmt: skip
        soffice = shutil.which("soffice")
        if soffice is None:
            print("LibreOffice (soffice) is not installed: that peer is skipped "
                  "(apt-get install libreoffice-writer-nogui)")  # fmt: skip
        else:
            docx = work / "agreement.docx"
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, str(BENCH / "peer_agreement_docx.py"), str(content), str(docx)],
                check=True,
            )
            print(f"writing the .docx with python-docx (not timed below): "
                  f"{time.perf_counter() - started:.2f} s")  # fmt: skip
            peers["LibreOffice from .docx"] = (
                [
                    soffice,
                    f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / "lo"),
                    str(docx),
                ],
                nothing,
            )
        for command, before in peers.values():  # warm-up
            timed(command, env, before)
        results: dict[str, list[tuple[float, int]]] = {name: [] for name in peers}
        for _ in range(args.runs):
            for name, (command, before) in peers.items():
                results[name].append(timed(command, env, before))
        pages = subprocess.run(
            ["pdfinfo", str(work / "tcdesk.pdf")], capture_output=True, text=True
        ).stdout
        page_count = next(
            (line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")), "?"
        )

    print(f"consult {consult}: 24 payments, {page_count} pages; "
          f"{args.runs} alternating runs after one warm-up each")  # fmt: skip
    medians = {}
    for name, runs in results.items():
        wall = statistics.median(seconds for seconds, _ in runs)
        rss = statistics.median(kib for _, kib in runs) / 1024
        medians[name] = wall
        every = " ".join(f"{seconds:.2f}" for seconds, _ in runs)
        print(f"{name:24} median {wall:6.3f} s  peak RSS {rss:5.0f} MB   ({every})")
    ours = medians["tcdesk agreement"]
    ok = True
    bare = ours / medians["bare reportlab script"]
    ok = bare <= GOAL_VS_BARE
    print(f"tcdesk / bare reportlab: {bare:.2f}x (goal <= {GOAL_VS_BARE}x): "
          f"{'OK' if bare <= GOAL_VS_BARE else 'MISSED'}")  # fmt: skip
    if "LibreOffice from .docx" in medians:
        faster = medians["LibreOffice from .docx"] / ours
        ok = ok and faster >= GOAL_VS_LIBREOFFICE
        print(f"LibreOffice / tcdesk: {faster:.1f}x (goal >= {GOAL_VS_LIBREOFFICE}x): "
              f"{'OK' if faster >= GOAL_VS_LIBREOFFICE else 'MISSED'}")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
