"""Money, dates and lists as people read them: the one place they are formatted.

A leaf module like ``paths``: any layer outside ``money/`` may use it
(``money/`` is stdlib only, so its own sentences use ``money.wording``).
Babel does the work, so another language is a ``locale=`` away
(``es_US``: ``27 de noviembre de 2026``).

Every money function says its unit in its name: ``..._from_dollars`` takes
``Decimal`` dollars, ``..._from_cents`` takes ``int`` cents; anything else
(a float above all) raises ``TypeError``. Amounts are rounded to the cent,
half up, the one rounding rule agreements use. Three forms:

- ``money_from_*``: ``$5,600.00``, ``$103.33``: agreements, the console, the CLI.
- ``whole_money_from_*``: ``$5,600``, rounded to the dollar: round figures
  such as a fee or an insurance maximum in a list.
- ``brief_money_from_*``: ``$5,600`` but ``$103.33``: cents only when there
  are some, as the slides show money across the room.

Rates (an APR, an interest rate) are ``Decimal`` percents shown with two
decimals, as Truth in Lending discloses them: ``rate_percent`` (``6.90%``).

For ``en_US`` the forms a printed agreement and the desk's first screen use
(money with cents and whole, dates, weekdays, times of day, rates) are
written out here instead: loading babel's locale data costs 15-30 ms, a tenth
of a ``tcdesk agreement`` and more of the desk's start-up, and these forms
are fixed. ``tests/test_formatting.py`` checks them against babel
for any amount and any date; other locales and forms go to babel, which is
imported when first needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

DEFAULT_LOCALE = "en_US"
CURRENCY = "USD"
_CENT = Decimal("0.01")
_WHOLE_DOLLARS = "¤#,##0"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS += ("August", "September", "October", "November", "December")
_SHORT_MONTHS = tuple(month[:3] for month in _MONTHS)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SHORT_WEEKDAYS = tuple(weekday[:3] for weekday in _WEEKDAYS)
_NNBSP = "\u202f"  # CLDR's narrow no-break space before AM/PM in a time


def format_currency(*args, **kwargs) -> str:
    from babel.numbers import format_currency

    return format_currency(*args, **kwargs)


def format_decimal(*args, **kwargs) -> str:
    from babel.numbers import format_decimal

    return format_decimal(*args, **kwargs)


def format_percent(*args, **kwargs) -> str:
    from babel.numbers import format_percent

    return format_percent(*args, **kwargs)


def format_date(*args, **kwargs) -> str:
    from babel.dates import format_date

    return format_date(*args, **kwargs)


def format_time(*args, **kwargs) -> str:
    from babel.dates import format_time

    return format_time(*args, **kwargs)


def format_interval(*args, **kwargs) -> str:
    from babel.dates import format_interval

    return format_interval(*args, **kwargs)


def format_list(*args, **kwargs) -> str:
    from babel.lists import format_list

    return format_list(*args, **kwargs)


def _dollars(amount: Decimal) -> Decimal:
    """The amount rounded to the cent; ``-0`` is ``0`` (never ``-$0.00``)."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"dollars must be a Decimal, not {type(amount).__name__}")
    rounded = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    return rounded if rounded else abs(rounded)


def _cents_as_dollars(amount_cents: int) -> Decimal:
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int):
        raise TypeError(f"cents must be an int, not {type(amount_cents).__name__}")
    return Decimal(amount_cents).scaleb(-2)


