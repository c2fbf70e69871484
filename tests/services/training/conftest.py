"""The shipped personas, the demo practice's money, a clock the test moves, and training
files (tests/training_seed.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tcdesk.services.training.answers import Played, ScriptedClock, play, read_answers
from tcdesk.services.training.personas import load_personas, training_dir
from tcdesk.services.training.practice_money import PracticeMoney, demo_money
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_setup import start_session
from tests.training_seed import (  # noqa: F401 (fixtures)
    _training_template,
    practice_and_training,
    training,
)

DAY = date(2026, 12, 2)
EXAMPLES = training_dir() / "examples"


@pytest.fixture(scope="session")
def personas():
    return load_personas().personas


@pytest.fixture(scope="session")
def money() -> PracticeMoney:
    return demo_money(DAY)


@pytest.fixture
def played(personas, money):
    def run(name: str, path: Path | None = None) -> Played:
        path = path or EXAMPLES / f"{name}.toml"
        persona = personas[name.split(".")[0]]
        return play(persona, read_answers(path), path, money)

    return run


@pytest.fixture
def session(personas, money):
    def begin(key: str) -> tuple[SoloSession, ScriptedClock]:
        clock = ScriptedClock()
        return start_session(personas[key], money, clock), clock

    return begin
