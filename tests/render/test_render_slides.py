"""Each step kind becomes the right blocks, from a hand-built context."""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from tcdesk.flows import Step
from tcdesk.render import (
    Renderer,
    RenderError,
    load_content,
    render_deck,
    render_slide,
    sample_context,
)
from tcdesk.render.slide import (
    BulletsBlock,
    ChoicesBlock,
    FiguresBlock,
    FindingBlock,
    ImageBlock,
    OptionsBlock,
    QuoteBlock,
    SlideKind,
    StepsBlock,
    TextBlock,
    TimelineBlock,
)

CONTENT = load_content()


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    root = tmp_path / "assets"
    for rel in (
        "brand/logo.svg",
        "illustrations/conditions/crowding.svg",
        "illustrations/options/metal_braces.svg",
        "illustrations/phases/records.svg",
        "illustrations/care/braces.svg",
    ):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return root


@pytest.fixture
def renderer(assets: Path) -> Renderer:
    return Renderer(CONTENT, assets)


@pytest.fixture
def context() -> dict:
    ctx = sample_context(CONTENT)
    ctx["practice"]["logo"] = "brand/logo.svg"
    return ctx


def step(kind: str, **fields) -> Step:
    fields.setdefault("title", "A title")
    return Step(id=f"{kind}_step", kind=kind, **fields)


def test_common_fields_and_theme(renderer: Renderer, context: dict, assets: Path) -> None:
    slide = renderer.render_slide(
        step("custom", title="Hi {{ patient.first_name }}", subtitle="Age {{ patient.age }}"),
        context,
    )
    assert slide.kind is SlideKind.CUSTOM
    assert (slide.title, slide.subtitle, slide.patient_name) == (
        "Hi Emma",
        "Age 13",
        "Emma Johnson",
    )
    assert slide.theme.practice_name == "Bright Smiles Orthodontics"
    assert slide.theme.brand_color == "#1F6F8B"
    assert slide.theme.logo_path == str((assets / "brand/logo.svg").resolve())
    assert slide.blocks == ()


def test_welcome_has_logo_text_and_agenda(renderer: Renderer, context: dict) -> None:
    slide = renderer.render_slide(
        step(
            "welcome",
            title="Welcome, {{ patient.first_name }}!",
            text="Glad you're here, {{ patient.first_name }}.",
            bullets=("Your choices",),
        ),
        context,
    )
    assert slide.title == "Welcome, Emma!"
    logo, text, bullets = slide.blocks
    assert isinstance(logo, ImageBlock) and logo.path.endswith("brand/logo.svg")
    assert text == TextBlock("<p>Glad you're here, Emma.</p>")
    assert bullets == BulletsBlock(("Your choices",))
    no_logo = renderer.render_slide(step("welcome", show_logo=False), context)
    assert no_logo.blocks == ()


def test_concerns_quote_and_priorities(renderer: Renderer, context: dict) -> None:
    slide = renderer.render_slide(
        step("concerns", attribution="{{ patient.first_name }}'s family"), context
    )
    quote, priorities = slide.blocks
    assert quote == QuoteBlock(
        "Her front teeth are crooked and she hides her smile in photos.", "Emma's family"
    )
    assert priorities == BulletsBlock(("Looks good for school photos", "Can still play soccer"))
    context["concerns"] = "  "
    context["priorities"] = []
    assert renderer.render_slide(step("concerns"), context).blocks == ()


def test_problem_one_finding_block_each(renderer: Renderer, context: dict, assets: Path) -> None:
    context["photos"] = [{"path": str(assets / "brand/logo.svg"), "caption": "Front"}]
    slide = renderer.render_slide(step("problem", text="Here's what we saw."), context)
    text, crowding, deep_bite, photo = slide.blocks
    assert isinstance(text, TextBlock)
    assert isinstance(crowding, FindingBlock) and isinstance(deep_bite, FindingBlock)
    assert (crowding.title, crowding.severity) == ("Crowding", "Moderate")
    assert crowding.illustration == str(
        (assets / "illustrations/conditions/crowding.svg").resolve()
    )
    expected_what, expected_untreated = CONTENT.conditions["crowding"].describe("moderate")
    assert (crowding.what_it_is, crowding.if_untreated) == (expected_what, expected_untreated)
    assert (deep_bite.title, deep_bite.severity) == ("Deep bite", "Mild")
    assert deep_bite.illustration == ""  # not drawn yet: no broken picture
    assert photo == ImageBlock(str((assets / "brand/logo.svg").resolve()), "Front")
    hidden = renderer.render_slide(step("problem", show_photos=False), context)
    assert not any(isinstance(b, ImageBlock) for b in hidden.blocks)


