"""What must be covered: talk ticks when its step has been shown a while, an action
when it is done in tcdesk (plan saved, agreement made, ...); any item by hand too."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from tcdesk.flows.model import ChecklistItem

HINT_ROLE = Qt.ItemDataRole.UserRole + 1  # "ticks when the plan is saved", under the text


class HintDelegate(QStyledItemDelegate):
    """The item's checkbox and text on one line, its hint in small grey under the text.

    One two-line text would centre the checkbox between the lines, beside the hint.
    """

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        hint = index.data(HINT_ROLE)
        if not hint:
            return size
        width = max(option.rect.width(), 200) - self._text_left(option, index) - 6
        lines = QFontMetrics(self._hint_font(option)).boundingRect(
            QRect(0, 0, max(width, 60), 10_000), Qt.TextFlag.TextWordWrap, hint
        )
        return QSize(size.width(), size.height() + lines.height() + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hint = index.data(HINT_ROLE)
        if not hint:
            super().paint(painter, option, index)
            return
        line = QStyleOptionViewItem(option)
        self.initStyleOption(line, index)
        top = QStyleOptionViewItem(option)
        top.rect = QRect(option.rect)
        top.rect.setHeight(super().sizeHint(option, index).height())
        # the selection or hover background over the whole item, then the first line on it
        style = option.widget.style() if option.widget else None
        if style is not None:
            whole = QStyleOptionViewItem(line)
            whole.text = ""
            whole.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, whole, painter, option.widget)
        top.backgroundBrush = Qt.BrushStyle.NoBrush
        super().paint(painter, top, index)
        left = option.rect.left() + self._text_left(option, index)
        area = QRect(left, top.rect.bottom(), option.rect.right() - left - 4, 10_000)
        painter.save()
        painter.setFont(self._hint_font(option))
        painter.setPen(QColor("#5E656C"))
        painter.drawText(area, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, hint)
        painter.restore()

    def _text_left(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> int:
        """Where the item's text starts, after the checkbox: the hint lines up under it."""
        line = QStyleOptionViewItem(option)
        self.initStyleOption(line, index)
        style = option.widget.style() if option.widget else None
        if style is None:
            return 24
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, line, option.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        return text.left() + margin - option.rect.left()

    @staticmethod
    def _hint_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        return font


class ChecklistPanel(QListWidget):
    def __init__(self, on_toggle: Callable[[str, bool], None]) -> None:
        super().__init__()
        self.setObjectName("checklist")
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(HintDelegate(self))
        self._on_toggle = on_toggle
        self._updating = False
        self.itemChanged.connect(self._changed)

    def set_items(self, items: Sequence[ChecklistItem], checked: set[str]) -> None:
        self._updating = True
        self.clear()
        for item in items:
            row = QListWidgetItem(item.label)
            if item.done_by:  # say so: it will not tick by staying on its slide
                row.setData(HINT_ROLE, f"ticks {item.ticks_when}")
                row.setToolTip(f"Ticks {item.ticks_when}; you can also tick it by hand.")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked if item.id in checked else Qt.CheckState.Unchecked
            )
            self.addItem(row)
        self._updating = False

    def update_checked(self, checked: set[str]) -> None:
        self._updating = True
        for index in range(self.count()):
            row = self.item(index)
            want = row.data(Qt.ItemDataRole.UserRole) in checked
            row.setCheckState(Qt.CheckState.Checked if want else Qt.CheckState.Unchecked)
        self._updating = False

    def checked_ids(self) -> set[str]:
        return {
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        }

    def _changed(self, row: QListWidgetItem) -> None:
        if not self._updating:
            self._on_toggle(
                row.data(Qt.ItemDataRole.UserRole), row.checkState() == Qt.CheckState.Checked
            )
