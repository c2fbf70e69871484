"""Time, passed in explicitly so tests and the demo can fix it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def utc_iso(moment: datetime) -> str:
    """UTC ISO-8601 with seconds, the one timestamp format in the store."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def today(clock: Clock) -> date:
    return clock().astimezone().date()
