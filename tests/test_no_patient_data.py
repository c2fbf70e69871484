"""No patient data outside the practice file: a marker in every field, errors forced, every
file tcdesk wrote elsewhere searched.

The practice file, its pictures and its backups hold patient data by design (they
are the practice); the logs, crash reports and per-computer settings must not.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from tcdesk import crash_log
from tcdesk.cli import main as cli_main
from tcdesk.services.consult_record import set_concern
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.intake import add_family
from tcdesk.services.walk_in import on_duty, start_walk_in
from tests.conftest import FIXED_NOW
from tests.intake_practice import TEEN, practice

MARKER = "Qzvmarker"


def _family_with_markers():
    party = replace(
        TEEN.parties[0],
        name=f"{MARKER}parent Reyes",
        email=f"{MARKER.lower()}.parent@example.com",
        address=f"12 {MARKER}street Ave",
    )
    insurance = replace(TEEN.primary, subscriber=f"{MARKER}sub Reyes", member_id=f"{MARKER}ID")
    return replace(
        TEEN,
        first=f"{MARKER}first",
        last=f"{MARKER}last",
        preferred_name=f"{MARKER}pref",
        email=f"{MARKER.lower()}@example.com",
        phone="(503) 555-0177",
        referrer=f"Dr. {MARKER}ref",
        parties=(party,),
        primary=insurance,
    )


def _files_tcdesk_wrote_elsewhere(store_folder: Path) -> list[Path]:
    roots = [Path(os.environ[v]) for v in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")]
    roots.append(Path(os.environ["XDG_CACHE_HOME"]))
    roots.append(Path(tempfile.gettempdir()) / "tcdesk-crash")
    found = [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]
    return [p for p in found if store_folder not in p.parents]


def test_a_marker_in_every_field_never_reaches_a_log_or_a_setting(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    store_folder = tmp_path / "practice"
    store_folder.mkdir()
    store = store_folder / "practice.sqlite3"
    desk = practice(store)
    add_family(desk, _family_with_markers())
    duty = on_duty(desk)
    started = start_walk_in(
        desk,
        f"{MARKER}walk Okafor",
        "503 555 0142",
        duty.office.id,
        duty.coordinator.id,
        duty.doctor.id,
        FIXED_NOW,
    )
    consult_id = started.consult.id
    set_concern(desk, consult_id, f"{MARKER}concern: her front teeth")
    ConsultRoom(desk, consult_id, PresentationKit.load()).save_note(f"Mom said {MARKER}note.")
    desk.close()

    def cli(*argv: str) -> int:
        return cli_main([*argv, "--db", str(store)], clock=lambda: FIXED_NOW)

    # Ordinary work: listing, searching, the record, a backup, the audit trail.
    assert cli("patients") == 0
    assert cli("patients", "--search", MARKER) == 0
    assert cli("record", "show", consult_id) == 0
    assert cli("backup") == 0
    assert cli("audit") == 0
    # Mistakes (UserErrors: a line on stderr, nothing logged).
    assert cli("patients", "add", "--first", f"{MARKER}\nx", "--last", "R", "--born", "2012") == 2
    # Bugs, forced: an error whose message quotes a row, and one that doesn't quote it.
    import tcdesk.cli.patients_command as patients_command

    def quoting(_headers, rows):
        raise RuntimeError(f"row too wide: {rows[0]!r}")

    def not_quoting(_headers, rows):
        raise ValueError("cannot lay out " + " ".join(str(cell) for cell in rows[0]))

    for failure in (quoting, not_quoting):
        monkeypatch.setattr(patients_command, "format_table", failure)
        assert cli("patients") == 1
    born = _family_with_markers().birth_date  # in a variable: a traceback shows source lines
    try:
        raise KeyError(f"{MARKER}first {MARKER}last born {born}")
    except KeyError as error:
        crash_log.write_crash_report(error)
    capsys.readouterr()

    written = _files_tcdesk_wrote_elsewhere(store_folder)
    names = {p.name for p in written}
    assert {"tcdesk.log", "crash.log"} <= names, names
    for path in written:
        text = path.read_bytes().lower()
        assert MARKER.lower().encode() not in text, f"{path} holds patient data"
        assert b"2012-03-04" not in text and b"555-0177" not in text, f"{path} holds a value"
    crash = next(p for p in written if p.name == "crash.log").read_text(encoding="utf-8")
    assert crash.count("patients_command.py") >= 2  # the reports still say where it broke


@pytest.mark.parametrize("mode_of", ["tcdesk.log", "crash.log"])
def test_those_files_are_private(tmp_path: Path, mode_of: str) -> None:
    store = tmp_path / "practice.sqlite3"
    practice(store).close()
    cli_main(["patients", "--db", str(store)], clock=lambda: FIXED_NOW)
    try:
        raise RuntimeError("forced")
    except RuntimeError as error:
        crash_log.write_crash_report(error)
    log_folder = Path(os.environ["XDG_STATE_HOME"]) / "tcdesk" / "log"
    assert (log_folder / mode_of).stat().st_mode & 0o777 == 0o600
    assert log_folder.stat().st_mode & 0o777 == 0o700
