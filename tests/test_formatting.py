"""Money, dates and lists as people read them (tcdesk.formatting)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

import pytest
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from hypothesis import given
from hypothesis import strategies as st

from tcdesk.formatting import (
    brief_money_from_cents,
    brief_money_from_dollars,
    clock_time,
    day_header,
    full_date,
    hour_label,
    join_and,
    local_date_and_time,
    local_datetime,
    local_time,
    long_date,
    medium_date,
    money_from_cents,
    money_from_dollars,
    money_off_from_dollars,
    month_year,
    ordinal,
    rate_number,
    rate_percent,
    slot_when,
    time_span,
    weekday_date,
    weekday_medium_date,
    whole_money_from_cents,
    whole_money_from_dollars,
)
from tcdesk.money.wording import dollars_text

# -- money ----------------------------------------------------------------------------------


def test_the_issue_example_reads_the_same_in_both_units() -> None:
    assert money_from_dollars(Decimal("5600")) == "$5,600.00"
    assert money_from_cents(560000) == "$5,600.00"
    assert brief_money_from_dollars(Decimal("5600")) == "$5,600"
    assert brief_money_from_cents(560000) == "$5,600"


@pytest.mark.parametrize(
    ("dollars", "full", "whole", "brief"),
    [
        (Decimal("5997"), "$5,997.00", "$5,997", "$5,997"),
        (Decimal("5997.00"), "$5,997.00", "$5,997", "$5,997"),
        (Decimal("166.58"), "$166.58", "$167", "$166.58"),
        (Decimal("166.5"), "$166.50", "$166", "$166.50"),  # babel: half even to the dollar
        (Decimal("103.33"), "$103.33", "$103", "$103.33"),
        (Decimal("0.005"), "$0.01", "$0", "$0.01"),  # half up, to the cent
        (Decimal("-250"), "-$250.00", "-$250", "-$250"),
        (Decimal("-0.00"), "$0.00", "$0", "$0"),  # never "-$0.00"
        (Decimal("0"), "$0.00", "$0", "$0"),
        (Decimal("1234567.8"), "$1,234,567.80", "$1,234,568", "$1,234,567.80"),
    ],
)
def test_money_forms(dollars: Decimal, full: str, whole: str, brief: str) -> None:
    assert money_from_dollars(dollars) == full
    assert whole_money_from_dollars(dollars) == whole
    assert brief_money_from_dollars(dollars) == brief


@pytest.mark.parametrize(
    ("cents", "full", "whole", "brief"),
    [
        (16658, "$166.58", "$167", "$166.58"),
        (500000, "$5,000.00", "$5,000", "$5,000"),
        (0, "$0.00", "$0", "$0"),
        (-25000, "-$250.00", "-$250", "-$250"),
    ],
)
def test_money_forms_from_cents(cents: int, full: str, whole: str, brief: str) -> None:
    assert money_from_cents(cents) == full
    assert whole_money_from_cents(cents) == whole
    assert brief_money_from_cents(cents) == brief


@pytest.mark.parametrize("bad", [5997.0, True, 5997, "5997", None])
def test_dollars_must_be_decimal(bad: object) -> None:
    for form in (money_from_dollars, whole_money_from_dollars, brief_money_from_dollars):
        with pytest.raises(TypeError):
            form(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [5997.0, True, Decimal("5997"), "5997", None])
def test_cents_must_be_int(bad: object) -> None:
    for form in (money_from_cents, whole_money_from_cents, brief_money_from_cents):
        with pytest.raises(TypeError):
            form(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "amount",
    [Decimal("0.00"), Decimal("1"), Decimal("166.58"), Decimal("-250"), Decimal("9999999.99")],
)
def test_money_sentences_read_like_the_app(amount: Decimal) -> None:
    """money/ words its own errors without babel; in English they must read the same."""
    assert dollars_text(amount) == money_from_dollars(amount)


def test_money_taken_off_has_a_true_minus() -> None:
    assert money_off_from_dollars(Decimal("205")) == "\u2212$205.00"


def test_rates_have_two_decimals() -> None:
    assert rate_percent(Decimal("6.9")) == "6.90%"
    assert rate_percent(Decimal("0.00")) == "0.00%"
    assert rate_number(Decimal("12.345")) == "12.34"  # as f"{x:.2f}" rounds: half even
    with pytest.raises(TypeError):
        rate_percent(6.9)  # type: ignore[arg-type]


# -- dates, times, lists --------------------------------------------------------------------


def test_dates() -> None:
    day = date(2026, 11, 27)
    assert long_date(day) == "November 27, 2026"
    assert medium_date(day) == "Nov 27, 2026"
    assert weekday_date(date(2026, 12, 3)) == "Thu Dec 3"
    assert month_year(date(2027, 1, 5)) == "Jan 2027"


def test_times_are_shown_at_this_machine_s_clock() -> None:
    stamp = "2026-11-27T14:30:00+00:00"
    local = datetime(2026, 11, 27, 14, 30, tzinfo=UTC).astimezone()
    assert local_datetime(stamp) == local
    hour = local.hour % 12 or 12
    assert local_time(stamp) == f"{hour}:30\u202f{'AM' if local.hour < 12 else 'PM'}"


def test_a_moment_reads_as_a_date_and_a_time_here() -> None:
    moment = datetime(2026, 11, 29, 19, 30, tzinfo=UTC)
    local = moment.astimezone()
    expected = f"{medium_date(local.date())} {local_time(moment.isoformat())}"
    assert local_date_and_time(moment) == expected
    naive = datetime(2026, 11, 29, 14, 5)  # taken as this machine's time
    assert local_date_and_time(naive) == "Nov 29, 2026 2:05\u202fPM"


def test_lists() -> None:
    assert join_and([]) == ""
    assert join_and(["braces"]) == "braces"
    assert join_and(["a", "", "b", "c"]) == "a, b, and c"


def test_ordinal() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 15, 21, 22, 23, 31, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "15th", "21st", "22nd", "23rd",
        "31st", "111th", "112th",
    ]  # fmt: skip


# -- Spanish is a parameter away ------------------------------------------------------------


def test_spanish_money_and_date() -> None:
    assert money_from_dollars(Decimal("5600.5"), locale="es_US") == "$5,600.50"
    assert brief_money_from_cents(560000, locale="es_US") == "$5,600"
    assert long_date(date(2026, 11, 27), locale="es_US") == "27 de noviembre de 2026"
    assert month_year(date(2026, 11, 27), locale="es_US") == "nov 2026"
    assert join_and(["frenillos", "alineadores"], locale="es_US") == "frenillos y alineadores"


# -- the desk's days and times: one written form per kind ----------------------------------

NNBSP = "\u202f"  # CLDR puts a narrow no-break space before AM/PM


def test_day_forms() -> None:
    day = date(2026, 11, 27)
    assert day_header(day) == "Fri, Nov 27"
    assert weekday_medium_date(day) == "Fri, Nov 27, 2026"
    assert full_date(day) == "Friday, November 27, 2026"


def test_time_forms_take_local_times_as_they_are() -> None:
    start = datetime(2026, 11, 27, 16, 30)
    assert clock_time(start) == f"4:30{NNBSP}PM"
    assert clock_time(time(9, 5)) == f"9:05{NNBSP}AM"
    thin = "\u2009\u2013\u2009"  # CLDR's interval dash
    assert time_span(start, datetime(2026, 11, 27, 17, 15)) == f"4:30{thin}5:15{NNBSP}PM"
    noon = time_span(datetime(2026, 11, 27, 11, 30), datetime(2026, 11, 27, 13))
    assert noon == f"11:30{NNBSP}AM{thin}1:00{NNBSP}PM"
    assert slot_when(start) == f"Fri, Nov 27, 2026 4:30{NNBSP}PM"


@pytest.mark.parametrize(
    ("hour", "label"), [(0, "12 AM"), (7, "7 AM"), (12, "12 PM"), (19, "7 PM"), (24, "12 AM")]
)
def test_hour_labels(hour: int, label: str) -> None:
    assert hour_label(hour) == label


# -- en_US without babel: the same text as babel's, for any amount and any date ------------

amounts = st.decimals(
    min_value=Decimal("-100000000"), max_value=Decimal("100000000"), places=4, allow_nan=False
)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(amounts)
def test_en_us_money_is_babels(amount: Decimal) -> None:
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    cents = cents if cents else abs(cents)
    assert money_from_dollars(amount) == babel_numbers.format_currency(cents, "USD", locale="en_US")
    assert whole_money_from_dollars(amount) == babel_numbers.format_currency(
        cents, "USD", locale="en_US", format="¤#,##0", currency_digits=False
    )


@given(amounts)
def test_en_us_rates_are_babels(percent: Decimal) -> None:
    assert rate_percent(percent) == babel_numbers.format_percent(
        percent / 100, format="0.00%", locale="en_US"
    )
    assert rate_number(percent) == babel_numbers.format_decimal(
        percent, format="0.00", locale="en_US"
    )


@given(days)
def test_en_us_dates_are_babels(day: date) -> None:
    assert long_date(day) == babel_dates.format_date(day, format="long", locale="en_US")
    assert medium_date(day) == babel_dates.format_date(day, format="medium", locale="en_US")


def test_other_locales_still_go_to_babel() -> None:
    assert long_date(date(2026, 11, 27), locale="es_US") == "27 de noviembre de 2026"
    assert money_from_dollars(Decimal("5600"), locale="de_DE") == "5.600,00\xa0$"


moments = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30))
zones = st.sampled_from([None, UTC, timezone(timedelta(hours=13)), timezone(timedelta(hours=-8))])


@given(days)
def test_en_us_weekday_forms_are_babels(day: date) -> None:
    assert weekday_date(day) == babel_dates.format_date(day, format="EEE MMM d", locale="en_US")
    assert day_header(day) == babel_dates.format_date(day, format="EEE, MMM d", locale="en_US")
    assert weekday_medium_date(day) == (
        f"{day_header(day)}, {babel_dates.format_date(day, format='yyyy', locale='en_US')}"
    )
    assert full_date(day) == babel_dates.format_date(day, format="full", locale="en_US")
    assert month_year(day) == babel_dates.format_date(day, format="MMM yyyy", locale="en_US")


@given(moments, zones)
def test_en_us_times_of_day_are_babels(moment: datetime, zone) -> None:
    moment = moment.replace(tzinfo=zone)
    assert clock_time(moment) == babel_dates.format_time(moment, format="short", locale="en_US")
    assert clock_time(moment.time()) == babel_dates.format_time(
        moment.time(), format="short", locale="en_US"
    )
    assert hour_label(moment.hour) == babel_dates.format_time(
        time(moment.hour), format="h a", locale="en_US"
    )


@given(moments, st.integers(min_value=0, max_value=24 * 60 - 1), zones)
def test_en_us_time_spans_are_babels(start: datetime, minutes: int, zone) -> None:
    start = start.replace(tzinfo=zone)
    end = min(start + timedelta(minutes=minutes), start.replace(hour=23, minute=59))
    expected = babel_dates.format_interval(start, end, skeleton="hm", locale="en_US")
    assert time_span(start, end) == expected
