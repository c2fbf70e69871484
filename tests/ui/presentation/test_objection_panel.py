"""An objection that cannot be logged is said in the panel, not as "Something went wrong"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.domain import Objection
from tests.ui.presentation.conftest import TEEN_CONSULT


def test_a_read_only_file_is_said_where_the_objection_was_clicked(
    qtbot: QtBot, controller, demo_desk
) -> None:
    controller.start()
    button = controller.objections.buttons[Objection.MONTHLY_TOO_HIGH]
    demo_desk.db.conn.execute("PRAGMA query_only = ON")
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        demo_desk.db.conn.execute("PRAGMA query_only = OFF")
    text = controller.objections.responses.text()
    assert text.startswith("Not saved: the practice file can't be written.")
    assert "not logged" in text
    assert demo_desk.consults.objections(TEEN_CONSULT) == []
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the file is writable again
    assert "(logged)" in controller.objections.responses.text()
    assert len(demo_desk.consults.objections(TEEN_CONSULT)) == 1
