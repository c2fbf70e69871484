"""Three installs made once per run (demo, first sync, two joins), copied per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.sync.offices import make_offices


@pytest.fixture(scope="session")
def _offices_template(_demo_store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sync") / "offices"
    make_offices(_demo_store_template, root)
    return root
