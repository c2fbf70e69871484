"""The sync command's JSON and refusals, read into what the desk's status item says."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tcdesk.services.sync.sync_reports import (
    FailureKind,
    ReportError,
    RunReport,
    StatusReport,
    conflicts_from_json,
    failure_from,
    status_words,
)

RUN = {
    "install": "88ca4e09",
    "sent": {"seq": 1, "rows": 3},
    "hard_deletes_not_sent": 0,
    "applied": [
        {"install": "0af5736d", "file": "00000001.tcsync", "rows": 1, "left_out": 2},
        {"install": "0af5736d", "file": "00000002.tcsync", "rows": 2, "left_out": 0},
    ],
    "refused": [{"install": "c1", "file": "00000003.tcsync", "why": "cut off"}],
    "waiting": [],
    "conflicts": 2,
    "started": False,
    "notes": [],
}
NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def _status(**changes) -> StatusReport:
    fields = {
        "joined": True,
        "install_id": "88ca4e09",
        "office_id": "o1",
        "last_sync_at": NOW.replace(hour=14, minute=42).isoformat(),
        "folder": "/mnt/share",
        "last_sent_seq": 1,
        "files_in": 2,
        "waiting": {},
        "conflicts": 0,
    }
    fields.update(changes)
    return StatusReport.from_json(json.dumps(fields))


def _local(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")


def test_a_run_says_what_came_in_and_what_was_held() -> None:
    run = RunReport.from_json(json.dumps(RUN))
    assert (run.sent_rows, run.files_in, run.rows_in, run.held, run.conflicts) == (3, 2, 3, 1, 2)


def test_the_status_counts_files_waiting_across_installs() -> None:
    status = _status(waiting={"a": 2, "b": 1})
    assert status.joined and status.waiting == 3 and status.folder == "/mnt/share"


def test_synced_with_rows_in_and_files_waiting() -> None:
    status = _status(waiting={"a": 2})
    words = status_words(status, NOW, RunReport.from_json(json.dumps(RUN)))
    assert (
        words.text == f"Synced {_local(status.last_sync_at)} · 3 changes came in · 2 files waiting"
    )
    assert "3 changes from other offices came in (2 files)" in words.tooltip


def test_nothing_came_in_says_only_when() -> None:
    status = _status()
    assert status_words(status, NOW, RunReport()).text == f"Synced {_local(status.last_sync_at)}"


def test_an_older_sync_says_its_day() -> None:
    status = _status(last_sync_at="2026-11-20T09:05:00+00:00")
    assert status_words(status, NOW).text.startswith("Synced 20 Nov ")


def test_joined_but_never_synced() -> None:
    assert status_words(_status(last_sync_at=None), NOW).text == "Not synced yet"


def test_an_unreachable_folder_and_another_failure_are_said_in_words() -> None:
    stderr = (
        "tcdesk: No sync folder at /mnt/share: plug in the drive or connect the share, "
        "or make the folder first.\n"
    )
    failure = failure_from(stderr, 2)
    assert failure.kind is FailureKind.UNREACHABLE
    assert failure.message.startswith("No sync folder at /mnt/share")
    words = status_words(_status(), NOW, failure=failure)
    assert words.text == "Sync folder not reachable"
    assert words.tooltip.startswith("No sync folder at /mnt/share")
    crash = failure_from(
        "tcdesk: something went wrong inside tcdesk; details saved in /x/crash.txt", 1
    )
    assert crash.kind is FailureKind.OTHER
    assert status_words(_status(), NOW, failure=crash).text == "Sync failed"
    assert failure_from("", None).message == "The sync stopped before it finished."


def test_a_busy_file_keeps_the_last_words_and_says_it_tries_again() -> None:
    busy = failure_from("tcdesk: Another sync of p.sqlite3 is running; try again when ...", 2)
    assert busy.kind is FailureKind.BUSY
    words = status_words(_status(), NOW, failure=busy)
    assert words.text.startswith("Synced ") and "Trying again shortly." in words.tooltip


def test_conflicts_read_each_overwritten_row() -> None:
    entry = {
        "at": "2026-12-02T21:07:10+00:00",
        "table_name": "patients",
        "row_id": "p1",
        "kept_install": "b",
        "kept_updated_at": "2026-12-02T21:07:09+00:00",
        "lost_install": "a",
        "lost_updated_at": "2026-12-02T21:07:08+00:00",
        "lost_row": {"id": "p1", "phone": "(614) 555-0001"},
    }
    (found,) = conflicts_from_json(json.dumps([entry]))
    assert found.table_name == "patients" and found.lost_row["phone"] == "(614) 555-0001"


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"a": 1}'])
def test_output_that_is_not_the_promised_json_is_one_clear_error(text: str) -> None:
    with pytest.raises(ReportError):
        conflicts_from_json(text)
    if text != '{"a": 1}':
        with pytest.raises(ReportError):
            RunReport.from_json(text)
