"""Run a command; print its wall seconds and peak RSS in KiB (for bench_agreement_peers.py).

A separate small process so the peak is the command's own: a child forked
from the benchmark itself would count the benchmark's memory as its own
before it runs the command.
"""

import os
import subprocess
import sys
import time

started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
errors = process.stderr.read() if process.stderr else b""
_, status, usage = os.wait4(process.pid, 0)
elapsed = time.perf_counter() - started
if status != 0:
    sys.stderr.write(errors.decode(errors="replace"))
    raise SystemExit(1)
print(f"{elapsed:.6f} {usage.ru_maxrss}")
