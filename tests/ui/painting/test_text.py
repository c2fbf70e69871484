"""Text measuring is remembered per TextMeasure, not per process: dropping one frees it."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from tcdesk.ui.painting import style as S
from tcdesk.ui.slide_painter import SlidePainter, default_painter, release_caches
from tests.ui import slide_samples as samples


def test_a_measure_remembers_until_cleared(qtbot: QtBot) -> None:
    painter = SlidePainter()
    measure = painter.measure
    first = measure.wrap("Straighter teeth, healthier gums", S.BODY, 40, 600.0, 2)

    assert measure.wrap("Straighter teeth, healthier gums", S.BODY, 40, 600.0, 2) is first
    measure.clear()
    again = measure.wrap("Straighter teeth, healthier gums", S.BODY, 40, 600.0, 2)
    assert again is not first
    assert again == first


def test_painters_measure_apart_unless_given_one(qtbot: QtBot) -> None:
    slide = samples.SAMPLES["options"]()
    shared = SlidePainter().measure
    one, two = SlidePainter(measure=shared), SlidePainter(measure=shared)

    assert SlidePainter().measure is not SlidePainter().measure
    assert one.layout(slide).ops == two.layout(slide).ops
    assert shared.wrapped.cache_info().currsize > 0


def test_release_caches_drops_the_threads_painter_and_its_measure(qtbot: QtBot) -> None:
    before = default_painter()
    before.layout(samples.SAMPLES["timeline"]())
    assert before.measure.wrapped.cache_info().currsize > 0

    release_caches()

    assert before.measure.wrapped.cache_info().currsize == 0
    assert default_painter() is not before


def test_a_dropped_measure_is_freed_at_once(qtbot: QtBot) -> None:
    """No reference cycle: its fonts go when the painter goes, not at some later collection."""
    painter = SlidePainter()
    for slide in samples.all_samples().values():
        painter.layout(slide)
    gone = weakref.ref(painter.measure)
    gc.disable()
    try:
        del painter
        assert gone() is None
    finally:
        gc.enable()
