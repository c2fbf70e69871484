"""Parsed fonts and drawings kept between runs, named by the SHA-256 of what they came from.

A fresh ``tcdesk agreement`` process used to parse DejaVu Sans's two TrueType
files and the logo's SVG every time (svglib's import alone loads lxml and two
CSS libraries). What the parse gives depends only on the file's bytes and the
versions of reportlab and tcdesk, so it is kept in the user's cache folder
under a name made of those: other bytes or another version is another name,
never a stale entry. An entry is read back by an unpickler that can build
only the classes the caller allows (reportlab's shapes and colours, a font's
name strings), never call a function, so a file planted in the folder cannot
run code; one that can't be read is parsed again and written anew. Writing is
atomic and best effort: a read-only or full cache folder costs time, never a
document.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import reportlab

from tcdesk import __version__
from tcdesk.paths import cache_dir

FORMAT = 1  # bump when what is stored for a kind changes shape
T = TypeVar("T")


class _AllowedOnly(pickle.Unpickler):
    """Builds only the listed classes; anything else (a function, ``os.system``) is refused."""

    def __init__(self, data: bytes, allowed: Mapping[str, frozenset[str]]) -> None:
        super().__init__(io.BytesIO(data))
        self._allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        names = self._allowed.get(module, frozenset())
        if name in names or ("*" in names and not name.startswith("__")):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} may not be built from the cache")


def installed_stamp(package: str) -> str:
    """A mark of the installed ``package`` that changes when it is upgraded, read without
    importing it (importlib.metadata costs ~30 ms, svglib itself ~190): the size and
    time of its files, found through the top-level spec (which imports nothing)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return ""
    places = list(spec.submodule_search_locations or []) if spec else []
    if not places:
        return ""  # frozen or missing: the bundle's version is tcdesk's
    try:
        files = sorted(
            (e for e in os.scandir(places[0]) if e.name.endswith(".py")), key=lambda e: e.name
        )
        marks = [f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}" for e in files]
    except OSError:
        return ""
    return f"{package}/" + "/".join(marks)


def entry_path(kind: str, source: bytes, made_by: str = "") -> Path:
    """Where the parse of ``source`` is kept: its digest with the versions that made it
    (``made_by``: the parser's own mark, such as ``installed_stamp("svglib.svglib")``)."""
    digest = hashlib.sha256()
    digest.update(f"{kind}\0{FORMAT}\0{__version__}\0{reportlab.Version}\0".encode())
    digest.update(f"{made_by}\0".encode())
    digest.update(source)
    return cache_dir() / "parsed" / f"{kind}-{digest.hexdigest()}.pickle"


def cached(
    kind: str,
    source: bytes,
    parse: Callable[[], T],
    allowed: Mapping[str, frozenset[str]],
    made_by: str = "",
) -> T:
    """``parse()``'s result for ``source``, from the cache when it holds one that reads back.

    ``allowed``: module -> the names of its classes an entry may build (``"*"``: any).
    """
    path = entry_path(kind, source, made_by)
    try:
        return _AllowedOnly(path.read_bytes(), allowed).load()
    except FileNotFoundError:
        pass
    except Exception:  # unreadable, truncated or planted: parse again and overwrite
        pass
    value = parse()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # best effort: the next run parses again