def test_problem_split_over_slides_shows_each_its_share(renderer: Renderer, context: dict) -> None:
    context["findings"] = context["findings"] * 2  # four cards: two, then two
    context["photos"] = [{"path": "brand/logo.svg", "caption": f"P{n}"} for n in range(3)]
    first = step("problem", text="Here's what we saw.", finding_range=(0, 1), photo_range=(0, 3))
    rest = replace(first, part=2, parts=2, finding_range=(1, 4), photo_range=(3, 3))
    one, two = renderer.render_slide(first, context), renderer.render_slide(rest, context)
    assert [type(b).__name__ for b in one.blocks] == ["TextBlock", "FindingBlock"] + [
        "ImageBlock"
    ] * 3
    assert one.title == "A title" and two.title == "A title (continued)"
    assert [b.title for b in two.blocks] == ["Deep bite", "Crowding", "Deep bite"]  # no text
    whole = renderer.render_slide(step("problem"), context)
    assert sum(isinstance(b, FindingBlock) for b in whole.blocks) == 4  # unsplit: all


def test_problem_fills_texts_from_content_when_missing(renderer: Renderer, context: dict) -> None:
    context["findings"] = [{"code": "crossbite", "severity": "severe"}]
    (block,) = renderer.render_slide(step("problem"), context).blocks
    assert block.title == "Crossbite" and block.severity == "Severe"
    assert block.if_untreated == CONTENT.conditions["crossbite"].describe("severe")[1]


def test_options_cards(renderer: Renderer, context: dict, assets: Path) -> None:
    context["options"][2]["chosen"] = True
    slide = renderer.render_slide(
        step("options", recommended_label="{{ doctor.short_name }} recommends"), context
    )
    (block,) = slide.blocks
    assert isinstance(block, OptionsBlock)
    assert block.recommended_label == "Dr. Patel recommends"
    metal, clear, aligners = block.cards
    assert metal.title == "Metal braces" and metal.recommended and not metal.chosen
    assert metal.icon == str((assets / "illustrations/options/metal_braces.svg").resolve())
    assert metal.lines == ("Small brackets on each tooth", "Pick your band colors")
    assert (metal.months, metal.visits) == ("About 24 months", "A visit every 6 weeks")
    assert (metal.fee, metal.monthly) == ("$5,800", "from $179.17 a month")
    assert clear.icon == "" and not clear.recommended
    assert aligners.chosen and aligners.visits == "A visit every 8 weeks"
    default = renderer.render_slide(step("options"), context).blocks[0]
    assert default.recommended_label == "Doctor's recommendation"


def test_option_without_fee_or_time(renderer: Renderer, context: dict) -> None:
    context["options"] = [
        {
            "title": "Watch and wait",
            "type": "observation",
            "months": 0,
            "visit_weeks": 0,
            "fee": Decimal("0"),
            "monthly_from": None,
            "lines": ["Check-ups every 6 months"],
        },
    ]
    (card,) = renderer.render_slide(step("options"), context).blocks[0].cards
    assert (card.fee, card.monthly, card.months, card.visits) == ("No charge", "", "", "")
    context["options"] = []
    assert renderer.render_slide(step("options"), context).blocks == ()


def test_timeline_phases(renderer: Renderer, context: dict, assets: Path) -> None:
    (block,) = renderer.render_slide(step("timeline"), context).blocks
    assert isinstance(block, TimelineBlock)
    assert block.total_months == 24 and block.start_label == "Dec 2026"
    assert [(p.name, p.start_month, p.end_month, p.date_label) for p in block.phases] == [
        ("Records", 0, 0, "Dec 2026"),
        ("Start", 0, 1, "Dec 2026"),
        ("Straightening", 1, 20, "Jan 2027"),
        ("Finishing", 20, 24, "Aug 2028"),
        ("Retainers", 24, 24, "Dec 2028"),
    ]
    assert block.phases[2].detail == "A visit every 6 weeks"
    assert block.phases[0].icon == str((assets / "illustrations/phases/records.svg").resolve())
    assert block.phases[1].icon == ""
    context["timeline"] = {"months": 0, "phases": []}
    assert renderer.render_slide(step("timeline"), context).blocks == ()


