from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tcdesk.money import add_months, build_schedule, disclosed_apr, solve_apr, unit_periods

D = Decimal
AGREED = date(2025, 1, 15)


def _monthly(first_due: date, amounts: list[Decimal]) -> list[tuple[date, Decimal]]:
    return [(add_months(first_due, k), amount) for k, amount in enumerate(amounts)]


def test_regulation_z_check_5000_over_36_at_166_07_is_12_percent() -> None:
    payments = _monthly(add_months(AGREED, 1), [D("166.07")] * 36)
    assert disclosed_apr(D("5000.00"), payments, AGREED) == D("12.00")


def test_forgone_pif_discount_example_is_about_6_7_percent() -> None:
    payments = _monthly(add_months(AGREED, 1), [D("156.25")] * 24)
    apr = disclosed_apr(D("3500.00"), payments, AGREED)
    assert D("6.6") <= apr <= D("6.8")
    assert apr == D("6.71")


def test_unit_periods_count_whole_months_back_then_odd_days_over_30() -> None:
    assert unit_periods(date(2025, 1, 1), date(2025, 2, 15)) == (1, D(14) / 30)
    assert unit_periods(date(2025, 1, 1), date(2025, 3, 15)) == (2, D(14) / 30)
    assert unit_periods(AGREED, date(2025, 2, 15)) == (1, D(0))


def test_odd_first_period_of_45_days_matches_the_equation_from_the_dates(reference_apr) -> None:
    agreed = date(2025, 1, 1)
    first_due = agreed + timedelta(days=45)  # 2025-02-15: one month and 14 days
    schedule = build_schedule(D("1200.00"), 12, first_due, D(10))
    payments = [(p.due, p.amount) for p in schedule]
    ours = solve_apr(D("1200.00"), payments, agreed)
    reference = reference_apr(D("1200.00"), payments, agreed)
    assert abs(ours - reference) < D("1e-6")
    # The schedule charges one month of interest for a longer first period, so
    # the true APR is below the 10% the plan was priced at.
    assert disclosed_apr(D("1200.00"), payments, agreed) == D("9.31")
    assert disclosed_apr(D("1200.00"), payments, agreed) == reference.quantize(D("0.01"))


def test_no_finance_charge_means_zero_apr() -> None:
    payments = _monthly(add_months(AGREED, 1), [D("100.00")] * 10)
    assert solve_apr(D("1000.00"), payments, AGREED) == 0
    assert disclosed_apr(D("1000.00"), payments, AGREED) == D("0.00")


def test_a_tiny_finance_charge_is_never_disclosed_as_zero_percent(reference_apr) -> None:
    payments = _monthly(add_months(AGREED, 1), [D("83.33")] * 59 + [D("83.54")])
    # total 5,000.01 on 5,000.00 financed: a true APR of about 0.00004%
    assert reference_apr(D("5000.00"), payments, AGREED) < D("0.001")
    assert disclosed_apr(D("5000.00"), payments, AGREED) == D("0.01")


@settings(max_examples=40, deadline=None)
@given(
    balance_cents=st.integers(min_value=50_000, max_value=1_500_000),
    months=st.integers(min_value=1, max_value=72),
    apr=st.decimals(min_value=D("0.5"), max_value=D("29.99"), places=2),
    odd_days=st.integers(min_value=1, max_value=75),
    agreed=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
)
def test_apr_agrees_with_brute_force_for_any_dates(
    reference_apr, balance_cents: int, months: int, apr: Decimal, odd_days: int, agreed: date
) -> None:
    balance = D(balance_cents) / 100
    schedule = build_schedule(balance, months, agreed + timedelta(days=odd_days), apr)
    payments = [(p.due, p.amount) for p in schedule]
    reference = reference_apr(balance, payments, agreed)
    assert abs(solve_apr(balance, payments, agreed) - reference) < D("1e-6")
