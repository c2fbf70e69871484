"""The consult room saves only what it really stored (issue 11, build item 1).

Bug: ``save_note`` recorded the note as saved inside the transaction, so after
one failed commit (a full disk) the next revision pointed at a row that was
never stored and every later save failed with a foreign-key error.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tcdesk.services.consult_room import ConsultRoom, NotSaved, PresentationKit
from tcdesk.services.save_failures import CANNOT_WRITE, DISK_FULL, IN_USE
from tcdesk.store.connection import BUSY_TIMEOUT_MS
from tests.store_faults import broken_revisions, disk_full, lock_held_elsewhere

ZOE = "3bf25559-c9cf-559c-9639-5da37ae56471"
LONG = "Grandma pays in March; wants the monthly under $200. " * 120  # needs new pages


@pytest.fixture
def room(demo_desk) -> ConsultRoom:
    room = ConsultRoom(demo_desk, ZOE, PresentationKit.load())
    room.session.start()
    return room


def test_a_failed_note_save_changes_nothing_and_the_next_one_chains_on(
    demo_desk, room: ConsultRoom
) -> None:
    first = room.save_note("Grandma pays")
    with disk_full(demo_desk), pytest.raises(NotSaved) as failed:
        room.save_note(LONG)
    assert str(failed.value) == DISK_FULL
    assert room.note_id == first.id and room.draft_note == "Grandma pays"
    assert [n.id for n in demo_desk.consults.notes(ZOE)] == [first.id]
    assert demo_desk.consults.saved_session(ZOE).draft_note == "Grandma pays"

    again = room.save_note(LONG)  # space came back: the same text saves, chained on
    assert again.revises == first.id
    assert broken_revisions(demo_desk, ZOE) == []
    assert demo_desk.consults.saved_session(ZOE).note_id == again.id
    assert [n.body for n in demo_desk.consults.current_notes(ZOE)] == [LONG]


def test_a_failed_state_save_says_why_and_keeps_the_room_as_it_was(
    demo_desk, room: ConsultRoom
) -> None:
    room.save()
    room.session.jump(5)
    demo_desk.db.conn.execute("PRAGMA query_only = ON")
    try:
        with pytest.raises(NotSaved, match=CANNOT_WRITE):
            room.save()
    finally:
        demo_desk.db.conn.execute("PRAGMA query_only = OFF")
    assert demo_desk.consults.saved_session(ZOE).step_index != 4
    assert room.session.position == 5
    room.save()
    assert demo_desk.consults.saved_session(ZOE).step_index == 4


def test_a_lock_held_elsewhere_fails_fast_not_after_the_busy_wait(
    demo_desk, demo_store: Path, room: ConsultRoom
) -> None:
    with lock_held_elsewhere(demo_store):
        for save in (room.save, lambda: room.save_note("Wants Invisalign")):
            started = time.monotonic()
            with pytest.raises(NotSaved, match=IN_USE):
                save()
            assert time.monotonic() - started < 0.5  # not the store's 5 s busy wait
    assert room.note_id is None
    # CLI commands and the rest of the app keep the long wait.
    assert demo_desk.db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    note = room.save_note("Wants Invisalign")  # the lock is gone: it saves
    assert demo_desk.consults.saved_session(ZOE).note_id == note.id


def test_a_plan_or_an_objection_that_cannot_be_saved_is_said_and_changes_nothing(
    demo_desk, room: ConsultRoom
) -> None:
    from tcdesk.domain import Objection
    from tests.services.test_consult_room import _plan

    plan = _plan(room, 500)
    before = room.plan
    demo_desk.db.conn.execute("PRAGMA query_only = ON")
    try:
        with pytest.raises(NotSaved, match=CANNOT_WRITE):
            room.choose_plan(plan)
        with pytest.raises(NotSaved, match=CANNOT_WRITE):
            room.log_objection(Objection.MONTHLY_TOO_HIGH)
    finally:
        demo_desk.db.conn.execute("PRAGMA query_only = OFF")
    assert room.plan == before
    assert demo_desk.consults.objections(ZOE) == []
    assert room.choose_plan(plan).plan.option_id == plan.option_id
