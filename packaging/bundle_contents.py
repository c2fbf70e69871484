"""What the bundle carries besides code: assets, flows, the user guide, the fonts.

``assets/`` and ``presentation_flows/`` go in whole. ``docs/guide.md`` goes in with
the pictures it shows (Help > User guide reads it beside ``assets/``), not the
whole of ``docs/screenshots``.

The fonts go in ``assets/fonts/``, found on the build machine.

Printed documents embed DejaVu Sans (regular, bold) and, for Chinese, Japanese
and Korean names, WenQuanYi Zen Hei (``tcdesk.documents.fonts``). A source
install takes them from the system; a PC with the bundle may have neither
(Windows and macOS never do), so the bundle carries them with their licences,
and ``tcdesk.documents.fonts`` looks in ``assets/fonts`` first.

Where they come from: ``TCDESK_FONT_DIR`` if set (the Windows and macOS CI
jobs download the Linux job's copy into it), else the Debian packages
``fonts-dejavu-core`` and ``fonts-wqy-zenhei``. Used by ``tcdesk.spec``;
``python packaging/bundle_contents.py DIR`` copies the fonts into DIR (for CI).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_FOLDER = "assets/fonts"
GUIDE = "docs/guide.md"
_PICTURE = re.compile(r"\]\(([^)\s]+\.(?:png|jpg|svg))\)")

# file name -> (folders to look in, the licence file beside it or in /usr/share/doc)
FONTS: dict[str, tuple[tuple[str, ...], str]] = {
    "DejaVuSans.ttf": (("/usr/share/fonts/truetype/dejavu",), "fonts-dejavu-core"),
    "DejaVuSans-Bold.ttf": (("/usr/share/fonts/truetype/dejavu",), "fonts-dejavu-core"),
    "wqy-zenhei.ttc": (("/usr/share/fonts/truetype/wqy",), "fonts-wqy-zenhei"),
}


class MissingFile(Exception):
    """The build cannot go on: a file the bundle must carry is not on this machine."""


def _licence(package: str, folder: Path) -> tuple[Path, str]:
    """The licence text shipped with the fonts, as (file, name in the bundle)."""
    name = f"LICENSE-{package}.txt"
    for candidate in (folder / name, Path("/usr/share/doc") / package / "copyright"):
        if candidate.is_file():
            return candidate, name
    raise MissingFile(
        f"the licence of {package} is missing (looked beside the font and in "
        f"/usr/share/doc/{package}/copyright)"
    )


def font_files(env: dict[str, str] | None = None) -> list[tuple[Path, str]]:
    """Every font and licence file to bundle, as (source file, name in ``assets/fonts``)."""
    env = os.environ if env is None else env
    override = env.get("TCDESK_FONT_DIR")
    found: list[tuple[Path, str]] = []
    licences: dict[str, tuple[Path, str]] = {}
    for name, (folders, package) in FONTS.items():
        search = (override,) if override else folders
        path = next((Path(f) / name for f in search if (Path(f) / name).is_file()), None)
        if path is None:
            raise MissingFile(
                f"{name} is not in {', '.join(search)}: install the Debian package {package} "
                "(make system-deps does), or set TCDESK_FONT_DIR to a folder holding it"
            )
        found.append((path, name))
        if package not in licences:
            licences[package] = _licence(package, path.parent)
    return found + list(licences.values())


def guide_files(root: Path = ROOT) -> list[Path]:
    """The user guide and every picture it shows, as paths relative to ``root``."""
    guide = root / GUIDE
    pictures = sorted({m for m in _PICTURE.findall(guide.read_text(encoding="utf-8"))})
    found = [Path(GUIDE)]
    for picture in pictures:
        relative = Path(GUIDE).parent / picture
        if not (root / relative).is_file():
            raise MissingFile(f"{GUIDE} shows {picture}, which is not in the checkout")
        found.append(relative)
    return found


def bundle_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller's ``datas``: (source, folder in the bundle) for everything above."""
    datas = [
        (str(root / "assets"), "assets"),
        (str(root / "presentation_flows"), "presentation_flows"),
    ]
    datas += [(str(root / path), str(path.parent)) for path in guide_files(root)]
    datas += [(str(path), FONT_FOLDER) for path, _name in font_files()]
    return datas


def copy_fonts(target: Path) -> list[Path]:
    """Copy the fonts and their licences into ``target`` (made if need be)."""
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for source, name in font_files():
        shutil.copyfile(source, target / name)
        copied.append(target / name)
    return copied


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python packaging/bundle_contents.py TARGET_FOLDER")
    try:
        for path in copy_fonts(Path(sys.argv[1])):
            print(path)
    except MissingFile as error:
        raise SystemExit(f"bundle_contents: {error}") from None