def test_investment_insured(renderer: Renderer, context: dict) -> None:
    (figures,) = renderer.render_slide(step("investment"), context).blocks
    (choices,) = renderer.render_slide(step("payment"), context).blocks
    assert isinstance(figures, FiguresBlock) and isinstance(choices, ChoicesBlock)
    assert [(f.label, f.value, f.caption, f.emphasis) for f in figures.figures] == [
        ("Treatment fee", "$5,800", "", False),
        ("Insurance estimate", "-$1,500", "", False),  # said once, in the footnote
        ("Your portion", "$4,300", "", True),
    ]
    assert "estimate, not a guarantee" in figures.footnote
    pif, standard, low = choices.choices
    assert (pif.key, pif.label, pif.headline, pif.lines) == (
        "pay_in_full",
        "Pay in full",
        "$4,085 once",
        ("You save $215",),
    )
    assert (standard.headline, standard.lines, standard.selected) == (
        "$143.33 a month",
        ("$860 to start", "for 24 months", "$4,300 in all"),
        True,
    )
    assert low.lines[0] == "$250 to start" and not low.selected


def test_investment_uninsured_with_discount_and_footnote(renderer: Renderer, context: dict) -> None:
    context["insured"] = False
    context["investment"] = dict(
        context["investment"],
        discount=Decimal("290.00"),
        insurance_estimate=Decimal("0"),
        patient_portion=Decimal("5510"),
        choices=[],
    )
    (figures,) = renderer.render_slide(step("investment"), context).blocks
    assert [f.label for f in figures.figures] == ["Treatment fee", "Savings", "Your portion"]
    assert figures.figures[1].value == "-$290"
    assert figures.footnote == ""
    custom = renderer.render_slide(
        step("investment", footnote="Questions? Call {{ practice.phone }}."), context
    ).blocks[0]
    assert custom.footnote == "Questions? Call (555) 201-3300."


def test_investment_without_an_option(renderer: Renderer, context: dict) -> None:
    context["investment"] = {"fee": None, "choices": []}
    assert renderer.render_slide(step("investment"), context).blocks == ()


def test_next_steps_from_the_step_or_the_wording(renderer: Renderer, context: dict) -> None:
    slide = renderer.render_slide(
        step(
            "next_steps", choices=("Start today", "Think it over with {{ coordinator.short_name }}")
        ),
        context,
    )
    assert slide.blocks == (StepsBlock(("Start today", "Think it over with Sarah")),)
    (default,) = renderer.render_slide(step("next_steps"), context).blocks
    assert default.steps[0] == "Start today"
    assert "Sarah Miller will check in" in default.steps[2]


def test_custom_text_bullets_image(renderer: Renderer, context: dict, assets: Path) -> None:
    slide = renderer.render_slide(
        step(
            "custom",
            text="First line\nstill first.\n\nSecond <b>bold</b>.\n\n<ul><li>As is</li></ul>",
            bullets=("Brush", "", "Floss {{ patient.first_name }}"),
            image="illustrations/care/braces.svg",
            image_caption="Care for {{ patient.first_name }}",
        ),
        context,
    )
    text, bullets, image = slide.blocks
    assert (
        text.html
        == "<p>First line still first.</p><p>Second <b>bold</b>.</p><ul><li>As is</li></ul>"
    )
    assert bullets.items == ("Brush", "Floss Emma")
    assert image == ImageBlock(
        str((assets / "illustrations/care/braces.svg").resolve()), "Care for Emma"
    )
    missing = renderer.render_slide(step("custom", image="illustrations/care/none.svg"), context)
    assert missing.blocks == ()


def test_values_are_escaped_in_html_but_not_in_plain_text(
    renderer: Renderer, context: dict
) -> None:
    context["patient"]["first_name"] = "Zoë <b>O'Neil</b> & co"
    slide = renderer.render_slide(
        step("custom", title="Hi {{ patient.first_name }}", text="Hi {{ patient.first_name }}"),
        context,
    )
    assert slide.title == "Hi Zoë <b>O'Neil</b> & co"
    assert slide.blocks[0].html == "<p>Hi Zoë &lt;b&gt;O&#39;Neil&lt;/b&gt; &amp; co</p>"


