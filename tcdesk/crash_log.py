"""Keep the details of an unexpected error in a file, so no traceback reaches a user."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

from tcdesk.paths import log_dir


def write_crash_report(exc: BaseException | None = None) -> Path:
    """Append the current (or given) exception to the crash log; return its path."""
    text = "".join(traceback.format_exception(exc)) if exc else traceback.format_exc()
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')}\n{text}\n")
        return path
    except OSError:
        fallback = Path("/tmp") / "tcdesk-crash.log"
        with fallback.open("a", encoding="utf-8") as handle:
            handle.write(text)
        return fallback
