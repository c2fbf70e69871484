"""The kill harness itself, in CI: a few SIGKILLs of a real consult, nothing old lost.

The full run (60 kills, numbers in bench/README.md) takes a few minutes; this
one runs four kills of the same real app process on the test session's X
screen, so a change that breaks saving or resuming fails here too.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.kill_harness import run


def test_four_kills_lose_nothing_older_than_a_second_and_always_resume(tmp_path: Path) -> None:
    assert os.environ.get("DISPLAY"), "pytest-xvfb gives the session an X screen"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    env.pop("QT_QPA_PLATFORM", None)
    for xdg in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[xdg] = str(tmp_path / xdg.lower())
    totals = run(4, seed=11, folder=tmp_path, env=env, quiet=True)
    assert totals.kills == 4
    assert totals.characters_typed > 0
    assert totals.characters_lost_older_than_1s == 0
    assert totals.resume_failures == 0
    assert totals.integrity_failures == 0
    assert totals.errors_in_app == 0
    assert totals.max_loss_window_s < 1.0
