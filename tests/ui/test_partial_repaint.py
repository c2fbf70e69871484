"""A slide that changes in one place is repainted there only, and looks exactly right."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tcdesk.render.slide import ChoicesBlock
from tcdesk.ui.slide_painter import default_painter, render_slide_image
from tcdesk.ui.slide_view import SlideView
from tests.ui import slide_samples as samples


def _new_monthly(slide):
    blocks = list(slide.blocks)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, ChoicesBlock))
    cards = list(blocks[index].choices)
    cards[1] = replace(cards[1], headline="$99.99 a month", selected=True)
    blocks[index] = replace(blocks[index], choices=tuple(cards))
    return replace(slide, blocks=tuple(blocks))


def _same_pixels(a: QImage, b: QImage) -> bool:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    return a.size() == b.size() and a == b


def test_changed_area_is_the_changed_cards_only(qapp) -> None:
    before = samples.SAMPLES["investment"]()
    after = _new_monthly(before)
    area = default_painter().changed_area(before, after, QRectF(0, 0, 1920, 1080))
    assert area is not None and not area.isEmpty()
    assert area.top() > 400  # the figures and the title above did not change
    assert area.height() < 600
    assert default_painter().changed_area(before, before, QRectF(0, 0, 1920, 1080)).isEmpty()


def test_partial_repaint_matches_a_full_render(qtbot: QtBot) -> None:
    before = samples.SAMPLES["investment"]()
    after = _new_monthly(before)
    view = SlideView()
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.set_slide(before)
    view.show()
    qtbot.waitExposed(view)
    view.repaint()
    view.set_slide(after)
    assert view._pending != view.rect()  # only part of the screen is to be painted
    view.repaint_now()
    assert _same_pixels(view.grab().toImage(), render_slide_image(after, 1280, 720))
