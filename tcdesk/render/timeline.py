"""The treatment timeline: records, start, active treatment, finishing, retainers.

Months count from the planned start. ``build_timeline`` returns the plain
dict that goes into the render context under ``timeline`` (so templates can
say "about 24 months, done around Mar 2029"); the renderer turns it into a
``TimelineBlock``.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from tcdesk.formatting import DEFAULT_LOCALE, month_year
from tcdesk.render.content import Content

PHASE_KEYS = ("records", "start", "active", "finishing", "retainers")
ALIGNER_TYPES = frozenset({"clear_aligners"})
EARLY_TYPES = frozenset({"phase_one"})


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1 -> Feb 28)."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def finishing_months(months: int) -> int:
    """The last stretch spent on details: about a sixth of treatment, 1 to 4 months."""
    if months < 4:
        return 0
    return max(1, min(4, months // 6))


def build_timeline(
    start: date,
    months: int,
    visit_weeks: int,
    content: Content,
    *,
    treatment_type: str = "",
    locale: str = DEFAULT_LOCALE,
) -> dict[str, Any]:
    months = max(0, int(months))
    end = add_months(start, months)
    timeline: dict[str, Any] = {
        "start": start,
        "start_label": month_year(start, locale=locale),
        "end": end,
        "end_label": month_year(end, locale=locale),
        "months": months,
        "visit_weeks": int(visit_weeks),
        "phases": [],
    }
    if months == 0:
        return timeline
    finish = finishing_months(months)
    active_end = months - finish
    if str(treatment_type) in ALIGNER_TYPES:
        start_detail = "timeline.start.detail_aligners"
    elif str(treatment_type) in EARLY_TYPES:
        start_detail = "timeline.start.detail_early"
    else:
        start_detail = "timeline.start.detail"
    spans: list[tuple[str, int, int, str]] = [
        ("records", 0, 0, content.word("timeline.records.detail")),
        ("start", 0, min(1, months), content.word(start_detail)),
    ]
    if active_end > 1:
        spans.append(
            ("active", 1, active_end, content.word("timeline.active.detail", weeks=visit_weeks))
        )
    if finish:
        spans.append(("finishing", active_end, months, content.word("timeline.finishing.detail")))
    spans.append(("retainers", months, months, content.word("timeline.retainers.detail")))
    timeline["phases"] = [
        {
            "key": key,
            "name": content.word(f"timeline.{key}.name"),
            "detail": detail,
            "start_month": first,
            "end_month": last,
            "date_label": month_year(add_months(start, first), locale=locale),
        }
        for key, first, last, detail in spans
    ]
    return timeline
