"""Columns of time slots with each consult drawn in its slot, height by length.

The usual frame is 7 AM to 7 PM; a consult booked earlier or later widens it
to the hour around it, so every consult of the day or week is drawn in full
and can be selected (a 10:30 PM walk-in is not squeezed onto the 7 PM line).

One column is the day view, seven the week view. Consults that overlap in a
column share its width side by side, so a double booking is visible at a
glance. Keyboard: Up/Down (or Tab) walk the consults in time order, Enter
opens the selected one, the context-menu key offers its actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from tcdesk.domain import ConsultStatus
from tcdesk.formatting import clock_time, day_header, hour_label, time_span
from tcdesk.services.schedule_days import ScheduleEntry

FIRST_HOUR = 7  # the usual frame: 7 AM
LAST_HOUR = 19  # to 7 PM
GUTTER = 56  # the hour labels
HEADER = 34  # the day names above each column

STATUS_FILL = {
    ConsultStatus.SCHEDULED: "#DCEBF1",
    ConsultStatus.CANCELLED: "#F1F1F1",
    ConsultStatus.NO_SHOW: "#F6E3E1",
}
HELD_FILL = "#E3F1E4"
ARRIVED_FILL = "#FFF1C9"
PRESENTING_FILL = "#E7E0F6"


@dataclass(frozen=True)
class Placed:
    entry: ScheduleEntry
    rect: QRectF


class ScheduleGrid(QWidget):
    open_requested = Signal(str)  # consult id: move it (the booking dialog)
    action_requested = Signal(str, str)  # (action: cancel|no_show|check_in, consult id)
    selection_changed = Signal(object)  # the selected ScheduleEntry or None

    def __init__(self, accent: str = "#1F6F8B", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleGrid")
        self.setAccessibleName("Schedule")
        self.setAccessibleDescription(
            "The consults by day and hour: the arrow keys choose one, Enter moves it"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.accent = QColor(accent)
        self.hour_height = 76
        self.days: list[date] = []
        self.columns: list[tuple[ScheduleEntry, ...]] = []
        self.placed: list[Placed] = []
        self.selected_id: str | None = None
        self.today: date | None = None
        self.first_hour = FIRST_HOUR
        self.last_hour = LAST_HOUR

    # -- data --------------------------------------------------------------------------

    def set_days(
        self, days: list[tuple[date, tuple[ScheduleEntry, ...]]], today: date | None = None
    ) -> None:
        self.days = [d for d, _ in days]
        self.columns = [entries for _, entries in days]
        self.today = today
        ids = {e.consult_id for entries in self.columns for e in entries}
        if self.selected_id not in ids:
            self.selected_id = None
        self.first_hour, self.last_hour = hours_shown(self.columns)
        self.setFixedHeight(self._height())
        self._layout()
        self.update()
        self.selection_changed.emit(self.selected())

    def entries(self) -> list[ScheduleEntry]:
        """Every consult shown, in time order (the keyboard's walking order)."""
        return sorted(
            (p.entry for p in self.placed), key=lambda e: (e.start, e.patient, e.consult_id)
        )

    def selected(self) -> ScheduleEntry | None:
        return next((p.entry for p in self.placed if p.entry.consult_id == self.selected_id), None)

    def select(self, consult_id: str | None) -> None:
        self.selected_id = consult_id
        self.update()
        self.selection_changed.emit(self.selected())

    def rect_of(self, consult_id: str) -> QRectF | None:
        return next((p.rect for p in self.placed if p.entry.consult_id == consult_id), None)

    # -- geometry ----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(900, self._height())

    def _height(self) -> int:
        return HEADER + (self.last_hour - self.first_hour) * self.hour_height + 8

    def _column_width(self) -> float:
        return (self.width() - GUTTER - 8) / max(1, len(self.days))

    def y_of(self, moment: time | float) -> float:
        """Where a time of day (or a number of hours after midnight, up to 24) is drawn."""
        at = moment if isinstance(moment, float | int) else moment.hour + moment.minute / 60
        hours = min(max(at - self.first_hour, 0), self.last_hour - self.first_hour)
        return HEADER + hours * self.hour_height

    def _layout(self) -> None:
        """Place each consult; only consults that overlap share their column, in lanes."""
        self.placed = []
        width = self._column_width()
        for index, entries in enumerate(self.columns):
            left = GUTTER + index * width
            for cluster in _clusters(entries):
                lanes: list[datetime] = []  # each lane's last end
                assigned: list[tuple[ScheduleEntry, int]] = []
                for entry in cluster:
                    lane = next((i for i, end in enumerate(lanes) if end <= entry.start), None)
                    if lane is None:
                        lanes.append(entry.end)
                        lane = len(lanes) - 1
                    else:
                        lanes[lane] = entry.end
                    assigned.append((entry, lane))
                lane_width = (width - 6) / len(lanes)
                for entry, lane in assigned:
                    top = self.y_of(entry.start.time())
                    bottom = max(self.y_of(entry.end.time()), top + 20)
                    if entry.end.date() > entry.start.date():
                        bottom = self.y_of(float(self.last_hour))
                    x = left + 3 + lane * lane_width
                    rect = QRectF(x, top + 1, lane_width - 3, bottom - top - 2)
                    self.placed.append(Placed(entry, rect))

    def resizeEvent(self, event) -> None:
        self._layout()
        super().resizeEvent(event)

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        self._paint_hours(painter)
        self._paint_headers(painter)
        for placed in self.placed:
            self._paint_consult(painter, placed)
        painter.end()

    def _paint_hours(self, painter: QPainter) -> None:
        width = self.width()
        small = QFont(self.font())
        small.setPointSizeF(9.5)
        painter.setFont(small)
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self.y_of(float(hour))
            painter.setPen(QPen(QColor("#D9DDE1"), 1))
            painter.drawLine(GUTTER, int(y), width - 8, int(y))
            if hour < self.last_hour:
                painter.setPen(QPen(QColor("#EEF0F2"), 1, Qt.PenStyle.DotLine))
                half = int(y + self.hour_height / 2)
                painter.drawLine(GUTTER, half, width - 8, half)
            painter.setPen(QColor("#5E656C"))
            painter.drawText(
                QRectF(0, y - 9, GUTTER - 8, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                hour_label(hour),
            )
        column = self._column_width()
        painter.setPen(QPen(QColor("#D9DDE1"), 1))
        for index in range(len(self.days) + 1):
            x = int(GUTTER + index * column)
            painter.drawLine(x, HEADER, x, int(self.y_of(float(self.last_hour))))

    def _paint_headers(self, painter: QPainter) -> None:
        column = self._column_width()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for index, day in enumerate(self.days):
            rect = QRectF(GUTTER + index * column, 0, column, HEADER - 4)
            if day == self.today:
                painter.fillRect(rect.adjusted(2, 2, -2, 0), QColor("#E8F2F6"))
            painter.setPen(self.accent if day == self.today else QColor("#333333"))
            count = sum(1 for e in self.columns[index] if e.live)
            label = day_header(day) + (f"  ({count})" if count else "")
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_consult(self, painter: QPainter, placed: Placed) -> None:
        entry, rect = placed.entry, placed.rect
        fill = STATUS_FILL.get(entry.status, HELD_FILL)
        if entry.status is ConsultStatus.SCHEDULED and entry.arrived_at is not None:
            fill = ARRIVED_FILL
        if entry.presenting:
            fill = PRESENTING_FILL
        selected = entry.consult_id == self.selected_id
        painter.setPen(QPen(self.accent if selected else QColor("#9FB4BD"), 3 if selected else 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 5, 5)
        painter.fillRect(QRectF(rect.left() + 1, rect.top() + 1, 4, rect.height() - 2), self.accent)
        text = rect.adjusted(9, 3, -4, -2)
        name_font = QFont(self.font())
        name_font.setBold(True)
        name_font.setPointSizeF(10)
        name_font.setStrikeOut(not entry.live)
        painter.setFont(name_font)
        painter.setPen(QColor("#8A9197") if not entry.live else QColor("#1B1B1B"))
        line = painter.fontMetrics().height()
        short = text.height() < line * 1.8
        name = (
            f"{clock_time(entry.start)}  {entry.patient} · {entry.coordinator}"
            if short
            else entry.patient
        )
        painter.drawText(
            text,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            _elide(painter, name, text.width()),
        )
        if short:
            return
        detail_font = QFont(self.font())
        detail_font.setPointSizeF(9)
        painter.setFont(detail_font)
        painter.setPen(QColor("#454B51"))
        when = f"{time_span(entry.start, entry.end)} · {entry.coordinator}"
        lines = [when]
        status = _status_words(entry)
        if status:
            lines.append(status)
        y = text.top() + line
        small = painter.fontMetrics().height()
        for words in lines:
            if y + small > text.bottom() + 2:
                break
            painter.drawText(
                QRectF(text.left(), y, text.width(), small),
                Qt.AlignmentFlag.AlignLeft,
                _elide(painter, words, text.width()),
            )
            y += small

    # -- input -------------------------------------------------------------------------

    def entry_at(self, point: QPoint) -> ScheduleEntry | None:
        for placed in self.placed:
            if placed.rect.contains(point.toPointF()):
                return placed.entry
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        self.select(entry.consult_id if entry else None)
        self.setFocus()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        if entry is not None:
            self.select(entry.consult_id)
            self.open_requested.emit(entry.consult_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Left):
            self._step(1 if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id:
            self.open_requested.emit(self.selected_id)
        elif key == Qt.Key.Key_Menu and self.selected_id:
            rect = self.rect_of(self.selected_id)
            self._menu(rect.center().toPoint() if rect else QPoint(0, 0))
        else:
            super().keyPressEvent(event)

    def _step(self, direction: int) -> None:
        order = [e.consult_id for e in self.entries()]
        if not order:
            return
        if self.selected_id not in order:
            self.select(order[0 if direction > 0 else -1])
            return
        index = order.index(self.selected_id) + direction
        self.select(order[max(0, min(index, len(order) - 1))])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        entry = self.entry_at(event.pos())
        if entry is not None:
            self.select(entry.consult_id)
            self._menu(event.pos())

    def _menu(self, at: QPoint) -> None:
        entry = self.selected()
        if entry is None:
            return
        menu = QMenu(self)
        for action, label in (
            ("move", "&Move…"),
            ("check_in", "Check &in"),
            ("no_show", "&No-show"),
            ("cancel", "&Cancel consult…"),
        ):
            item = menu.addAction(label)
            item.setEnabled(entry.movable)
            item.setData(action)
        chosen = menu.exec(self.mapToGlobal(at))
        if chosen is None:
            return
        if chosen.data() == "move":
            self.open_requested.emit(entry.consult_id)
        else:
            self.action_requested.emit(chosen.data(), entry.consult_id)


def hours_shown(columns: list[tuple[ScheduleEntry, ...]]) -> tuple[int, int]:
    """The hours to draw: 7 AM to 7 PM, widened to the hour before the earliest
    consult and the hour after the latest (midnight for one running past it)."""
    first, last = FIRST_HOUR, LAST_HOUR
    for entries in columns:
        for entry in entries:
            first = min(first, entry.start.hour)
            if entry.end.date() > entry.start.date():
                last = 24
            else:
                end = entry.end.hour + (1 if entry.end.minute else 0)
                last = max(last, end)
    return first, min(last, 24)


def _clusters(entries: tuple[ScheduleEntry, ...]) -> list[list[ScheduleEntry]]:
    """Runs of consults that overlap one another (live ones first in each run)."""
    ordered = sorted(entries, key=lambda e: (e.start, not e.live, e.consult_id))
    clusters: list[list[ScheduleEntry]] = []
    end: datetime | None = None
    for entry in ordered:
        if end is None or entry.start >= end:
            clusters.append([])
            end = entry.end
        clusters[-1].append(entry)
        end = max(end, entry.end)
    return clusters


def _status_words(entry: ScheduleEntry) -> str:
    if entry.presenting:
        return "Presenting now"
    if entry.status is ConsultStatus.SCHEDULED:
        return f"Here since {clock_time(entry.arrived_at)}" if entry.arrived_at else ""
    return entry.status_label


def _elide(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))
