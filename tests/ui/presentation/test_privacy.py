"""Coordinator-only data never reaches the patient display (ARCHITECTURE rule 1)."""

from __future__ import annotations

import dataclasses
import typing

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tcdesk.domain import Objection
from tcdesk.render import slide as slide_module
from tcdesk.ui.presentation.patient_display import PatientDisplay
from tcdesk.ui.slide_view import SlideView

MARKER = "PRIVATE-NOTE-5c1e9"


def test_the_display_accepts_a_slide_and_nothing_else(qtbot: QtBot) -> None:
    view = SlideView()
    qtbot.addWidget(view)
    for not_a_slide in ("a note", {"notes": MARKER}, object()):
        try:
            view.set_slide(not_a_slide)  # type: ignore[arg-type]
        except TypeError:
            continue
        raise AssertionError(f"SlideView accepted {not_a_slide!r}")
    hints = typing.get_type_hints(PatientDisplay.show_slide)
    assert hints["slide"] == slide_module.Slide | None


def test_the_display_holds_no_text_widgets(qtbot: QtBot, controller) -> None:
    display: PatientDisplay = controller.display
    text_widgets = display.findChildren(QLabel) + display.findChildren(QLineEdit)
    text_widgets += display.findChildren(QTextEdit) + display.findChildren(QPlainTextEdit)
    assert text_widgets == []
    assert [w for w in display.findChildren(QWidget)] == [display.view]


def test_a_private_note_never_reaches_the_family(qtbot: QtBot, controller) -> None:
    controller.start()
    controller.notes.editor.setPlainText(f"Dad says budget is tight. {MARKER}")
    controller.notes.flush()
    controller.objections.buttons[Objection.COST].click()
    assert controller.room.note_id is not None  # the note was saved
    talking = controller.room.session.step.talking_points
    seen: list[str] = []
    for number in range(1, controller.room.session.count + 1):
        controller.jump(number)
        slide = controller.display.view.slide()
        assert slide is not None
        seen.extend(slide.texts())
        assert MARKER not in repr(slide)
    everything = "\n".join(seen)
    assert controller.room.slides[0].title in everything  # the check sees real text
    assert MARKER not in everything
    for point in talking:
        assert point not in everything
    for item in controller.room.session.checklist():
        assert item.label not in everything


def test_exported_images_carry_only_slide_text(controller, tmp_path) -> None:
    from tcdesk.ui.slide_export import export_slides

    controller.notes.editor.setPlainText(MARKER)
    controller.notes.flush()
    paths = export_slides(controller.room.slides, tmp_path, 1280, 720)
    assert len(paths) == len(controller.room.slides)
    from PySide6.QtGui import QImage

    for path, slide in zip(paths, controller.room.slides, strict=True):
        image = QImage(str(path))
        assert image.width() == 1280 and image.height() == 720
        description = image.text("Description")
        assert slide.title in description
        assert MARKER not in description


def test_slide_model_has_no_field_for_private_data() -> None:
    forbidden = {
        "note",
        "notes",
        "talking",
        "points",
        "checklist",
        "objection",
        "objections",
        "limit",
        "limits",
        "policy",
        "consult",
        "discount",
    }
    classes = [
        c
        for c in vars(slide_module).values()
        if dataclasses.is_dataclass(c) and isinstance(c, type)
    ]
    assert slide_module.Slide in classes
    for cls in classes:
        for field in dataclasses.fields(cls):
            assert not forbidden & set(field.name.split("_")), (cls, field.name)
