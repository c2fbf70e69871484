"""What encryption costs: the same commands on the demo practice, plain and encrypted.

Builds the demo twice in a temporary folder (one plain, one encrypted with
SQLCipher), then runs each command as a whole process against both,
alternating plain and encrypted, and prints both medians and the ratio.
Also times ``tcdesk encrypt`` itself (write anew, compare every row, swap,
convert one backup) on a fresh copy each round.

    .venv/bin/python bench/bench_encrypted_store.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase"
COMMANDS = (["today"], ["patients", "--json"], ["consults", "--json"], ["backup"])


def _tcdesk(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tcdesk", *args], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    plain_env = {k: v for k, v in os.environ.items() if k != "TCDESK_PASSPHRASE"}
    secret_env = {**plain_env, "TCDESK_PASSPHRASE": PASSPHRASE}
    with tempfile.TemporaryDirectory() as folder:
        plain, secret = Path(folder) / "plain.sqlite3", Path(folder) / "secret.sqlite3"
        _tcdesk(["demo", "--db", str(plain)], plain_env)
        _tcdesk(["demo", "--db", str(secret)], secret_env)
        print(f"{'command':<22} {'plain':>9} {'encrypted':>10} {'ratio':>6}")
        for command in COMMANDS:
            a, b = [], []
            for _ in range(rounds):
                a.append(_tcdesk([*command, "--db", str(plain)], plain_env))
                b.append(_tcdesk([*command, "--db", str(secret)], secret_env))
            pa, pb = statistics.median(a), statistics.median(b)
            print(f"{' '.join(command):<22} {pa:>8.3f}s {pb:>9.3f}s {pb / pa:>6.2f}")
        times = []
        for number in range(rounds):
            copy = Path(folder) / f"copy{number}.sqlite3"
            shutil.copyfile(plain, copy)
            _tcdesk(["backup", "--db", str(copy)], plain_env)
            times.append(_tcdesk(["encrypt", "--db", str(copy)], secret_env))
        print(f"{'encrypt (+1 backup)':<22} {statistics.median(times):>8.3f}s (whole process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
