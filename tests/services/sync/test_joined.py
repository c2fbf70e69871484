"""has_joined: read on the desk's own connection, so a lone desk starts no sync child."""

from __future__ import annotations

from pathlib import Path

from tcdesk.services.desk import Desk
from tcdesk.services.sync.joined import has_joined
from tests.sync_installs import make_installs


def test_only_a_file_that_synced_or_joined_has_joined(demo_store: Path, tmp_path: Path) -> None:
    installs = make_installs(demo_store, tmp_path / "installs")
    for store, expected in ((demo_store, False), (installs.main, True), (installs.laptop, True)):
        desk = Desk.open(store, create=False)
        try:
            assert has_joined(desk) is expected, store
        finally:
            desk.close()
