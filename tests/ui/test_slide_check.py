"""The slide check: every shipped flow reads from across the room, and broken slides fail.

The check lays slides out through the live display's painter and measures
the layout and the pixels (tcdesk.ui.slide_check). Here it runs on every
step of every shipped flow, for every demo consult (insured and not, with
and without findings and options, accents, apostrophes, Chinese, Greek,
Cyrillic and Japanese names, each flow), and for the sample contexts with a
very long name, at 1280x720, 1920x1080 and 3840x2160; then on slides broken
on purpose, one rule at a time.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainterPath

from tcdesk.flows import load_flows
from tcdesk.paths import flows_dir
from tcdesk.render import Renderer
from tcdesk.render.slide import (
    BulletsBlock,
    ChoicesBlock,
    FiguresBlock,
    OptionsBlock,
    PaymentChoiceCard,
    SlideKind,
    Theme,
)
from tcdesk.services.check_families import in_language, sample_families
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.store import engine
from tcdesk.ui.painting.ops import PathOp, RectOp, TextOp
from tcdesk.ui.painting.style import Palette, contrast
from tcdesk.ui.slide_check import SIZES, check_layout, check_slide, expected_texts
from tcdesk.ui.slide_check_run import check_flows
from tcdesk.ui.slide_painter import SlideLayout, SlidePainter
from tests.ui import slide_samples as samples

# Three of the demo's consults checked at every size; all of them at 1920x1080
# (the layout is the same at every size: only the pixels differ).
AT_EVERY_SIZE = {
    "3bf25559-c9cf-559c-9639-5da37ae56471",  # Zoë Martínez-Reyes: insured teen
    "771f2b96-3e9a-573f-bb48-a3445aff9a78",  # Mary-Kate O'Brien: adult aligners
    "43a1ffcf-1ca7-520f-8480-b47bb4c1d0d1",  # Ming 王: Phase I, no insurance
    "47b62a11-9a59-578f-947f-fca3b958bf26",  # no findings or options yet
    "e1b52fc0-2134-58d1-a7ca-e2420c428b75",  # a walk-in
}


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


@pytest.fixture(scope="module")
def kit() -> PresentationKit:
    return PresentationKit.load()


@pytest.fixture(scope="module")
def painter(qapp) -> SlidePainter:
    return SlidePainter()


def _problems(room_slides, painter: SlidePainter, sizes) -> list[str]:
    found = []
    for step, slide in room_slides:
        for problem in check_slide(slide, painter=painter, dense_reason=step.dense, sizes=sizes):
            found.append(f"{step.id}: {problem}")
    return found


def test_every_demo_consult_reads_from_across_the_room(demo_desk, demo_store, kit, painter):
    ids = [r[0] for r in engine.connect(demo_store).execute("SELECT id FROM consults")]
    assert len(ids) >= 40
    assert set(ids) >= AT_EVERY_SIZE
    report = []
    for consult_id in ids:
        room = ConsultRoom(demo_desk, consult_id, kit, resume=False, record=False)
        sizes = SIZES if consult_id in AT_EVERY_SIZE else ((1920, 1080),)
        deck = list(zip(room.session.steps, room.slides, strict=True))
        report += [f"{room.patient_name}: {p}" for p in _problems(deck, painter, sizes)]
    assert report == []


def test_every_shipped_flow_reads_for_the_sample_families_with_a_long_name_too(painter):
    renderer = Renderer.default()
    families = sample_families(renderer.content)
    assert sum("long name" in f.label for f in families) == 4  # each sample, as is and long
    report = check_flows(load_flows(flows_dir()).flows, renderer, families, painter=painter)
    assert [f.line() for f in report.findings] == []
    assert report.families == 8 and report.slides > 0


def test_every_shipped_flow_reads_in_spanish_at_every_size(kit, painter):
    """Spanish runs about 20% longer: nothing may be cut, elided or shrunk below the floors."""
    spanish = kit.language("es")
    families = in_language(sample_families(kit.content), spanish)
    report = check_flows(kit.flows_in("es"), kit.renderer_for("es"), families, painter=painter)
    assert [f.line() for f in report.findings] == []
    assert report.families == 8 and report.slides > 0


def test_the_demo_consults_read_in_spanish_at_every_size(demo_desk, kit, painter):
    report = []
    for consult_id in sorted(AT_EVERY_SIZE):
        room = ConsultRoom(demo_desk, consult_id, kit, resume=False, record=False, language="es")
        assert room.slides[0] is room.deck_in("es")[0]
        deck = list(zip(room.session.steps, room.slides, strict=True))
        report += [f"{room.patient_name}: {p}" for p in _problems(deck, painter, SIZES)]
    assert report == []


# -- broken on purpose: each rule fails -----------------------------------------------------


def _rules(slide, layout=None, painter=None, **kw) -> set[str]:
    painter = painter or SlidePainter()
    layout = layout or painter.layout(slide)
    return {p.rule for p in check_layout(slide, layout, painter, sizes=((1280, 720),), **kw)}


def test_a_box_without_its_value_is_missing() -> None:
    slide = samples.SAMPLES["investment"]()
    painter = SlidePainter()
    layout = painter.layout(slide)
    ops = [op for op in layout.ops if not (isinstance(op, TextOp) and op.text() == "$5,600")]
    assert len(ops) == len(layout.ops) - 1
    problems = check_layout(slide, SlideLayout(layout.background, ops), painter, sizes=())
    assert [str(p) for p in problems] == ["'$5,600' is on the slide but not drawn"]


def test_text_cut_short_fails() -> None:
    assert "cut" in _rules(samples.SAMPLES["long_text"]())


def test_text_drawn_outside_its_box_fails() -> None:
    slide = samples.SAMPLES["next_steps"]()
    painter = SlidePainter()
    layout = painter.layout(slide)
    text = next(op for op in layout.ops if isinstance(op, TextOp))
    moved = replace(text, box=QRectF(text.box.left(), text.box.top(), 20, 20))
    ops = [moved if op is text else op for op in layout.ops]
    assert "outside" in _rules(slide, SlideLayout(layout.background, ops), painter)


def test_a_badge_over_text_fails_but_the_card_behind_it_does_not() -> None:
    slide = samples.SAMPLES["options_chosen"]()
    painter = SlidePainter()
    layout = painter.layout(slide)
    assert "overlap" not in _rules(slide, layout, painter)
    title = next(op for op in layout.ops if isinstance(op, TextOp) and op.text() == "Metal braces")
    badge = RectOp(
        QRectF(title.bounds.right() - 20, title.bounds.top(), 40, 40), QColor("#1F6F8B"), radius=20
    )
    broken = SlideLayout(layout.background, [*layout.ops, badge])
    assert "overlap" in _rules(slide, broken, painter)


def test_dots_on_dots_and_crossing_leaders_fail() -> None:
    slide = samples.SAMPLES["timeline"]()
    painter = SlidePainter()
    layout = painter.layout(slide)
    assert "overlap" not in _rules(slide, layout, painter)
    dots = [
        RectOp(QRectF(100, 1000, 40, 40), QColor("#1F6F8B"), radius=20),
        RectOp(QRectF(120, 1000, 40, 40), QColor("#1F6F8B"), radius=20),
    ]
    assert "overlap" in _rules(slide, SlideLayout(layout.background, [*layout.ops, *dots]), painter)
    a, b = QPainterPath(QPointF(100, 900)), QPainterPath(QPointF(300, 900))
    a.lineTo(QPointF(300, 1000))
    b.lineTo(QPointF(100, 1000))
    leaders = [
        PathOp(a, None, QColor("#888888"), 3, leader=True),
        PathOp(b, None, QColor("#888"), 3, leader=True),
    ]
    broken = SlideLayout(layout.background, [*layout.ops, *leaders])
    assert any(
        "leader lines cross" in str(p) for p in check_layout(slide, broken, painter, sizes=())
    )


def test_small_text_fails() -> None:
    crowded = samples.four_options(lines=3)  # squeezed below the floor as a group
    assert "small" in _rules(crowded)
    assert "small" not in _rules(samples.four_options())


def test_faint_text_fails_against_what_is_behind_it() -> None:
    slide = samples.SAMPLES["concerns"]()
    painter = SlidePainter()
    layout = painter.layout(slide)
    faint = [
        replace(op, color=QColor("#8A8A8A")) if isinstance(op, TextOp) else op for op in layout.ops
    ]
    problems = check_layout(slide, SlideLayout(layout.background, faint), painter, sizes=SIZES)
    assert {p.size for p in problems if p.rule == "contrast"} == set(SIZES)


def test_too_many_words_fail_unless_the_flow_says_why() -> None:
    words = tuple(f"Point {i}: bring your retainer case to every visit" for i in range(6))
    slide = replace(samples.SAMPLES["custom"](), blocks=(BulletsBlock(words),))
    assert "words" in _rules(slide)
    assert "words" not in _rules(slide, dense_reason="a checklist the family takes home")


# -- the family's screen, point by point -------------------------------------------------


@pytest.mark.parametrize(
    "brand", ["#1F6F8B", "#FFE66D", "#808080", "#F2F2F2", "#000000", "#C0392B", "#7FDBFF"]
)
def test_every_text_reaches_7_to_1_for_any_brand_colour(brand: str) -> None:
    theme = Theme(practice_name="Any Practice", brand_color=brand, logo_path=samples.LOGO)
    palette = Palette.from_theme(theme)
    for text in (palette.foreground, palette.muted, palette.brand_text):
        for panel in (palette.background, palette.tint, palette.tint_strong):
            assert contrast(text, panel) >= 7.0
    assert contrast(palette.on_brand, palette.brand_fill) >= 7.0
    for name in ("options_chosen", "payment", "timeline", "next_steps", "problem", "investment"):
        slide = replace(samples.SAMPLES[name](), theme=theme)
        assert "contrast" not in _rules(slide), (brand, name)


def test_options_not_chosen_are_drawn_as_strongly_as_the_chosen_one() -> None:
    slide = samples.SAMPLES["options_chosen"]()
    (block,) = [b for b in slide.blocks if isinstance(b, OptionsBlock)]
    layout = SlidePainter().layout(slide)
    colours = {
        op.text(): op.color.name() for op in layout.ops if isinstance(op, TextOp) and op.text()
    }
    chosen = next(c for c in block.cards if c.chosen)
    other = next(c for c in block.cards if not c.chosen)
    assert colours[chosen.title] == colours[other.title]
    assert colours[chosen.fee] == colours[other.fee]
    assert "Your choice" in colours  # the choice is marked in words, not by fading the rest


def test_the_chosen_badge_covers_no_text() -> None:
    cards = [
        PaymentChoiceCard("standard", "Monthly plan", "$120 a month", ("$600 to start",)),
        PaymentChoiceCard("extended", "Lower monthly", "$90 a month", ("for 36 months",), True),
    ]
    slide = samples.make_slide(SlideKind.PAYMENT, "Ways to pay", ChoicesBlock(tuple(cards)))
    assert "overlap" not in _rules(slide)
    assert "Your choice" in expected_texts(slide)


def test_timeline_names_share_one_size() -> None:
    layout = SlidePainter().layout(samples.SAMPLES["timeline"]())
    names = {"Records", "Start", "Straightening", "Finishing", "Retainers"}
    sizes = {t.pixel_size for t in layout.texts() if t.text in names}
    assert len(sizes) == 1


def test_the_insured_investment_slide_shows_each_figure(demo_desk, kit) -> None:
    room = ConsultRoom(
        demo_desk, "3bf25559-c9cf-559c-9639-5da37ae56471", kit, resume=False, record=False
    )
    slide = next(s for s in room.slides if s.kind is SlideKind.INVESTMENT)
    (figures,) = [b for b in slide.blocks if isinstance(b, FiguresBlock)]
    drawn = " ".join(t.text for t in SlidePainter().layout(slide).texts()).replace("\u2212", "-")
    assert [f.label for f in figures.figures] == [
        "Treatment fee",
        "Insurance estimate",
        "Your portion",
    ]
    for figure in figures.figures:
        assert figure.label in drawn and figure.value in drawn


def test_a_plan_with_a_finance_charge_says_so_with_the_agreements_apr(demo_desk, kit) -> None:
    room = ConsultRoom(
        demo_desk, "3bf25559-c9cf-559c-9639-5da37ae56471", kit, resume=False, record=False
    )
    choices = room.context["investment"]["choices"]
    financed = [c for c in choices if c["months"] and c["finance_charge"] > 0]
    assert financed, "the demo's forgone pay-in-full discount is a finance charge"
    slide = next(s for s in room.slides if s.kind is SlideKind.PAYMENT)
    (block,) = [b for b in slide.blocks if isinstance(b, ChoicesBlock)]
    by_key = {c.key: c for c in block.choices}
    for choice in financed:
        lines = by_key[choice["key"]].lines
        assert f"{Decimal(choice['apr']):.2f}% APR" in lines
        assert any("finance charge" in line for line in lines)
    free = [c for c in choices if c["months"] and c["finance_charge"] == 0]
    for choice in free:
        assert not any("APR" in line for line in by_key[choice["key"]].lines)


def test_steps_with_nothing_to_show_are_left_out_with_their_agenda_line(demo_desk, kit) -> None:
    room = ConsultRoom(
        demo_desk, "47b62a11-9a59-578f-947f-fca3b958bf26", kit, resume=False, record=False
    )
    kinds = [s.kind for s in room.session.steps]
    for empty in ("problem", "options", "timeline", "investment", "payment"):
        assert empty not in kinds
    welcome = room.slides[0]
    (agenda,) = [b for b in welcome.blocks if isinstance(b, BulletsBlock)]
    assert "Your choices" not in agenda.items and "Time and cost" not in agenda.items
    assert agenda.items[-1] == "Your next step"


def test_the_coordinators_own_plan_takes_a_cards_place_and_still_reads(demo_desk, kit) -> None:
    from tests.services.test_consult_room import _plan

    room = ConsultRoom(
        demo_desk, "3bf25559-c9cf-559c-9639-5da37ae56471", kit, resume=False, record=False
    )
    deck = room.render_plan(_plan(room, 400))
    index, slide = next((i, s) for i, s in deck.slides.items() if s.kind is SlideKind.PAYMENT)
    (block,) = [b for b in slide.blocks if isinstance(b, ChoicesBlock)]
    assert len(block.choices) == 4  # four ways to pay at most, side by side
    mine = [c for c in block.choices if c.selected]
    assert len(mine) == 1 and "$400 to start" in mine[0].lines
    assert {c.key for c in block.choices} >= {"pay_in_full", "custom"}
    dense = room.session.steps[index].dense
    assert check_slide(slide, dense_reason=dense, sizes=((1280, 720),)) == []


def test_records_and_start_sit_apart_and_their_leaders_do_not_cross() -> None:
    from tcdesk.ui.painting.ops import PathOp as _Path

    layout = SlidePainter().layout(samples.SAMPLES["timeline"]())  # records and start in month 0
    dots = [
        op.rect
        for op in layout.ops
        if isinstance(op, RectOp)
        and 40 <= op.rect.width() <= 60
        and op.radius * 2 >= op.rect.width() - 1
    ]
    assert len(dots) == 2  # the two milestones: records, retainers
    assert not dots[0].intersects(dots[1])
    # Leader lines: the curves that all run from just under the bar to the columns.
    curves = [
        op.path
        for op in layout.ops
        if isinstance(op, _Path) and op.fill is None and op.path.elementCount() == 4
    ]
    rows: dict[tuple[int, int], list] = {}
    for path in curves:
        key = (round(path.pointAtPercent(0).y()), round(path.pointAtPercent(1).y()))
        rows.setdefault(key, []).append(path)
    leaders = max(rows.values(), key=len)
    starts = [path.pointAtPercent(0).x() for path in leaders]
    ends = [path.pointAtPercent(1).x() for path in leaders]
    assert len(starts) == 5
    assert starts == sorted(starts)  # each phase its own anchor, in order,
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 24  # none under another's dot
    assert ends == sorted(ends)
