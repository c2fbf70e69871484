"""Issue 15's main check: three installs edit offline, sync in random orders, converge."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.services.sync import offices as o


def _offline_day(offices: list[o.Office]) -> dict[str, object]:
    """Edits on all three: families, notes, the same phone on two, an outcome, a deletion."""
    main, north, south = offices
    made: dict[str, object] = {"notes": []}
    desk = o.open_desk(main)
    patient = o.first_patient(desk)
    consult = o.some_consult(desk)
    made["patient"], made["consult"] = patient, consult
    made["main_family"] = o.add_new_family(desk, "Ava", "Main")
    made["notes"].append(o.add_note(desk, consult, "main: asked about Invisalign"))
    o.change_phone(desk, patient, "6145550001")
    o.record_thinking(desk, consult, "main: wants to talk to dad")
    desk.close()
    desk = o.open_desk(north)
    made["north_family"] = o.add_new_family(desk, "Ben", "North")
    made["notes"].append(o.add_note(desk, consult, "north: called back"))
    o.change_phone(desk, patient, "6145550002")  # later than main's: this one wins
    made["removed"] = o.remove_a_finding(desk)
    desk.close()
    desk = o.open_desk(south)
    made["south_family"] = o.add_new_family(desk, "Cy", "South")
    made["notes"].append(o.add_note(desk, consult, "south: sent the estimate"))
    o.record_thinking(desk, consult, "south: cost")  # later than main's outcome
    desk.close()
    return made


def _rounds(offices: list[o.Office], rng: random.Random, rounds: int = 6) -> None:
    for _ in range(rounds):
        o.deliver(offices, rng, cut=0.3)
        for office in rng.sample(offices, rng.randint(1, 3)):
            office.sync()


def test_three_offices_converge_with_late_and_cut_off_files(
    _offices_template: Path, tmp_path: Path
) -> None:
    offices = o.copy_offices(_offices_template, tmp_path / "offices")
    before = o.table_rows(offices[0].store)
    made = _offline_day(offices)
    rng = random.Random(15)
    _rounds(offices, rng)
    # More offline edits after some syncs, then everything delivered.
    desk = o.open_desk(offices[2])
    made["notes"].append(o.add_note(desk, made["consult"], "south: second call"))
    desk.close()
    _rounds(offices, rng)
    o.settle(offices, rng)

    rows = [o.table_rows(office.store) for office in offices]
    for table in rows[0]:
        assert rows[0][table] == rows[1][table] == rows[2][table], table
    for office in offices:
        assert o.integrity(office.store) == [("ok",)]

    with o.closing(o.connect(offices[0].store)) as conn:
        phone = conn.execute("SELECT phone FROM patients WHERE id = ?", [made["patient"]])
        assert phone.fetchone()[0] == "(614) 555-0002"
        reason = conn.execute("SELECT outcome_reason FROM consults WHERE id = ?", [made["consult"]])
        assert reason.fetchone()[0] == "south: cost"
        gone = conn.execute("SELECT deleted_at FROM findings WHERE id = ?", [made["removed"]])
        assert gone.fetchone()[0] is not None
        for key in ("main_family", "north_family", "south_family"):
            assert conn.execute("SELECT 1 FROM patients WHERE id = ?", [made[key]]).fetchone()
    # Nothing append-only lost: every note, contact and audit row from before and after.
    for table in ("notes", "audit_log", "contacts", "objections", "payment_plans"):
        assert set(before[table]) <= set(rows[0][table]), table
    note_ids = {r[0] for r in rows[0]["notes"]}
    assert set(made["notes"]) <= note_ids

    # Each overwritten value is kept, on every install: main's phone and main's outcome.
    for office in offices:
        kept = o.conflicts_of(office.store)
        lost = [json.loads(r[4]) for r in kept]
        assert any(r.get("phone") == "(614) 555-0001" for r in lost), office.name
        assert any(r.get("outcome_reason") == "main: wants to talk to dad" for r in lost)


def test_a_second_sync_sends_nothing_and_applies_nothing(
    _offices_template: Path, tmp_path: Path
) -> None:
    offices = o.copy_offices(_offices_template, tmp_path / "offices")
    _offline_day(offices)
    rng = random.Random(2)
    o.settle(offices, rng)
    for office in offices:
        again = office.sync()
        assert again.sent_seq is None and again.applied == [], office.name
    # The snapshot after applying others' rows equals the store: only new edits go out.
    desk = o.open_desk(offices[1])
    o.add_note(desk, o.some_consult(desk), "north: one more")
    desk.close()
    result = offices[1].sync()
    assert result.sent_rows == 1  # the note alone: nothing that came in goes back out
