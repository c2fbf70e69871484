"""Checking that the files a flow names (a step's ``image``) are in the assets folder.

The renderer quietly leaves out a picture it cannot find, so without this
check a typo in ``image = ...`` shows the family bullets in empty space.
The assets folder is passed in: the flows layer does not know where the
app keeps it (``tcdesk.paths.assets_dir()`` does).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path, PurePosixPath

from tcdesk.flows.errors import FlowError
from tcdesk.flows.lines import LineFinder
from tcdesk.flows.model import Flow

# Step keys that name a file inside assets/ (see ``STEP_KEYS`` in step_check).
ASSET_KEYS = ("image",)


def check_flow_assets(flow: Flow, assets_dir: Path | str) -> list[FlowError]:
    """Every asset path in ``flow`` that is not a file inside ``assets_dir``, as a ``FlowError``."""
    assets = Path(assets_dir)
    errors: list[FlowError] = []
    finder: LineFinder | None = None
    for index, step in enumerate(flow.steps):
        for key in ASSET_KEYS:
            value = getattr(step, key, "")
            if not value:
                continue
            problem = asset_problem(value, assets)
            if problem is None:
                continue
            if finder is None:
                finder = LineFinder(_flow_text(flow))
            errors.append(
                FlowError(
                    flow.path or flow.id,
                    problem,
                    line=finder.find(index, key, value) or step.line,
                    step=step.id,
                    key=key,
                )
            )
    return errors


def asset_problem(relative: str, assets_dir: Path | str) -> str | None:
    """Why ``relative`` does not name a file inside ``assets_dir``, or None if it does."""
    assets = Path(assets_dir)
    pure = PurePosixPath(relative.replace("\\", "/"))
    if not relative or pure.is_absolute() or ".." in pure.parts or ":" in relative:
        return f"{relative!r} must be a path inside assets/, e.g. 'illustrations/care/braces.svg'"
    if not assets.is_dir():
        return f"cannot check {relative!r}: there is no assets folder at {assets}"
    path = assets.joinpath(*pure.parts)
    try:
        inside = path.resolve().is_relative_to(assets.resolve())
    except OSError:
        inside = False
    if not inside:
        return f"{relative!r} leads outside the assets folder {assets} (a link?)"
    if path.is_dir():
        return f"{relative!r} is a folder, not a file (in {assets})"
    if not path.is_file():
        return f"no such file {relative!r} in {assets}{_nearest(pure, assets)}"
    spelled = _spelled_on_disk(pure, assets)
    if spelled is not None and spelled != pure.as_posix():
        # Found only because this disk ignores case; another computer would not find it.
        return f"{relative!r} is spelled {spelled!r} on disk (letter case must match)"
    return None


def _spelled_on_disk(pure: PurePosixPath, assets: Path) -> str | None:
    parts: list[str] = []
    folder = assets
    for part in pure.parts:
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        if part in names:
            match = part
        else:
            match = next((n for n in names if n.lower() == part.lower()), part)
        parts.append(match)
        folder = folder / match
    return "/".join(parts)


def _nearest(pure: PurePosixPath, assets: Path) -> str:
    """A hint: a file of a similar name, or the folder that is not there."""
    folder = assets
    for part in pure.parts[:-1]:
        if not (folder / part).is_dir():
            break
        folder = folder / part
    else:
        names = sorted(p.name for p in folder.iterdir() if p.is_file())
        close = difflib.get_close_matches(pure.name, names, n=1, cutoff=0.6)
        if close:
            return f" (did you mean {(pure.parent / close[0]).as_posix()!r}?)"
        return ""
    return f" (there is no folder {pure.parent.as_posix()!r})"


def _flow_text(flow: Flow) -> str:
    if flow.path is None:
        return ""
    try:
        return flow.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
