"""Training files for tests: the demo practice's, made once per run and copied per test.

``scorecard`` builds a hand-made Scorecard from points per part, so the
progress numbers can be worked out by hand.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tcdesk.services.desk import Desk
from tcdesk.services.training.scorecard import WEIGHTS, PartScore, Scorecard
from tcdesk.services.training.store import set_up_training, training_path
from tests.conftest import FIXED_NOW

# The demo practice's people (services/demo_people.py).
JESSICA = "Jessica Alvarez"
KELSEY = "Kelsey Lindqvist"
TAMIKA = "Tamika Brooks"
DOCTOR = "Dr. Priya Raman"


@pytest.fixture(scope="session")
def _training_template(_demo_store_template: Path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("training-template")
    practice = folder / "demo.sqlite3"
    shutil.copyfile(_demo_store_template, practice)
    set_up_training(practice, clock=lambda: FIXED_NOW)
    return folder


@pytest.fixture
def practice_and_training(_training_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A demo practice file and its training file, beside it."""
    practice = tmp_path / "demo.sqlite3"
    for source in (
        _training_template / "demo.sqlite3",
        training_path(_training_template / "demo.sqlite3"),
    ):
        target = tmp_path / source.name
        shutil.copyfile(source, target)
        target.chmod(0o600)
    return practice, training_path(practice)


@pytest.fixture
def training(practice_and_training: tuple[Path, Path]) -> Iterator[Desk]:
    desk = Desk.open(practice_and_training[1], clock=lambda: FIXED_NOW)
    yield desk
    desk.close()


def staff_id(desk: Desk, name: str) -> str:
    practice = desk.practice()
    assert practice is not None
    return next(s.id for s in desk.practices.staff(practice.id) if s.name == name)


def scorecard(
    points: Sequence[float], persona: str = "maya_teen", decision: str = "book"
) -> Scorecard:
    """Points per part in the scorecard's order (preparation ... next step)."""
    assert len(points) == len(WEIGHTS)
    parts = tuple(
        PartScore(part, float(value), good=(f"good {part.value}",), to_improve=())
        for part, value in zip(WEIGHTS, points, strict=True)
    )
    return Scorecard(persona=persona, parts=parts, decision=decision, minutes=31.5)


def open_app(qtbot, practice: Path, kit, tmp_path: Path):
    """The whole app on ``practice`` (the desk's window built, not shown)."""
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application

    desk = Desk.open(practice, clock=lambda: FIXED_NOW)
    app = Application(desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    return app
