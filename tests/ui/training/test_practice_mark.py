"""The family's screen in a practice consult: a small mark on every slide, through the
one rendering path, beside the content and never over it."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from tcdesk.services.consult_room import ConsultRoom
from tcdesk.services.training.practice_family import make_practice_family
from tcdesk.services.training.practice_mark import practice_kit
from tcdesk.ui.painting.ops import TextOp
from tcdesk.ui.painting.style import MIN_TEXT_PX
from tcdesk.ui.slide_painter import layout_slide
from tests.conftest import FIXED_NOW
from tests.training_seed import JESSICA, staff_id


def _room(training, kit, personas, key: str) -> ConsultRoom:
    family = make_practice_family(training, personas[key], staff_id(training, JESSICA), FIXED_NOW)
    return ConsultRoom(training, family.consult_id, practice_kit(kit), record=False)


def _texts(slide) -> list[TextOp]:
    return [op for op in layout_slide(slide).ops if isinstance(op, TextOp)]


def test_every_slide_carries_the_mark_in_the_familys_language(training, kit, personas) -> None:
    english = _room(training, kit, personas, "maya_teen_cost")
    assert {s.theme.corner_mark for s in [english.welcome, *english.slides]} == {"Practice"}
    spanish = _room(training, kit, personas, "familia_garcia_es")
    assert {s.theme.corner_mark for s in spanish.slides} == {"Práctica"}
    # the room's screen between consults is the practice's, not this practice run's
    assert english.idle_welcome.theme.corner_mark == ""
    unmarked = ConsultRoom(training, english.consult_id, kit, record=False)
    assert {s.theme.corner_mark for s in unmarked.slides} == {""}


def test_the_mark_is_painted_small_readable_and_clear_of_the_content(
    qapp, training, kit, personas
) -> None:
    room = _room(training, kit, personas, "familia_garcia_es")
    for slide in [room.welcome, *room.slides]:
        texts = _texts(slide)
        marks = [op for op in texts if [t for _p, t in op.runs] == ["Práctica"]]
        assert len(marks) == 1, slide.title
        mark = marks[0]
        assert MIN_TEXT_PX <= mark.font.pixelSize() <= MIN_TEXT_PX + 4
        assert mark.bounds.width() < 300 and mark.bounds.top() < 140
        box = QRectF(mark.bounds).adjusted(-20, -8, 20, 8)
        others = [op for op in texts if op is not mark]
        assert not any(box.intersects(op.bounds) for op in others), slide.title


def test_a_title_long_enough_to_reach_the_corner_wraps_before_the_mark(qapp) -> None:
    from tcdesk.render.slide import Slide, SlideKind, TextBlock, Theme

    title = "What Dr. Whitaker found on the photographs and x-rays of your teeth today"
    slide = Slide(
        kind=SlideKind.PROBLEM,
        title=title,
        theme=Theme("Bright Smiles Orthodontics", corner_mark="Practice"),
        blocks=(TextBlock("Here is what we saw."),),
    )
    texts = _texts(slide)
    [mark] = [op for op in texts if [t for _p, t in op.runs] == ["Practice"]]
    heading = [op for op in texts if any("Whitaker" in t for _p, t in op.runs)]
    assert heading and not any(mark.bounds.intersects(op.bounds) for op in heading)
    assert all(op.bounds.right() < mark.bounds.left() for op in heading)
