"""What ``tcdesk sync ... --json`` printed, as values the app can show without asking again.

The app never runs the sync in its own process (``services.sync``'s rule): it starts
``tcdesk sync`` and reads its output. This module turns that output (or, when the
command refused, its one line on stderr) into frozen values and into the words of
the desk's status item. Qt-free and apsw-free: the GUI process imports it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any


class ReportError(ValueError):
    """The command printed something that is not the JSON it promises (a bug, said once)."""


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise ReportError("The sync printed something tcdesk could not read.") from None


@dataclass(frozen=True)
class RunReport:
    """One ``tcdesk sync --folder DIR --json``: what went out, what came in, what waits."""

    sent_rows: int = 0
    files_in: int = 0
    rows_in: int = 0
    held: int = 0  # files refused or waiting this time (tried again next time)
    conflicts: int = 0
    started: bool = False

    @classmethod
    def from_json(cls, text: str) -> RunReport:
        raw = _json(text)
        if not isinstance(raw, dict):
            raise ReportError("The sync printed something tcdesk could not read.")
        applied = raw.get("applied") or []
        return cls(
            sent_rows=int((raw.get("sent") or {}).get("rows") or 0),
            files_in=len(applied),
            rows_in=sum(int(a.get("rows") or 0) for a in applied),
            held=len(raw.get("refused") or []) + len(raw.get("waiting") or []),
            conflicts=int(raw.get("conflicts") or 0),
            started=bool(raw.get("started")),
        )


@dataclass(frozen=True)
class StatusReport:
    """``tcdesk sync status --json``: whether this install syncs, and where it stands."""

    joined: bool
    install_id: str = ""
    office_id: str | None = None
    last_sync_at: str | None = None
    folder: str = ""
    files_in: int = 0
    waiting: int = 0  # files in the folder not applied here yet
    conflicts: int = 0
    offices: dict[str, str] = field(default_factory=dict)  # other install id -> office id

    @classmethod
    def from_json(cls, text: str) -> StatusReport:
        raw = _json(text)
        if not isinstance(raw, dict):
            raise ReportError("The sync printed something tcdesk could not read.")
        waiting = raw.get("waiting") or {}
        return cls(
            joined=bool(raw.get("joined")),
            install_id=str(raw.get("install_id") or ""),
            office_id=raw.get("office_id"),
            last_sync_at=raw.get("last_sync_at"),
            folder=str(raw.get("folder") or ""),
            files_in=int(raw.get("files_in") or 0),
            waiting=sum(int(n) for n in waiting.values()) if isinstance(waiting, dict) else 0,
            conflicts=int(raw.get("conflicts") or 0),
            offices=_offices(raw.get("offices")),
        )


@dataclass(frozen=True)
class ConflictReport:
    """One value a newer edit overwrote (``tcdesk sync conflicts --json``)."""

    at: str
    table_name: str
    row_id: str
    kept_install: str
    kept_updated_at: str
    lost_install: str
    lost_updated_at: str
    lost_row: dict[str, Any] = field(default_factory=dict)


def conflicts_from_json(text: str) -> list[ConflictReport]:
    raw = _json(text)
    if not isinstance(raw, list):
        raise ReportError("The sync printed something tcdesk could not read.")
    found = []
    for entry in raw:
        try:
            found.append(
                ConflictReport(
                    at=str(entry["at"]),
                    table_name=str(entry["table_name"]),
                    row_id=str(entry["row_id"]),
                    kept_install=str(entry["kept_install"]),
                    kept_updated_at=str(entry["kept_updated_at"]),
                    lost_install=str(entry["lost_install"]),
                    lost_updated_at=str(entry["lost_updated_at"]),
                    lost_row=dict(entry.get("lost_row") or {}),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise ReportError("The sync's list of conflicts could not be read.") from None
    return found


class FailureKind(Enum):
    UNREACHABLE = "unreachable"  # the folder is missing or cannot be written
    BUSY = "busy"  # another sync runs, or the file is busy: try again soon, quietly
    OTHER = "other"


def _offices(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if v}


@dataclass(frozen=True)
class SyncFailure:
    kind: FailureKind
    message: str  # one line for the coordinator


_UNREACHABLE = ("no sync folder", "cannot write to the sync folder", "not reachable")
_BUSY = ("is running", "database is locked", "busy")


def failure_from(stderr: str, exit_code: int | None) -> SyncFailure:
    """The command's refusal (``tcdesk: ...`` on stderr) as one line and what it means."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    line = line.removeprefix("tcdesk:").strip()
    if not line:
        line = (
            "The sync stopped before it finished."
            if exit_code is None
            else f"The sync stopped with an error (code {exit_code})."
        )
    lowered = line.lower()
    if any(words in lowered for words in _UNREACHABLE):
        return SyncFailure(FailureKind.UNREACHABLE, line)
    if any(words in lowered for words in _BUSY):
        return SyncFailure(FailureKind.BUSY, line)
    return SyncFailure(FailureKind.OTHER, line)


@dataclass(frozen=True)
class StatusWords:
    text: str  # the status item, short
    tooltip: str  # the whole story, on hover


def _when(iso: str, today: datetime) -> str:
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    if moment.date() == today.date():
        return moment.strftime("%H:%M")
    return f"{moment.day} {moment.strftime('%b %H:%M')}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def status_words(
    status: StatusReport,
    now: datetime,
    last_run: RunReport | None = None,
    failure: SyncFailure | None = None,
) -> StatusWords:
    """The status item's words: "Synced 10:42 · 3 came in", "Not synced yet", ...

    ``last_run``: this session's latest sync (what came in is said only for it);
    ``failure``: the latest sync failed (it is what the item says, until one succeeds).
    """
    now = now.astimezone()
    tips: list[str] = []
    if status.last_sync_at:
        tips.append(f"Last synced {_when(status.last_sync_at, now)}.")
    if failure is not None and failure.kind is not FailureKind.BUSY:
        text = (
            "Sync folder not reachable"
            if failure.kind is FailureKind.UNREACHABLE
            else "Sync failed"
        )
        return StatusWords(text, " ".join([failure.message, *tips, "Click to try again."]))
    if not status.last_sync_at:
        text = "Not synced yet"
        tips.append("This computer has joined the practice's sync but has not synced yet.")
    else:
        parts = [f"Synced {_when(status.last_sync_at, now)}"]
        if last_run is not None and last_run.rows_in:
            parts.append(f"{_plural(last_run.rows_in, 'change', 'changes')} came in")
            tips.append(
                f"{_plural(last_run.rows_in, 'change', 'changes')} from other offices came in "
                f"({_plural(last_run.files_in, 'file', 'files')})."
            )
        text = " · ".join(parts)
    if status.waiting:
        text += f" · {_plural(status.waiting, 'file', 'files')} waiting"
        tips.append(
            f"{_plural(status.waiting, 'file is', 'files are')} in the sync folder "
            "and not applied yet; they are tried again at the next sync."
        )
    if failure is not None:  # busy: the last attempt is tried again shortly
        tips.append(f"{failure.message} Trying again shortly.")
    if status.conflicts:
        tips.append(
            f"{_plural(status.conflicts, 'overwritten edit is', 'overwritten edits are')} "
            "kept for an admin (File > Sync conflicts)."
        )
    tips.append("Click to sync now.")
    return StatusWords(text, " ".join(tips))
