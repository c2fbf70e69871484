"""A solo practice consult on real windows: the demo practice's training file, the
shipped personas, and a clock the test moves (tests/training_seed.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tcdesk.services.training.answers import ScriptedClock
from tests.conftest import FIXED_NOW
from tests.training_seed import (  # noqa: F401 (fixtures)
    _training_template,
    practice_and_training,
    training,
)


@pytest.fixture(scope="session")
def kit():
    from tcdesk.services.consult_room import PresentationKit

    return PresentationKit.load()


@pytest.fixture(scope="session")
def personas():
    from tcdesk.services.training.personas import load_personas

    return load_personas().personas


@dataclass
class Host:
    """What ``begin_solo`` needs from the app, without the desk's window."""

    kit: Any
    screens: Any
    room_screen: Any = None
    main_window: Any = None
    presentation: Any = None
    cards: list = field(default_factory=list)

    def show_scorecard(self, card, persona, *, family_says: str = "") -> None:
        self.cards.append((card, persona))


@pytest.fixture
def host(kit, tmp_path: Path) -> Host:
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.screens import ScreenChooser

    return Host(kit, ScreenChooser(MachineSettingsStore(tmp_path / "machine.json")))


@pytest.fixture
def clock() -> ScriptedClock:
    return ScriptedClock(base=FIXED_NOW)


@pytest.fixture
def practices() -> Iterator[list]:
    """Every practice begun in a test; ended (left) at the end if still open."""
    made: list = []
    yield made
    for practice in made:
        if not practice.controller.ending.done:
            practice.controller.leave_for_later()
