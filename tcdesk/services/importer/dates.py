"""Birth dates in the two forms exports use, one form for the whole file.

A file's dates are read all one way: ISO (YYYY-MM-DD) or US (MM/DD/YYYY, also
M/D/YYYY). When every slashed date could be read either way (no day above
12), tcdesk reads them as US dates and says so. A file with a day above 12 in
the first place is written day first (DD/MM/YYYY): the whole file is refused,
because its other dates would silently swap day and month if read as US.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tcdesk.services.importer.errors import ImportRefused

ISO = "iso"
US = "us"
FORM_LABELS = {ISO: "YYYY-MM-DD", US: "MM/DD/YYYY"}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True)
class DateForm:
    form: str  # ISO or US
    note: str  # how it was chosen, for the report

    @property
    def label(self) -> str:
        return FORM_LABELS[self.form]


def choose(values: Iterable[tuple[int, str]], given: str | None = None) -> DateForm:
    """The file's date form from its (line, birth date) values, or the one a mapping gives."""
    if given:
        return DateForm(given, f"{FORM_LABELS[given]}, as the mapping file says")
    iso = slashed = 0
    day_first_line = 0
    month_first_seen = False
    for line, value in values:
        if _ISO.match(value):
            iso += 1
        elif found := _SLASHED.match(value):
            slashed += 1
            first, second = int(found[1]), int(found[2])
            if first > 12 and second <= 12 and not day_first_line:
                day_first_line = line
            if second > 12:
                month_first_seen = True
    if slashed > iso:
        if day_first_line and not month_first_seen:
            raise ImportRefused(
                f"The birth dates are written day first (DD/MM/YYYY, e.g. row {day_first_line}); "
                "tcdesk reads YYYY-MM-DD or MM/DD/YYYY. Export the dates in one of those forms."
            )
        if not month_first_seen:
            return DateForm(
                US,
                "MM/DD/YYYY: every date could be read either way (no day above 12), "
                "so they are read as US dates, month first",
            )
        return DateForm(US, "MM/DD/YYYY (US, month first)")
    if iso:
        return DateForm(ISO, "YYYY-MM-DD (ISO)")
    return DateForm(ISO, "YYYY-MM-DD (no readable dates found)")


def parse(value: str, form: str) -> date:
    """One birth date in the file's form; ValueError with the reason otherwise."""
    text = value.strip()
    if not text:
        raise ValueError(
            "no date of birth; tcdesk needs one to import a patient (add it to the row)"
        )
    pattern = _ISO if form == ISO else _SLASHED
    found = pattern.match(text)
    if not found:
        raise ValueError(f'the date of birth "{text}" is not in the form {FORM_LABELS[form]}')
    if form == ISO:
        year, month, day = (int(part) for part in found.groups())
    else:
        month, day, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f'the date of birth "{text}" is not a real date') from None
