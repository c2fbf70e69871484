"""The staff windows' look: calm, light, readable, the practice's colour as accent."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

STAFF_QSS = """
QWidget { font-size: 11pt; color: #1B1B1B; }
QMainWindow, QDialog { background: #F6F7F8; }
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QComboBox, QDateEdit {
  background: #FFFFFF; border: 1px solid #C9CED3; border-radius: 6px; padding: 6px 8px;
}
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus { border: 2px solid {accent}; }
QLineEdit[invalid="true"], QSpinBox[invalid="true"] { border: 2px solid #C0392B; }
QLabel[role="error"] { color: #B03A2E; font-weight: 600; }
QLabel[role="warning"] { color: #8A5A00; font-weight: 600; }
QLabel[role="heading"] { font-size: 16pt; font-weight: 700; color: {accent}; }
QLabel[role="subheading"] { font-size: 12pt; font-weight: 700; color: #333; }
QLabel[role="muted"] { color: #5E656C; }
QTableView, QListWidget, QTreeWidget {
  background: #FFFFFF; border: 1px solid #D5D9DD; border-radius: 6px;
  selection-background-color: {accent}; selection-color: #FFFFFF; gridline-color: #EEF0F2;
}
QHeaderView::section {
  background: #EEF1F3; border: none; border-bottom: 1px solid #D5D9DD; padding: 6px;
  font-weight: 600;
}
QPushButton {
  background: #FFFFFF; border: 1px solid #B8BFC6; border-radius: 6px; padding: 7px 14px;
}
QPushButton:hover { border-color: {accent}; }
QPushButton:checked { background: #DCEBF1; border: 2px solid {accent}; padding: 6px 13px; }
QPushButton:disabled { background: #F1F3F4; color: #8A9197; border-color: #D5D9DD; }
QPushButton[primary="true"] {
  background: {accent}; color: #FFFFFF; border: none; font-weight: 700; padding: 9px 18px;
}
QPushButton[primary="true"]:disabled { background: #9FB4BD; }
QFrame[card="true"] { background: #FFFFFF; border: 1px solid #D5D9DD; border-radius: 8px; }
QGroupBox {
  background: #FFFFFF; border: 1px solid #D5D9DD; border-radius: 8px; margin-top: 14px;
  padding: 10px 8px 8px 8px; font-weight: 600;
}
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {accent}; }
QTabWidget::pane { border: 1px solid #D5D9DD; border-radius: 6px; background: #FFFFFF; }
QStatusBar { background: #EEF1F3; }
QMenu::item:disabled { color: #8A9197; }
"""

# Where the keyboard is: a ring a coordinator sees from across the desk, on every
# control Tab lands on (the desk and the console are used without a mouse too).
FOCUS_QSS = """
QPushButton:focus { border: 3px solid #0E2A33; background: #EAF4F8; padding: 5px 12px; }
QPushButton:checked:focus { background: #DCEBF1; }
QPushButton[primary="true"]:focus {
  border: 3px solid #0E2A33; background: {accent}; color: #FFFFFF; padding: 6px 15px;
}
QTableView:focus, QListView:focus, QListWidget:focus, QTreeView:focus, QTreeWidget:focus,
QTextBrowser:focus, QTextEdit:focus, QComboBox:focus, QDateEdit:focus, QTimeEdit:focus {
  border: 2px solid {accent};
}
QCheckBox:focus, QRadioButton:focus, QSlider:focus {
  background: #EAF4F8; border: 1px solid {accent}; border-radius: 4px;
}
"""


def staff_stylesheet(accent: str = "#1F6F8B") -> str:
    return (STAFF_QSS + FOCUS_QSS).replace("{accent}", accent)


def apply_staff_style(app: QApplication, accent: str = "#1F6F8B") -> None:
    """The staff look on every window, unless it is already the one shown.

    Setting an application's style sheet polishes every widget again (a
    settings save with many windows open took seconds): only a new colour does.
    """
    sheet = staff_stylesheet(accent)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Set a style property (``role``, ``invalid``) and have the stylesheet read it again."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
