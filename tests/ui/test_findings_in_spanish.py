"""The findings slide in Spanish looks like the English one: the same pill colours
(keyed by the severity, not its words) and drawings of the same size."""

from __future__ import annotations

import pytest

from tcdesk.render.slide import FindingBlock, SlideKind
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.ui.painting.ops import RectOp
from tcdesk.ui.painting.style import SEVERITY_COLOURS
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


@pytest.mark.parametrize("consult", [JOSE_LUIS, DIEGO])
def test_spanish_pills_have_the_english_colours(demo_desk, kit, consult) -> None:
    room = ConsultRoom(demo_desk, consult, kit, record=False, language="es")
    spanish, english = _problem(room.slides), _problem(room.deck_in("en"))
    levels = [b.level for b in spanish.blocks if isinstance(b, FindingBlock)]
    assert levels and all(level in SEVERITY_COLOURS for level in levels)
    expected = [SEVERITY_COLOURS[level][0].lower() for level in levels]
    assert _pill_fills(english) == expected
    assert _pill_fills(spanish) == expected
