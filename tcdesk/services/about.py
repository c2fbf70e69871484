"""What "About tcdesk" says: the version, where the files are, the licence.

Support asks these first ("which version? which file?"), so the app and
``tcdesk about`` give the same answer from one place.
"""

from __future__ import annotations

import importlib.metadata
import platform
import tomllib
from dataclasses import dataclass
from pathlib import Path

from tcdesk import __version__
from tcdesk.paths import assets_dir, config_dir, data_dir, log_dir, resolve_db_path
from tcdesk.store.cipher import is_encrypted


@dataclass(frozen=True)
class AboutFacts:
    version: str
    licence: str
    store_path: Path
    data_folder: Path
    config_folder: Path
    log_folder: Path
    python: str
    encrypted: bool = False

    def lines(self) -> list[tuple[str, str]]:
        """Label and value, in the order a person reads them out to support."""
        return [
            ("Version", self.version),
            ("Practice file", str(self.store_path)),
            ("Encrypted", "yes (SQLCipher)" if self.encrypted else "no"),
            ("Data folder", str(self.data_folder)),
            ("Settings folder", str(self.config_folder)),
            ("Log folder", str(self.log_folder)),
            ("Licence", self.licence),
            ("Python", self.python),
        ]


def installed_version() -> str:
    """The installed distribution's version; the package's own when run from a bare checkout."""
    try:
        return importlib.metadata.version("tcdesk")
    except importlib.metadata.PackageNotFoundError:
        return __version__


def licence() -> str:
    """The licence pyproject.toml declares (from the installed metadata, else the file)."""
    try:
        declared = importlib.metadata.metadata("tcdesk").get("License") or ""
    except importlib.metadata.PackageNotFoundError:
        declared = ""
    if declared and declared != "UNKNOWN":
        return declared
    project = assets_dir().parent / "pyproject.toml"
    try:
        with project.open("rb") as handle:
            found = tomllib.load(handle).get("project", {}).get("license", "")
    except (OSError, tomllib.TOMLDecodeError):
        return "see the licence file that came with tcdesk"
    if isinstance(found, dict):
        found = found.get("text") or found.get("file") or ""
    return str(found) or "see the licence file that came with tcdesk"


def about(store_path: Path | None = None) -> AboutFacts:
    """``store_path``: the practice file open now (None: the one tcdesk would open)."""
    store = store_path if store_path is not None else resolve_db_path(None)
    return AboutFacts(
        version=installed_version(),
        licence=licence(),
        store_path=store,
        encrypted=is_encrypted(store),
        data_folder=data_dir(),
        config_folder=config_dir(),
        log_folder=log_dir(),
        python=f"{platform.python_version()} ({platform.python_implementation()})",
    )


def user_guide_path() -> Path:
    """docs/guide.md next to the bundled assets (a checkout, a wheel or a frozen build)."""
    return assets_dir().parent / "docs" / "guide.md"
