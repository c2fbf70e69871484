"""The training tables: history refuses changes, a session comes back with its parts in order."""

from __future__ import annotations

import pytest

from tcdesk.domain.training import DrillReview, SessionPartRecord, SessionRecord
from tcdesk.store import engine
from tcdesk.store.training_repo import TrainingRepository
from tests.training_seed import JESSICA, staff_id


def _session(coordinator_id: str, started_at: str, id: str = "s1") -> SessionRecord:
    return SessionRecord(
        id=id,
        coordinator_id=coordinator_id,
        persona="maya_teen",
        mode="solo",
        started_at=started_at,
        minutes=28.5,
        total=72.5,
        decision="book",
        parts=(
            SessionPartRecord("rapport", 7.5, 10, ("asked about school",), ()),
            SessionPartRecord("preparation", 10.0, 10),
        ),
        notes=("ask what part of the cost worries them",),
        recorded_at=started_at,
    )


def test_a_session_round_trips_with_its_parts_in_order(training) -> None:
    repo = TrainingRepository(training.records)
    tc = staff_id(training, JESSICA)
    repo.add_session(_session(tc, "2026-11-20T15:00:00+00:00"))
    assert repo.sessions() == [_session(tc, "2026-11-20T15:00:00+00:00")]
    assert repo.sessions(tc, since="2026-11-21T00:00:00+00:00") == []
    assert repo.sessions(tc, before="2026-11-20T15:00:00+00:00") == []
    assert repo.session_coordinators() == {tc}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE training_sessions SET total = 100",
        "DELETE FROM training_sessions",
        "UPDATE training_session_parts SET points = 10",
        "DELETE FROM training_session_parts",
        "UPDATE training_drill_reviews SET grade = 5",
        "DELETE FROM training_drill_reviews",
    ],
)
def test_training_history_is_append_only(training, statement: str) -> None:
    repo = TrainingRepository(training.records)
    tc = staff_id(training, JESSICA)
    repo.add_session(_session(tc, "2026-11-20T15:00:00+00:00"))
    repo.add_review(DrillReview("r1", tc, "cost", "", "2026-11-20T15:00:00+00:00", 4, 12.0))
    with pytest.raises(engine.IntegrityError, match="append-only"):
        training.db.execute(statement)


def test_a_review_needs_a_grade_of_0_to_5_and_someone_on_staff(training) -> None:
    repo = TrainingRepository(training.records)
    tc = staff_id(training, JESSICA)
    with pytest.raises(engine.IntegrityError):
        repo.add_review(DrillReview("r1", tc, "cost", "", "2026-11-20T15:00:00+00:00", 6, 1.0))
    with pytest.raises(engine.IntegrityError):
        repo.add_review(DrillReview("r2", "nobody", "cost", "", "2026-11-20T15:00:00Z", 3, 1.0))
    assert repo.reviews(tc) == []
