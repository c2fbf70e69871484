"""Training files for the training tests (tests/training_seed.py)."""

from tests.training_seed import (  # noqa: F401 (fixtures)
    _training_template,
    practice_and_training,
    training,
)
