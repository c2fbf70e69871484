"""The findings slide in Spanish looks like the English one: the same pill colours
(keyed by the severity, not its words) and drawings of the same size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from tcdesk.render.slide import FindingBlock, SlideKind
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.blocks import LEFT
from tcdesk.ui.painting.elements import Text
from tcdesk.ui.painting.findings import FindingsLayout
from tcdesk.ui.painting.ops import ImageOp, RectOp
from tcdesk.ui.painting.style import SAFE, SEVERITY_COLOURS
from tcdesk.ui.painting.text import TextMeasure
from tcdesk.ui.slide_painter import layout_slide

JOSE_LUIS = "c43928c2-3306-5520-a2fe-9532c46c9ae6"  # crowding severe, crossbite moderate
DIEGO = "95f46ece-f1f2-5fea-9bc3-1cf5de7d35ef"


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


@pytest.fixture(scope="module")
def kit() -> PresentationKit:
    return PresentationKit.load()


def _problem(slides):
    return next(s for s in slides if s.kind is SlideKind.PROBLEM)


def _pill_fills(slide) -> list[str]:
    fills = {fill.lower() for fill, _ in SEVERITY_COLOURS.values()}
    return [
        op.fill.name()
        for op in layout_slide(slide).ops
        if isinstance(op, RectOp) and op.fill is not None and op.fill.name() in fills
    ]


def _drawings(slide) -> list[float]:
    return [
        op.rect.width() * op.rect.height()
        for op in layout_slide(slide).ops
        if isinstance(op, ImageOp) and "illustrations/conditions" in op.path
    ]


@pytest.mark.parametrize("consult", [JOSE_LUIS, DIEGO])
def test_spanish_pills_have_the_english_colours(demo_desk, kit, consult) -> None:
    room = ConsultRoom(demo_desk, consult, kit, record=False, language="es")
    spanish, english = _problem(room.slides), _problem(room.deck_in("en"))
    levels = [b.level for b in spanish.blocks if isinstance(b, FindingBlock)]
    assert levels and all(level in SEVERITY_COLOURS for level in levels)
    expected = [SEVERITY_COLOURS[level][0].lower() for level in levels]
    assert _pill_fills(english) == expected
    assert _pill_fills(spanish) == expected


@pytest.mark.parametrize("consult", [JOSE_LUIS, DIEGO])
def test_spanish_drawings_are_as_big_as_english(demo_desk, kit, consult) -> None:
    room = ConsultRoom(demo_desk, consult, kit, record=False, language="es")
    spanish, english = _problem(room.slides), _problem(room.deck_in("en"))
    mine, theirs = _drawings(spanish), _drawings(english)
    assert mine and len(mine) == len(theirs)
    for es_area, en_area in zip(mine, theirs, strict=True):
        assert es_area >= 0.95 * en_area, (es_area, en_area)


def test_every_spanish_finding_text_takes_no_more_lines_than_english(kit) -> None:
    """The text at the floor size is what squeezes the drawing: a longer Spanish
    sentence makes every drawing on the slide smaller."""
    english, spanish = kit.language("en").content, kit.language("es").content
    measure = TextMeasure()
    safe = SAFE.width()
    widths = [(safe - (n - 1) * FindingsLayout.GAP) / n for n in (2, 3)]
    longer = []
    for code in english.conditions:
        for level in SEVERITY_COLOURS:
            en, es = english.describe_finding(code, level), spanish.describe_finding(code, level)
            for key in ("what_it_is", "if_untreated"):
                for width in widths:
                    lines = [
                        Text(measure, t[key], S.FINDING_TEXT, QColor("black"), LEFT).lines(
                            0.0, width, None
                        )
                        for t in (en, es)
                    ]
                    if lines[1] > lines[0]:
                        longer.append(f"{code}.{level}.{key} at {width:.0f}: {lines}")
    assert not longer, longer
