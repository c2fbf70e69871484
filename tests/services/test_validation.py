"""The shared field checks: each returns the cleaned value or names its field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tcdesk.errors import UserError
from tcdesk.services import validation as v

TODAY = date(2026, 11, 27)


def _refused(check, *args, **kwargs) -> v.FieldError:
    with pytest.raises(v.FieldError) as raised:
        check(*args, **kwargs)
    return raised.value


def test_required_collapses_spaces_and_refuses_empty() -> None:
    assert v.required("f", "The name", "  Ana   Ruiz ") == "Ana Ruiz"
    error = _refused(v.required, "f", "The name", " \t ")
    assert (error.field, error.message) == ("f", "The name is needed.")
    assert isinstance(error, UserError)


@pytest.mark.parametrize("good", ["a@b.co", " name.last+tag@example.org ", ""])
def test_optional_email_accepts(good: str) -> None:
    assert v.optional_email("e", good) == good.strip()


@pytest.mark.parametrize("bad", ["a@b", "@b.co", "a b@c.de", "name", "a@@b.co"])
def test_optional_email_refuses(bad: str) -> None:
    assert _refused(v.optional_email, "e", bad).field == "e"


def test_optional_phone_needs_7_to_15_digits() -> None:
    assert v.optional_phone("p", " (503)  555-0101 ") == "(503) 555-0101"
    assert v.optional_phone("p", "") == ""
    assert _refused(v.optional_phone, "p", "555-01").field == "p"
    assert _refused(v.optional_phone, "p", "1" * 16).field == "p"


def test_birth_date_bounds() -> None:
    assert v.birth_date("b", date(2012, 3, 4), TODAY) == date(2012, 3, 4)
    assert v.birth_date("b", TODAY, TODAY) == TODAY
    assert "needed" in _refused(v.birth_date, "b", None, TODAY).message
    assert "future" in _refused(v.birth_date, "b", date(2026, 11, 28), TODAY).message
    assert "120 years" in _refused(v.birth_date, "b", date(1905, 1, 1), TODAY).message
    assert v.birth_date("b", date(1906, 1, 1), TODAY).year == 1906


def test_percent() -> None:
    assert v.percent("c", "The coverage", "50%") == Decimal(50)
    assert v.percent("c", "The coverage", " 12.5 ") == Decimal("12.5")
    assert v.percent("c", "The coverage", Decimal(100)) == Decimal(100)
    assert "between 0% and 100%" in _refused(v.percent, "c", "The coverage", "100.5").message
    assert "between" in _refused(v.percent, "c", "The coverage", "-1").message
    assert "percentage" in _refused(v.percent, "c", "The coverage", "half").message
    assert "between 0% and 30%" in _refused(v.percent, "c", "X", "31", most=30).message
    assert _refused(v.percent, "c", "X", "NaN").field == "c"


def test_money_cents() -> None:
    assert v.money_cents("m", "The fee", "$1,500.50") == 150_050
    assert v.money_cents("m", "The fee", "") == 0
    assert v.money_cents("m", "The fee", 20) == 2_000
    assert "negative" in _refused(v.money_cents, "m", "The fee", "-1").message
    assert "fractions of a cent" in _refused(v.money_cents, "m", "The fee", "1.005").message
    assert "amount in dollars" in _refused(v.money_cents, "m", "The fee", "lots").message
    assert _refused(v.money_cents, "m", "The fee", "Infinity").field == "m"


def test_whole_number_and_optional_whole_number() -> None:
    assert v.whole_number("n", "Months", " 24 ", least=1, most=72) == 24
    assert "whole number" in _refused(v.whole_number, "n", "Months", "2.5", least=1, most=9).message
    assert "between 1 and 9" in _refused(v.whole_number, "n", "M", "10", least=1, most=9).message
    assert v.optional_whole_number("n", "Age", "", least=1, most=99) is None
    assert v.optional_whole_number("n", "Age", None, least=1, most=99) is None
    assert v.optional_whole_number("n", "Age", "19", least=1, most=99) == 19
    assert _refused(v.optional_whole_number, "n", "Age", "0", least=1, most=99).field == "n"


def test_colour() -> None:
    assert v.colour("c", " #1f6f8b ") == "#1F6F8B"
    assert _refused(v.colour, "c", "teal").field == "c"


def test_date_text_reads_iso_and_us_forms() -> None:
    assert v.date_text("d", "The date", "2012-03-04") == date(2012, 3, 4)
    assert v.date_text("d", "The date", "3/4/2012") == date(2012, 3, 4)  # March 4th (US)
    assert v.date_text("d", "The date", " ") is None
    assert v.date_text("d", "The date", None) is None
    assert v.date_text("d", "The date", date(2001, 1, 1)) == date(2001, 1, 1)
    for bad in ("2012-02-30", "13/01/2012", "next tuesday", "04.03.2012"):
        assert "must be a date" in _refused(v.date_text, "d", "The date", bad).message


def test_choice_names_the_choices() -> None:
    assert v.choice("r", "The relationship", " Mother ", ["mother", "father"]) == "mother"
    error = _refused(v.choice, "r", "The relationship", "aunt", ["mother", "father"])
    assert error.message == 'The relationship must be one of mother, father (not "aunt").'


def test_problems_collects_every_error_and_raises_them_together() -> None:
    problems = v.Problems()
    with problems.check():
        v.required("a", "A", "")
    with problems.check():
        raise v.FieldErrors([v.FieldError("b", "B is wrong."), v.FieldError("c", "C too.")])
    with problems.check():
        v.required("d", "D", "fine")
    problems.add("e", "E is missing.")
    with pytest.raises(v.FieldErrors) as raised:
        problems.raise_if_any()
    assert list(raised.value.by_field()) == ["a", "b", "c", "e"]
    assert str(raised.value) == "A is needed. (and 3 more to fix)"
    v.Problems().raise_if_any()  # nothing collected: nothing raised


def test_one_field_error_reads_as_itself() -> None:
    assert str(v.FieldErrors([v.FieldError("a", "A is needed.")])) == "A is needed."


def test_other_errors_pass_through_problems() -> None:
    problems = v.Problems()
    with pytest.raises(ZeroDivisionError), problems.check():
        1 / 0  # noqa: B018


@pytest.mark.parametrize("typed", ["Zoë\nFAKE", "Zoë\r\nFAKE", "Zoë\rX", "Zo\u2028ë"])
def test_a_line_break_in_a_one_line_field_is_refused(typed: str) -> None:
    error = _refused(v.required, "patient.legal_first", "The first name", typed)
    assert error.field == "patient.legal_first"
    assert str(error) == "The first name must be on one line (it has a line break)."


def test_escape_codes_and_invisible_characters_are_removed_and_tabs_become_spaces() -> None:
    assert v.required("f", "The name", "Zo\x1b[31më\tMartínez\u202e") == "Zo[31më Martínez"
    assert v.optional_phone("p", "503\x07-555-0101") == "(503) 555-0101"


def test_names_and_texts_have_a_longest_length_with_a_message() -> None:
    assert v.required("f", "The first name", "A" * v.LONGEST_LINE) == "A" * v.LONGEST_LINE
    error = _refused(v.required, "f", "The first name", "A" * 100_000)
    assert str(error) == "The first name is too long (100,000 characters; at most 120)."
    long_email = "a" * 250 + "@example.com"
    assert "too long" in str(_refused(v.optional_email, "e", long_email))
    kept = v.free_text("c", "The concern", "line one\r\nline\x1b two\n")
    assert kept == "line one\nline two"
    assert "at most 10,000" in str(_refused(v.free_text, "c", "The concern", "x" * 10_001))


@pytest.mark.parametrize("typed", ["0212-03-04", "9999-12-01", "03/04/1750", "01/01/2201"])
def test_dates_outside_a_plausible_window_are_refused(typed: str) -> None:
    error = _refused(v.date_text, "patient.birth_date", "The date of birth", typed)
    assert "must be between 1800 and 2200" in str(error)


def test_a_date_passed_as_a_date_is_checked_too() -> None:
    assert v.date_text("d", "The start", date(2027, 1, 4)) == date(2027, 1, 4)
    assert "between 1800 and 2200" in str(_refused(v.date_text, "d", "The start", date(1, 1, 1)))