def test_money_and_date_filters(renderer: Renderer, context: dict) -> None:
    slide = renderer.render_slide(
        step(
            "custom",
            title="{{ investment.fee | money }} / {{ 16658 | money }}",
            subtitle="{{ timeline.end | month_year }}, {{ today | long_date }}",
            bullets=("{{ priorities | join_and }}",),
        ),
        context,
    )
    assert slide.title == "$5,800 / $166.58"
    assert slide.subtitle == "Dec 2028, November 27, 2026"
    assert slide.blocks[0].items == ("Looks good for school photos and Can still play soccer",)


def test_a_missing_variable_is_a_clear_error(renderer: Renderer, context: dict) -> None:
    with pytest.raises(RenderError) as info:
        renderer.render_slide(step("custom", text="{{ patient.frist_name }}"), context)
    assert (info.value.step_id, info.value.key) == ("custom_step", "text")
    assert "frist_name" in str(info.value)
    context["featured"] = None
    with pytest.raises(RenderError, match="title"):
        renderer.render_slide(step("custom", title="{{ featured.title }}"), context)


def test_money_never_accepts_float(renderer: Renderer, context: dict) -> None:
    context["investment"]["fee"] = 5800.0
    with pytest.raises(RenderError, match="Decimal dollars or int cents"):
        renderer.render_slide(step("custom", title="{{ investment.fee | money }}"), context)


def test_templates_cannot_reach_python_internals(renderer: Renderer, context: dict) -> None:
    with pytest.raises(RenderError):
        renderer.render_slide(
            step("custom", title="{{ patient.__class__.__mro__[1].__subclasses__() }}"), context
        )
    with pytest.raises(RenderError):
        renderer.render_slide(step("custom", title="{{ priorities.append('x') }}"), context)


def test_practice_welcome_shows_no_patient(renderer: Renderer, context: dict) -> None:
    slide = renderer.practice_welcome(context)
    assert slide.kind is SlideKind.WELCOME
    assert slide.title == "Bright Smiles Orthodontics" and slide.patient_name == ""
    assert slide.subtitle == CONTENT.wording["welcome_screen.subtitle"]
    assert "Emma" not in " ".join(slide.texts())
    assert isinstance(slide.blocks[0], ImageBlock)


def test_deck_and_module_functions(renderer: Renderer, context: dict, monkeypatch) -> None:
    steps = [step("welcome"), step("timeline"), step("next_steps")]
    deck = render_deck(steps, context, renderer=renderer)
    assert [s.kind for s in deck] == [SlideKind.WELCOME, SlideKind.TIMELINE, SlideKind.NEXT_STEPS]
    assert render_slide(steps[1], context, renderer=renderer) == deck[1]
    # Without a renderer: the shipped content and the bundled assets.
    assert render_slide(steps[1], context).title == "A title"


def test_rendering_does_not_change_the_context(renderer: Renderer, context: dict) -> None:
    before = copy.deepcopy(context)
    for kind in (
        "welcome",
        "concerns",
        "problem",
        "options",
        "timeline",
        "investment",
        "next_steps",
        "custom",
    ):
        renderer.render_slide(step(kind), context)
    assert context == before


def test_bad_brand_color_falls_back(renderer: Renderer, context: dict) -> None:
    context["practice"]["brand_color"] = "red; background: url(x)"
    assert renderer.render_slide(step("custom"), context).theme.brand_color == "#1F6F8B"


def test_step_protocol_accepts_any_object_with_the_fields(
    renderer: Renderer, context: dict
) -> None:
    plain = replace(step("custom", title="Plain"), talking_points=("x",))
    assert renderer.render_slide(plain, context).title == "Plain"


def test_watch_and_wait_checkups_read_in_months(renderer: Renderer, context: dict) -> None:
    context["options"][0]["visit_weeks"] = 26
    context["options"][1]["visit_weeks"] = 6
    (block,) = renderer.render_slide(step("options"), context).blocks
    assert block.cards[0].visits == "A check-up every 6 months"
    assert block.cards[1].visits == "A visit every 6 weeks"
