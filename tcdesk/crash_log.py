"""Keep the details of an unexpected error in a file, so no traceback reaches a user.

The report is private (0600 in a 0700 folder) and holds no patient data: the
exception's message is scrubbed (see ``tcdesk.private_log``).
"""

from __future__ import annotations

import logging
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tcdesk.paths import log_dir
from tcdesk.private_log import CRASH_NAME, append_private, describe, private_folder

log = logging.getLogger("tcdesk.crash")


def write_crash_report(exc: BaseException | None = None) -> Path:
    """Append the current (or given) exception to the crash log; return its path."""
    error = exc if exc is not None else sys.exc_info()[1]
    text = describe(error) if error is not None else "(no exception)\n"
    entry = f"--- {datetime.now(UTC).isoformat(timespec='seconds')}\n{text}\n"
    log.error("crash report written: %s", type(error).__qualname__ if error else "none")
    try:
        path = private_folder(log_dir()) / CRASH_NAME
        append_private(path, entry)
        return path
    except OSError:
        fallback = private_folder(Path(tempfile.gettempdir()) / "tcdesk-crash") / CRASH_NAME
        append_private(fallback, entry)
        return fallback