def money_from_dollars(amount: Decimal, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Decimal("5600")`` -> ``$5,600.00``; ``Decimal("-250")`` -> ``-$250.00``."""
    dollars = _dollars(amount)
    if locale == DEFAULT_LOCALE:
        return f"-${-dollars:,.2f}" if dollars < 0 else f"${dollars:,.2f}"
    return format_currency(dollars, CURRENCY, locale=locale)


def money_from_cents(amount_cents: int, *, locale: str = DEFAULT_LOCALE) -> str:
    """``560000`` -> ``$5,600.00``."""
    return money_from_dollars(_cents_as_dollars(amount_cents), locale=locale)


def money_off_from_dollars(amount: Decimal, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Decimal("205")`` -> ``−$205.00``: an amount taken off a fee, in print.

    The true minus sign (U+2212), as the printed documents set it: a hyphen
    is shorter than the digits and reads as a dash.
    """
    return "\u2212" + money_from_dollars(amount, locale=locale)


def whole_money_from_dollars(amount: Decimal, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Decimal("5600")`` -> ``$5,600``; ``Decimal("166.58")`` -> ``$167``."""
    dollars = _dollars(amount)
    if locale == DEFAULT_LOCALE:  # babel rounds the cents half to even; -$0 keeps its sign
        whole = abs(dollars).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
        return f"-${whole:,}" if dollars < 0 else f"${whole:,}"
    return format_currency(
        dollars, CURRENCY, locale=locale, format=_WHOLE_DOLLARS, currency_digits=False
    )


def whole_money_from_cents(amount_cents: int, *, locale: str = DEFAULT_LOCALE) -> str:
    """``560000`` -> ``$5,600``."""
    return whole_money_from_dollars(_cents_as_dollars(amount_cents), locale=locale)


def brief_money_from_dollars(amount: Decimal, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Decimal("5600")`` -> ``$5,600``, ``Decimal("103.33")`` -> ``$103.33``."""
    dollars = _dollars(amount)
    if dollars == dollars.to_integral_value():
        return whole_money_from_dollars(dollars, locale=locale)
    return money_from_dollars(dollars, locale=locale)


def brief_money_from_cents(amount_cents: int, *, locale: str = DEFAULT_LOCALE) -> str:
    """``560000`` -> ``$5,600``, ``10333`` -> ``$103.33``."""
    return brief_money_from_dollars(_cents_as_dollars(amount_cents), locale=locale)


def _percent(percent: Decimal) -> Decimal:
    if not isinstance(percent, Decimal):
        raise TypeError(f"a rate must be a Decimal percent, not {type(percent).__name__}")
    return percent


def rate_percent(percent: Decimal, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Decimal("6.9")`` -> ``6.90%``: an APR or interest rate as it is disclosed."""
    if locale == DEFAULT_LOCALE:
        return f"{_en_us_two_decimals(_percent(percent))}%"
    return format_percent(_percent(percent) / 100, format="0.00%", locale=locale)


def rate_number(percent: Decimal, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Decimal("6.9")`` -> ``6.90``: a rate for wording that writes its own ``%``."""
    if locale == DEFAULT_LOCALE:
        return _en_us_two_decimals(_percent(percent))
    return format_decimal(_percent(percent), format="0.00", locale=locale)


def _en_us_two_decimals(value: Decimal) -> str:
    """``0.00`` as babel writes it: rounded half to even (a tiny negative is ``-0.00``)."""
    return f"{value.quantize(_CENT, rounding=ROUND_HALF_EVEN):.2f}"


def long_date(day: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """``November 27, 2026``: dates in a legal document or a sentence."""
    if locale == DEFAULT_LOCALE:
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return format_date(day, format="long", locale=locale)


def medium_date(day: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Nov 27, 2026``: dates in tables and lists."""
    if locale == DEFAULT_LOCALE:
        return f"{_SHORT_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return format_date(day, format="medium", locale=locale)


def weekday_date(day: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Thu Dec 3``: a date coming up soon, as people say it."""
    if locale == DEFAULT_LOCALE:
        return f"{_SHORT_WEEKDAYS[day.weekday()]} {_SHORT_MONTHS[day.month - 1]} {day.day}"
    return format_date(day, format="EEE MMM d", locale=locale)


def day_header(day: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Fri, Nov 27``: a day's name over a column of the schedule or a list."""
    if locale == DEFAULT_LOCALE:
        return f"{_SHORT_WEEKDAYS[day.weekday()]}, {_SHORT_MONTHS[day.month - 1]} {day.day}"
    return format_date(day, format="EEE, MMM d", locale=locale)


def weekday_medium_date(day: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Fri, Nov 27, 2026``: a day chosen for a booking, with its weekday to check it."""
    if locale == DEFAULT_LOCALE:
        return f"{day_header(day)}, {day.year:04d}"
    return f"{day_header(day, locale=locale)}, {format_date(day, format='yyyy', locale=locale)}"


def full_date(day: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Friday, November 27, 2026``: the day a screen is about, as its title."""
    if locale == DEFAULT_LOCALE:
        return f"{_WEEKDAYS[day.weekday()]}, {long_date(day)}"
    return format_date(day, format="full", locale=locale)


def _en_us_hour(hour: int) -> tuple[int, str]:
    return (hour % 12 or 12), ("AM" if hour < 12 else "PM")


def clock_time(moment: datetime | time, *, locale: str = DEFAULT_LOCALE) -> str:
    """``4:30 PM``: a time of day already in local time (a slot, a check-in)."""
    if locale == DEFAULT_LOCALE:
        hour, period = _en_us_hour(moment.hour)
        return f"{hour}:{moment.minute:02d}{_NNBSP}{period}"
    return format_time(moment, format="short", locale=locale)


def hour_label(hour: int, *, locale: str = DEFAULT_LOCALE) -> str:
    """``7 AM``, ``12 PM``: an hour line on the schedule."""
    if locale == DEFAULT_LOCALE:
        return "{} {}".format(*_en_us_hour(hour % 24))
    return format_time(time(hour % 24), format="h a", locale=locale)


def time_span(start: datetime, end: datetime, *, locale: str = DEFAULT_LOCALE) -> str:
    """``9:00 – 9:45 AM``, ``11:30 AM – 1:00 PM``: a slot from its start to its end, local.

    CLDR's interval form: AM/PM said once when both ends share it, so a slot
    fits a narrow week column.
    """
    if locale == DEFAULT_LOCALE and start.date() == end.date() and start.time() < end.time():
        (first, period), (last, end_period) = _en_us_hour(start.hour), _en_us_hour(end.hour)
        thin = "\u2009\u2013\u2009"  # CLDR's interval dash
        if (start.hour, start.minute) != (end.hour, end.minute):
            begin = f"{first}:{start.minute:02d}"
            begin += "" if period == end_period else f"{_NNBSP}{period}"
            return f"{begin}{thin}{last}:{end.minute:02d}{_NNBSP}{end_period}"
    return format_interval(start, end, skeleton="hm", locale=locale)


def slot_when(start: datetime, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Fri, Nov 27, 2026 4:30 PM``: one booked slot in a message or a confirmation."""
    return f"{weekday_medium_date(start.date(), locale=locale)} {clock_time(start, locale=locale)}"


def month_year(day: date, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Nov 2026``: months on a treatment timeline."""
    if locale == DEFAULT_LOCALE:
        return f"{_SHORT_MONTHS[day.month - 1]} {day.year:04d}"
    return format_date(day, format="MMM yyyy", locale=locale)


def local_datetime(utc_iso: str) -> datetime:
    """A stored UTC timestamp in this machine's time zone, to show its day and time."""
    return datetime.fromisoformat(utc_iso).astimezone()


def local_time(utc_iso: str, *, locale: str = DEFAULT_LOCALE) -> str:
    """``2:30 PM``: a stored UTC timestamp at this machine's clock."""
    return clock_time(local_datetime(utc_iso), locale=locale)


def local_date_and_time(moment: datetime, *, locale: str = DEFAULT_LOCALE) -> str:
    """``Nov 29, 2026 2:30 PM``: when something happened, at this machine's clock.

    A naive ``moment`` is taken as local time, as ``datetime.astimezone`` does.
    """
    local = moment.astimezone()
    day = medium_date(local.date(), locale=locale)
    return f"{day} {clock_time(local, locale=locale)}"


def join_and(items: Iterable[object], *, locale: str = DEFAULT_LOCALE) -> str:
    """``braces, aligners, and retainers``; empty items are left out."""
    words = [str(item) for item in items if str(item)]
    return format_list(words, locale=locale) if words else ""


def ordinal(number: int) -> str:
    """``1`` -> ``1st``, ``15`` -> ``15th``, ``22`` -> ``22nd``.

    English only: babel has no ordinal numbers, and a Spanish sentence says
    the day without one ("el día 15").
    """
    number = int(number)
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
