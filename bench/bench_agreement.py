"""Benchmark: the financial agreement PDF (targets: 24 payments <= 150 ms, 60 <= 250 ms median).

Run from the repository root: ``.venv/bin/python bench/bench_agreement.py [-n 30]``.
A warm process (fonts registered, logo parsed, terms template compiled by
the warm-up runs), then ``build_agreement_pdf`` timed with
``time.perf_counter``: the demo logo (SVG), two responsible parties,
insurance, the default terms, the Truth in Lending box and the full
schedule. The 60-payment plan has an APR, so its schedule has interest.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tcdesk.documents.agreement_model import AgreementData
from tcdesk.documents.agreement_pdf import build_agreement_pdf
from tests.documents.helpers import agreement as sample_agreement
from tests.documents.helpers import quote as sample_quote

WARMUP = 3
TARGETS_MS = {24: 150.0, 60: 250.0}


def agreement(months: int) -> AgreementData:
    """The tests' demo-like agreement; the long plan carries interest (6.9% APR)."""
    apr = Decimal("6.9") if months > 36 else Decimal(0)
    return sample_agreement(quote=sample_quote(months=months, apr_percent=apr))


def measure(months: int, runs: int) -> tuple[float, float, float, int, int]:
    data = agreement(months)
    for _ in range(WARMUP):
        pdf = build_agreement_pdf(data)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        pdf = build_agreement_pdf(data)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, int(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, timings[0], len(pdf), pdf.count(b"/Type /Page\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=30)
    args = parser.parse_args()
    first = time.perf_counter()
    build_agreement_pdf(agreement(24))
    print(
        "first build in this process (fonts, logo, template): "
        f"{(time.perf_counter() - first) * 1000:.0f} ms"
    )
    ok = True
    for months, target in TARGETS_MS.items():
        median, p95, low, size, _ = measure(months, args.runs)
        verdict = "OK" if median <= target else "SLOWER THAN TARGET"
        ok = ok and median <= target
        print(
            f"{months} payments: median {median:.1f} ms  p95 {p95:.1f} ms  min {low:.1f} ms  "
            f"({size // 1024} KiB)  target <= {target:.0f} ms: {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
