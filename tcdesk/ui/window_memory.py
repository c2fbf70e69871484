"""Windows open where the TC left them: size, place, maximized, splitters, columns, tab.

Kept per computer in an INI file beside the machine settings
(``config_dir()/windows.ini``), one group per window keyed by its
``objectName``. A window calls ``remember(self)`` once, at the end of its
``__init__`` (after its default ``resize``): the saved state is applied then,
before the first show, and saved again each time the window hides (closing
hides it too). Nothing here is practice data: deleting the file resets every
window to its default.

A saved place is only a wish: it is fitted onto the screens that exist now
(a monitor unplugged since, a laptop away from its dock), so a window never
opens off-screen or larger than its screen. A missing or damaged entry is
ignored and the window keeps its default size.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QTabWidget, QWidget

from tcdesk.paths import config_dir

FILE_NAME = "windows.ini"
_GEOMETRY_KEYS = ("x", "y", "width", "height")


def default_path() -> Path:
    """Where this computer keeps its windows' places (honours XDG_CONFIG_HOME and the like)."""
    return config_dir() / FILE_NAME


# ---------------------------------------------------------------------- fitting on screens


def fit_on_screens(wanted: QRect, areas: Sequence[QRect]) -> QRect:
    """``wanted`` moved (and shrunk if need be) to lie whole inside one of ``areas``.

    ``areas`` are the screens' available geometries, the primary first. The
    screen showing most of ``wanted`` takes it; when none shows any of it (its
    monitor is gone), the primary does: the TC's own screen, never the
    family's display just because it happens to be nearer.
    """
    if not areas:
        return QRect(wanted)

    def overlap(area: QRect) -> int:
        shared = area.intersected(wanted)
        return shared.width() * shared.height() if not shared.isEmpty() else 0

    best = max(overlap(area) for area in areas)
    target = next(area for area in areas if overlap(area) == best)  # the primary if none
    width = max(1, min(wanted.width(), target.width()))
    height = max(1, min(wanted.height(), target.height()))
    x = min(max(wanted.x(), target.left()), target.left() + target.width() - width)
    y = min(max(wanted.y(), target.top()), target.top() + target.height() - height)
    return QRect(x, y, width, height)


def available_areas() -> list[QRect]:
    """Each screen's available geometry (without task bars), the primary first."""
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = ([primary] if primary is not None else []) + [s for s in screens if s is not primary]
    return [screen.availableGeometry() for screen in ordered]


# ---------------------------------------------------------------------- the parts of a window


def _part_key(widget: QWidget, window: QWidget) -> str:
    """A name for a splitter, table or tab set that is the same in every run.

    Its objectName when it has one; otherwise its path from the window, each
    step a class name and its place among siblings of that class.
    """
    if widget.objectName():
        return widget.objectName()
    steps: list[str] = []
    current: QObject | None = widget
    while current is not None and current is not window:
        parent = current.parent()
        kind = type(current).__name__
        if current is not widget and current.objectName():
            steps.append(current.objectName())
            break
        if parent is None:
            steps.append(kind)
            break
        same = [c for c in parent.children() if type(c) is type(current)]
        steps.append(f"{kind}{same.index(current)}")
        current = parent
    return ".".join(reversed(steps))


def _own(window: QWidget, kind: type) -> Iterable:
    """Children of ``kind`` that belong to this window, not to a dialog it owns."""
    for child in window.findChildren(kind):
        if child.window() is window:
            yield child


