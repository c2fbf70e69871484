"""One date form per file: ISO or US, ambiguous files read as US and said so, day-first refused."""

from __future__ import annotations

from datetime import date

import pytest

from tcdesk.services.importer import dates
from tcdesk.services.importer.errors import ImportRefused


def _lines(*values: str) -> list[tuple[int, str]]:
    return [(n + 2, v) for n, v in enumerate(values)]


def test_iso_dates() -> None:
    form = dates.choose(_lines("2012-03-04", "1990-12-31"))
    assert (form.form, form.label) == (dates.ISO, "YYYY-MM-DD")
    assert dates.parse("2012-03-04", form.form) == date(2012, 3, 4)


def test_us_dates_with_a_day_above_12_are_clearly_us() -> None:
    form = dates.choose(_lines("03/04/2012", "7/21/1990"))
    assert form.form == dates.US and "ambiguous" not in form.note and "either" not in form.note
    assert dates.parse("7/21/1990", form.form) == date(1990, 7, 21)
    assert dates.parse("03/04/2012", form.form) == date(2012, 3, 4)  # March 4th


def test_an_ambiguous_file_is_read_month_first_and_says_so() -> None:
    form = dates.choose(_lines("03/04/2012", "1/2/2015"))
    assert form.form == dates.US
    assert "could be read either way" in form.note and "month first" in form.note


def test_a_day_first_file_is_refused_naming_the_row() -> None:
    with pytest.raises(ImportRefused, match=r"day first \(DD/MM/YYYY, e.g. row 3\)"):
        dates.choose(_lines("03/04/2012", "23/04/2012", "01/12/2010"))


def test_the_mapping_can_say_which_form() -> None:
    form = dates.choose(_lines("2012-03-04"), given=dates.US)
    assert form.form == dates.US and "mapping" in form.note


@pytest.mark.parametrize(
    ("value", "form", "says"),
    [
        ("02/30/2015", dates.US, "not a real date"),
        ("2015-13-01", dates.ISO, "not a real date"),
        ("3/4/12", dates.US, "not in the form MM/DD/YYYY"),
        ("2012-03-04", dates.US, "not in the form MM/DD/YYYY"),
        ("March 4 2012", dates.ISO, "not in the form YYYY-MM-DD"),
        ("", dates.ISO, "no date of birth"),
    ],
)
def test_bad_dates_say_why(value: str, form: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        dates.parse(value, form)
