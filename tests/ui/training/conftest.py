"""Training files for the trainer's window tests (tests/training_seed.py)."""

from __future__ import annotations

from tests.training_seed import (  # noqa: F401 (fixtures)
    _training_template,
    practice_and_training,
    training,
)