def _ints(value: object) -> list[int] | None:
    """``"720 680"`` -> ``[720, 680]``; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        numbers = [int(part) for part in value.split()]
    except ValueError:
        return None
    return numbers or None


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------- the memory


class WindowMemory:
    """Saves and restores windows' places in one INI file (``path``, default per computer)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    def _settings(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def remember(self, window: QWidget, *, geometry: bool = True) -> None:
        """Restore ``window`` now and save it whenever it hides.

        ``geometry=False`` keeps only its splitters, columns and tabs (a window
        that is always maximized on a chosen screen, like the console).
        """
        if not window.objectName():
            raise ValueError("a remembered window needs a stable objectName")
        self.restore(window, geometry=geometry)
        _SaveOnHide(self, window, geometry)

    # -- restoring ------------------------------------------------------------------

    def restore(self, window: QWidget, *, geometry: bool = True) -> None:
        settings = self._settings()
        settings.beginGroup(window.objectName())
        try:
            if geometry:
                self._restore_geometry(window, settings)
            self._restore_parts(window, settings)
        finally:
            settings.endGroup()

    def _restore_geometry(self, window: QWidget, settings: QSettings) -> None:
        values = [_int(settings.value(key)) for key in _GEOMETRY_KEYS]
        if None in values or values[2] <= 0 or values[3] <= 0:  # type: ignore[operator]
            # Nothing (or nothing sound) saved: the default size, but never larger than the screen.
            size = window.size().boundedTo(self._largest_area())
            if size != window.size():
                window.resize(size)
            return
        x, y, width, height = values  # type: ignore[misc]
        wanted = QRect(QPoint(x, y), QSize(width, height).expandedTo(window.minimumSize()))
        window.setGeometry(fit_on_screens(wanted, available_areas()))
        if settings.value("maximized") == "true":
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)

    @staticmethod
    def _largest_area() -> QSize:
        areas = available_areas()
        if not areas:
            return QSize(16_777_215, 16_777_215)
        return QSize(max(a.width() for a in areas), max(a.height() for a in areas))

    def _restore_parts(self, window: QWidget, settings: QSettings) -> None:
        for splitter in _own(window, QSplitter):
            sizes = _ints(settings.value(f"splitter.{_part_key(splitter, window)}"))
            if sizes and len(sizes) == splitter.count() and all(s >= 0 for s in sizes):
                splitter.setSizes(sizes)
        for view in _own(window, QTableView):
            header = view.horizontalHeader()
            saved = settings.value(f"columns.{_part_key(view, window)}")
            count = _ints(settings.value(f"columnCount.{_part_key(view, window)}"))
            if isinstance(saved, str) and count == [header.count()]:
                state = QByteArray.fromBase64(saved.encode("ascii", "ignore"))
                _restore_header(header, state)
        for tabs in _own(window, QTabWidget):
            index = _int(settings.value(f"tab.{_part_key(tabs, window)}"))
            if index is not None and 0 <= index < tabs.count() and tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)

    # -- saving ---------------------------------------------------------------------

    def save(self, window: QWidget, *, geometry: bool = True) -> None:
        settings = self._settings()
        settings.beginGroup(window.objectName())
        if geometry:
            maximized = window.isMaximized() or window.isFullScreen()
            rect = window.normalGeometry() if maximized else window.geometry()
            if rect.isEmpty():
                rect = window.geometry()
            for key, value in zip(
                _GEOMETRY_KEYS, (rect.x(), rect.y(), rect.width(), rect.height()), strict=True
            ):
                settings.setValue(key, str(value))
            settings.setValue("maximized", "true" if maximized else "false")
            settings.setValue("screen", window.screen().name() if window.screen() else "")
        for splitter in _own(window, QSplitter):
            key = _part_key(splitter, window)
            settings.setValue(f"splitter.{key}", " ".join(str(s) for s in splitter.sizes()))
        for view in _own(window, QTableView):
            key, header = _part_key(view, window), view.horizontalHeader()
            state = bytes(header.saveState().toBase64()).decode("ascii")
            settings.setValue(f"columns.{key}", state)
            settings.setValue(f"columnCount.{key}", str(header.count()))
        for tabs in _own(window, QTabWidget):
            settings.setValue(f"tab.{_part_key(tabs, window)}", str(tabs.currentIndex()))
        settings.endGroup()
        settings.sync()

    def forget(self, name: str) -> None:
        """Drop one window's entry (it opens at its default next time)."""
        settings = self._settings()
        settings.remove(name)
        settings.sync()


def _restore_header(header: QHeaderView, state: QByteArray) -> None:
    """Qt checks the bytes itself and changes nothing when they are not a header's state."""
    if not state.isEmpty():
        header.restoreState(state)


class _SaveOnHide(QObject):
    """Lives as long as the window; saves it each time it hides after having been shown."""

    def __init__(self, memory: WindowMemory, window: QWidget, geometry: bool) -> None:
        super().__init__(window)
        self._memory = memory
        self._window = window
        self._geometry = geometry
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Hide
            and watched is self._window
            and shiboken6.isValid(watched)
        ):
            # RuntimeError: the window is being torn down; nothing worth keeping.
            with contextlib.suppress(RuntimeError):
                self._memory.save(self._window, geometry=self._geometry)
        return False


def remember(window: QWidget, *, geometry: bool = True, path: Path | None = None) -> WindowMemory:
    """One line for a window's ``__init__``: restore it now, save it when it hides."""
    memory = WindowMemory(path)
    memory.remember(window, geometry=geometry)
    return memory
