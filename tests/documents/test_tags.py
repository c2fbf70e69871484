"""Option tags as separate pills: side by side when they fit, one under the other when not."""

from __future__ import annotations

from reportlab.lib import colors

from tcdesk.documents.fonts import sans
from tcdesk.documents.tags import GAP, HEIGHT, Tag, Tags
from tests.documents.helpers import flat, flowables_pdf, text

TAGS = (Tag("Your choice", filled=True), Tag("Doctor's recommendation", filled=False))


def test_two_tags_fit_on_one_row_with_a_gap() -> None:
    sans()
    tags = Tags(TAGS, colors.HexColor("#1F6F8B"))
    width, height = tags.wrap(400, 100)
    assert height == HEIGHT
    assert width == tags.pill_width(tags.tags[0]) + GAP + tags.pill_width(tags.tags[1])


def test_a_narrow_cell_puts_the_second_tag_on_its_own_row() -> None:
    sans()
    tags = Tags(TAGS, colors.HexColor("#1F6F8B"))
    narrow = tags.pill_width(tags.tags[1]) + 10
    width, height = tags.wrap(narrow, 100)
    assert height == 2 * HEIGHT + GAP and width <= narrow
    body = flat(text(flowables_pdf([tags])))
    assert "YOUR CHOICE" in body and "DOCTOR'S RECOMMENDATION" in body
