"""Where tcdesk keeps its data and finds its bundled files.

Works the same from a source checkout, an installed wheel or a frozen build:
bundled files are looked up next to the package first, then in the checkout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "tcdesk"
DB_ENV = "TCDESK_DB"


def _bundle_root() -> Path:
    """The folder holding ``assets/`` and ``presentation_flows/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package_dir = Path(__file__).resolve().parent
    if (package_dir / "assets").is_dir():
        return package_dir
    return package_dir.parent


def assets_dir() -> Path:
    return _bundle_root() / "assets"


def flows_dir() -> Path:
    return _bundle_root() / "presentation_flows"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Things tcdesk can make again (parsed fonts and drawings): safe to delete."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "practice.sqlite3"


def resolve_db_path(explicit: str | os.PathLike[str] | None) -> Path:
    """``--db`` wins, then ``TCDESK_DB``, then the per-user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()
