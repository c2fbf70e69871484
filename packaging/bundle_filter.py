"""What the bundle leaves out: Qt modules, plugins and translations tcdesk never uses.

PyInstaller's Qt hooks collect every plugin a Qt module might load (with the
libraries those plugins link, e.g. GTK 3 for the GTK theme, the Wayland client
for Wayland) and Qt's translations. tcdesk needs far less: one platform per
system, the image formats of photos and drawings, SVG icons, CUPS printing and
the input methods people type accents with. ``keep_binaries`` drops the rest,
then every library that no remaining program, module or plugin links to.
Used by ``tcdesk.spec``; the tests check the rules on names alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Modules tcdesk never imports that PyInstaller would otherwise follow into.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pypdf",
    "IPython",
    "numpy",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtStateMachine",
    "PySide6.QtSvgWidgets",
    "PySide6.scripts",
]

# tcdesk modules that are for developers only (virtual monitors, the docs' screenshots).
_DEVELOPER_PACKAGE = "tcdesk.devtools"
_SCREENSHOT_KIT = "screenshot_kit"

# Plugin folder -> the plugin file stems kept (None: the whole folder).
_PLUGINS_KEPT: dict[str, tuple[str, ...] | None] = {
    "platforms": ("qxcb", "qoffscreen", "qwindows", "qcocoa", "qminimal"),
    "platformthemes": ("qxdgdesktopportal",),  # not GTK 3: it would bring GTK along
    "platforminputcontexts": None,  # compose keys, IBus: accents and other scripts
    "imageformats": ("qjpeg", "qgif", "qwebp", "qsvg", "qico"),
    "iconengines": ("qsvgicon",),
    "printsupport": ("cupsprintersupport",),
    "xcbglintegrations": None,
    "styles": None,  # Windows' own look
}


def keep_tcdesk_module(name: str) -> bool:
    """``collect_submodules`` filter: every tcdesk module but the developers' tools."""
    if name == _DEVELOPER_PACKAGE or name.startswith(_DEVELOPER_PACKAGE + "."):
        return False
    last = name.rsplit(".", 1)[-1]
    return not (last.endswith("screenshots") or last == _SCREENSHOT_KIT)


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _stem(file_name: str) -> str:
    """``libqxcb.so`` -> ``qxcb``; ``qwindows.dll`` / ``libqcocoa.dylib`` likewise."""
    stem = file_name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def is_kept_plugin(dest: str) -> bool:
    """False for a Qt plugin tcdesk does not load; True for anything that is no plugin."""
    parts = _parts(dest)
    if "plugins" not in parts:
        return True
    at = parts.index("plugins")
    if at == 0 or parts[at - 1] != "Qt" or len(parts) < at + 3:
        return True
    folder, file_name = parts[at + 1], parts[-1]
    if folder not in _PLUGINS_KEPT:
        return False
    stems = _PLUGINS_KEPT[folder]
    if stems is None:
        return True
    stem = _stem(file_name)
    return stem in stems or stem.removesuffix("d") in stems  # Windows debug builds: ...d.dll


def is_kept_data(dest: str) -> bool:
    """False for Qt's translations (``.qm``): tcdesk's words are its own."""
    parts = _parts(dest)
    return not ("translations" in parts and parts[-1].endswith(".qm"))


def _is_root(dest: str, typecode: str) -> bool:
    """A binary kept for its own sake: a Python extension module, a plugin, libpython."""
    name = _parts(dest)[-1].lower()
    return (
        typecode == "EXTENSION"
        or "plugins" in _parts(dest)
        or name.startswith(("libpython", "python3"))
    )


def _linked(
    binaries: list[tuple[str, str, str]], imports: Callable[[str], Iterable[str | None]]
) -> set[str]:
    """The sources of every binary reachable from the roots through what each links."""
    by_source = {os.path.realpath(src): src for _dest, src, _kind in binaries}
    by_name: dict[str, str] = {}
    for dest, src, _kind in binaries:
        by_name.setdefault(_parts(dest)[-1], src)
    todo = [src for dest, src, kind in binaries if _is_root(dest, kind)]
    reached = set(todo)
    while todo:
        for linked in imports(todo.pop()):
            if linked is None:
                continue
            target = by_source.get(os.path.realpath(linked)) or by_name.get(
                PurePosixPath(linked.replace("\\", "/")).name
            )
            if target is not None and target not in reached:
                reached.add(target)
                todo.append(target)
    return reached


def _pyinstaller_imports(path: str) -> list[str | None]:
    from PyInstaller.depend.bindepend import get_imports

    return [full or name for name, full in get_imports(path)]


def keep_binaries(
    binaries: list[tuple[str, str, str]],
    imports: Callable[[str], Iterable[str | None]] = _pyinstaller_imports,
    *,
    prune_unlinked: bool = sys.platform.startswith("linux"),
) -> list[tuple[str, str, str]]:
    """The binaries without unused plugins, then without libraries nothing kept links.

    The second step runs on Linux only, where the bundle is built and tested here;
    on Windows and macOS (Qt frameworks, @rpath names) the plugins alone are dropped.
    """
    kept = [entry for entry in binaries if is_kept_plugin(entry[0])]
    if not prune_unlinked:
        return kept
    reached = _linked(kept, imports)
    return [entry for entry in kept if entry[1] in reached]


def keep_datas(datas: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The data files without Qt's translations."""
    return [entry for entry in datas if is_kept_data(entry[0])]
