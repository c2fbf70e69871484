"""Benchmark: one quote with a 60-payment schedule at 7.9% APR (target: median <= 1 ms).

Run from the repository root: ``.venv/bin/python bench/bench_quote.py``.
The quote includes insurance, a pay-in-full discount given up (a finance
charge) and an odd first period, so every part of ``build_quote`` runs:
pricing, the amortized schedule and the Appendix J APR solve.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tcdesk.money import InsurancePlan, QuoteRequest, build_quote

RUNS = 500
WARMUP = 50
TARGET_MEDIAN_MS = 1.0

REQUEST = QuoteRequest(
    total_fee=Decimal("6850.00"),
    agreement_date=date(2026, 1, 20),
    first_due=date(2026, 3, 1),
    down_payment=Decimal("500.00"),
    months=60,
    apr_percent=Decimal("7.9"),
    pif_discount_percent=Decimal(5),
    primary_insurance=InsurancePlan(
        coverage_percent=Decimal(50), lifetime_max=Decimal(1500), used=Decimal(0)
    ),
    treatment_months=24,
)


def main() -> int:
    for _ in range(WARMUP):
        build_quote(REQUEST)
    timings_ms = []
    for _ in range(RUNS):
        started = time.perf_counter()
        quote = build_quote(REQUEST)
        timings_ms.append((time.perf_counter() - started) * 1000)
    timings_ms.sort()
    median = statistics.median(timings_ms)
    p95 = timings_ms[int(0.95 * len(timings_ms)) - 1]
    disclosure = quote.truth_in_lending
    print(f"build_quote, {len(quote.payments)} payments, APR {disclosure.apr}%: {RUNS} runs")
    print(f"median {median:.3f} ms   p95 {p95:.3f} ms   min {timings_ms[0]:.3f} ms")
    verdict = "OK" if median <= TARGET_MEDIAN_MS else "SLOWER THAN TARGET"
    print(f"target median <= {TARGET_MEDIAN_MS:.1f} ms: {verdict}")
    return 0 if median <= TARGET_MEDIAN_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
