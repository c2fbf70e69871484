"""The signature pad turns strokes into a cropped PNG with a transparent background."""

from __future__ import annotations

from PySide6.QtGui import QImage

from tcdesk.ui.documents.signature_pad import SignaturePad, smooth_path
from tests.ui.documents.drawing import draw_stroke, sign


def _pad(qtbot) -> SignaturePad:
    pad = SignaturePad()
    pad.resize(480, 160)
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_a_new_pad_is_empty(qtbot) -> None:
    pad = _pad(qtbot)
    assert pad.is_empty()
    assert pad.to_png() == b""
    assert not pad.clear_button.isEnabled()


def test_drawing_with_the_mouse_makes_a_cropped_png(qtbot) -> None:
    pad = _pad(qtbot)
    with qtbot.waitSignals([pad.changed, pad.changed]):
        sign(pad)
    assert not pad.is_empty()
    assert pad.stroke_count() == 2
    png = pad.to_png()
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert not image.isNull()
    bounds = pad.path().boundingRect()
    # cropped to the ink (plus a margin), at twice the on-screen resolution
    assert image.width() < 2 * pad.width() and image.height() < 2 * pad.height()
    assert image.width() >= 2 * bounds.width()
    corner = image.pixelColor(0, 0)
    assert corner.alpha() == 0  # transparent around the ink
    inked = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).alpha() > 128
    )
    assert inked > 20


def test_clear_starts_again(qtbot) -> None:
    pad = _pad(qtbot)
    draw_stroke(pad, [(0.2, 0.5), (0.8, 0.5)])
    assert pad.clear_button.isEnabled()
    with qtbot.waitSignal(pad.changed):
        pad.clear_button.click()
    assert pad.is_empty() and pad.to_png() == b""


def test_a_tap_leaves_a_dot(qtbot) -> None:
    pad = _pad(qtbot)
    draw_stroke(pad, [(0.5, 0.5)])
    assert not pad.is_empty()
    dot = QImage.fromData(pad.to_png())
    assert dot.pixelColor(dot.width() // 2, dot.height() // 2).alpha() > 200  # ink at the tap
    assert dot.pixelColor(0, 0).alpha() == 0  # a dot, not a filled square


def test_strokes_are_smoothed_into_curves() -> None:
    from PySide6.QtCore import QPointF

    points = [QPointF(0, 0), QPointF(10, 10), QPointF(20, 0), QPointF(30, 10)]
    path = smooth_path(points)
    assert path.elementCount() > len(points)  # quadratic segments, not a polyline
    assert path.currentPosition() == points[-1]


def test_a_finger_draws_too(qtbot) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    pad = _pad(qtbot)
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(40, 90)).commit()
    for x in range(60, 300, 20):
        QTest.touchEvent(pad, device).move(0, QPoint(x, 90 - (x % 40))).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(320, 80)).commit()
    qtbot.waitUntil(lambda: pad.stroke_count() == 1)
    assert QImage.fromData(pad.to_png()).width() > 100
