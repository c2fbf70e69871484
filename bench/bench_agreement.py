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
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tcdesk.documents.agreement_model import AgreementData, PartyLine
from tcdesk.documents.agreement_pdf import build_agreement_pdf
from tcdesk.money import InsurancePlan, QuoteRequest, build_quote
from tcdesk.paths import assets_dir

WARMUP = 3
TARGETS_MS = {24: 150.0, 60: 250.0}


def agreement(months: int) -> AgreementData:
    quote = build_quote(
        QuoteRequest(
            total_fee=Decimal("5600"),
            agreement_date=date(2026, 11, 27),
            down_payment=Decimal("800"),
            months=months,
            first_due=date(2027, 1, 15),
            apr_percent=Decimal("6.9") if months > 36 else Decimal(0),
            pif_discount_percent=Decimal("5"),
            primary_insurance=InsurancePlan(
                coverage_percent=Decimal("50"), lifetime_max=Decimal("1500"), name="Delta Dental"
            ),
            treatment_months=24,
        )
    )
    return AgreementData(
        practice_name="Bright Smiles Orthodontics",
        practice_address="412 Maple Avenue, Suite 200, Westerville, OH 43081",
        practice_phone="(614) 555-0100",
        logo_path=str(assets_dir() / "brand" / "demo_logo.svg"),
        office_name="Westerville",
        office_address="412 Maple Avenue, Suite 200, Westerville, OH 43081",
        office_phone="(614) 555-0100",
        number="BSO-2026-ABC123",
        version=1,
        issued_on=date(2026, 11, 27),
        patient_legal_name="Zoë Martínez-Reyes",
        patient_preferred_name="",
        patient_birth_date=date(2012, 5, 3),
        responsible=(PartyLine("Renée Martínez", "Mother"), PartyLine("Luis Reyes", "Father")),
        treatment_category="Comprehensive",
        option_title="Metal braces",
        estimated_months=24,
        planned_start=date(2026, 12, 14),
        visit_interval_weeks=6,
        quote=quote,
        late_fee=Decimal("35.00"),
        late_fee_days=10,
        returned_payment_fee=Decimal("35.00"),
        estimate_valid_days=365,
        creditor_name="Bright Smiles Orthodontics",
        coordinator_name="Jessica Alvarez",
    )


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
