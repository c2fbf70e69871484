"""tcdesk.paths finds the bundled files from a checkout and from a frozen build alike."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tcdesk import paths

ROOT = Path(__file__).resolve().parents[1]


def test_from_source_the_checkout_s_folders() -> None:
    assert not hasattr(sys, "_MEIPASS")
    assert paths.assets_dir() == ROOT / "assets"
    assert paths.flows_dir() == ROOT / "presentation_flows"
    assert (paths.assets_dir() / "brand" / "tcdesk_icon.svg").is_file()
    assert (paths.flows_dir() / "walk_in.toml").is_file()


def test_frozen_the_bundle_s_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.assets_dir() == tmp_path / "assets"
    assert paths.flows_dir() == tmp_path / "presentation_flows"


def test_data_stays_in_the_platformdirs_folders_frozen_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new bundle finds the practice file the old one (or the source install) made."""
    from_source = (paths.default_db_path(), paths.config_dir(), paths.log_dir())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert (paths.default_db_path(), paths.config_dir(), paths.log_dir()) == from_source
    assert tmp_path not in paths.default_db_path().parents
