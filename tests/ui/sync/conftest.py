"""Two real installs of one practice, made once per run with the real CLI, copied per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync_installs import Installs, copy_installs, make_installs


@pytest.fixture(scope="session")
def _installs_template(
    _demo_store_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Installs:
    return make_installs(_demo_store_template, tmp_path_factory.mktemp("sync-ui") / "installs")


@pytest.fixture
def installs(_installs_template: Installs, tmp_path: Path) -> Installs:
    return copy_installs(_installs_template, tmp_path / "installs")
