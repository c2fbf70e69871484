"""Hand-built sample slides for a teen patient, Maya: tests, benchmarks, screenshots.

They mirror what ``tcdesk.render`` produces (wording from the shipped content,
asset paths absolute or empty), plus a few stress cases (long text, missing
images, four cards) that a real consult can produce.
"""

from __future__ import annotations

from dataclasses import replace

from tcdesk.paths import assets_dir
from tcdesk.render.slide import (
    BulletsBlock,
    ChoicesBlock,
    Figure,
    FiguresBlock,
    FindingBlock,
    ImageBlock,
    OptionCard,
    OptionsBlock,
    PaymentChoiceCard,
    Phase,
    QuoteBlock,
    Slide,
    SlideKind,
    StepsBlock,
    TextBlock,
    Theme,
    TimelineBlock,
)

ASSETS = assets_dir()
LOGO = str(ASSETS / "brand" / "demo_logo.svg")
MISSING = str(ASSETS / "does-not-exist" / "nothing.svg")


def illustration(code: str) -> str:
    return str(ASSETS / "illustrations" / "conditions" / f"{code}.svg")


THEME = Theme(practice_name="Bright Smiles Orthodontics", brand_color="#1F6F8B", logo_path=LOGO)
NAME = "Maya Thompson"

CROWDING = FindingBlock(
    title="Crowding",
    severity="Moderate",
    illustration=illustration("crowding"),
    what_it_is="There is not enough room, so some teeth overlap or turn.",
    if_untreated=(
        "Overlapping teeth are harder to clean, so cavities and gum problems are more likely."
    ),
)
DEEP_BITE = FindingBlock(
    title="Deep bite",
    severity="Mild",
    illustration=illustration("deep_bite"),
    what_it_is="The top front teeth cover too much of the bottom front teeth.",
    if_untreated=(
        "The front teeth can wear down faster, and the jaw may work harder than it should."
    ),
)
OVERJET = FindingBlock(
    title="Overjet",
    severity="Severe",
    illustration=illustration("overjet"),
    what_it_is="The top front teeth stick out ahead of the bottom teeth.",
    if_untreated=(
        "Front teeth that stick out a lot are much more likely to break in a fall or at sports."
    ),
)

METAL = OptionCard(
    title="Metal braces",
    icon=str(ASSETS / "illustrations" / "options" / "metal_braces.svg"),
    lines=("Small brackets and a wire", "The most precise control", "Fun colored bands"),
    months="About 24 months",
    visits="A visit every 6 weeks",
    fee="$5,600",
    monthly="from $179 a month",
    recommended=True,
)
CLEAR_BRACES = OptionCard(
    title="Clear braces",
    icon=str(ASSETS / "illustrations" / "options" / "clear_braces.svg"),
    lines=("Tooth-colored brackets", "Hard to notice in photos"),
    months="About 24 months",
    visits="A visit every 6 weeks",
    fee="$6,400",
    monthly="from $212 a month",
)
ALIGNERS = OptionCard(
    title="Clear aligners",
    icon=str(ASSETS / "illustrations" / "options" / "clear_aligners.svg"),
    lines=("Clear trays, a new set every week", "Out to eat and brush", "Worn 22 hours a day"),
    months="About 20 months",
    visits="A visit every 8 weeks",
    fee="$5,900",
    monthly="from $196 a month",
)

PHASES = (
    Phase("Records", "", 0, 0, "Photos, x-rays and a 3D scan", "Mar 2027"),
    Phase("Start", "", 0, 1, "Braces go on", "Mar 2027"),
    Phase("Straightening", "", 1, 20, "A visit every 6 weeks", "Apr 2027"),
    Phase("Finishing", "", 20, 24, "Fine-tuning the bite", "Nov 2028"),
    Phase("Retainers", "", 24, 24, "Retainers keep your new smile in place", "Mar 2029"),
)

FIGURES = FiguresBlock(
    figures=(
        Figure("Treatment fee", "$5,600"),
        Figure("Insurance estimate", "-$1,500", caption="An estimate, not a guarantee"),
        Figure("Your portion", "$4,100", emphasis=True),
    ),
    footnote=(
        "Insurance amounts are an estimate, not a guarantee. "
        "Any part your plan does not pay is yours."
    ),
)

CHOICES = ChoicesBlock(
    choices=(
        PaymentChoiceCard(
            "in_full", "Pay in full", "$3,977 once", ("You save $123", "Nothing more to pay")
        ),
        PaymentChoiceCard(
            "standard",
            "Monthly plan",
            "$150 a month",
            ("$500 to start", "24 monthly payments", "$4,100 in all"),
            selected=True,
        ),
        PaymentChoiceCard(
            "low_down",
            "Low start",
            "$160.42 a month",
            ("$250 to start", "24 monthly payments", "$4,100 in all"),
        ),
    )
)


def make_slide(kind: SlideKind, title: str, *blocks, subtitle: str = "", **kw) -> Slide:
    return Slide(
        kind=kind,
        title=title,
        theme=THEME,
        subtitle=subtitle,
        patient_name=kw.pop("patient_name", NAME),
        blocks=tuple(blocks),
        **kw,
    )


def welcome() -> Slide:
    return make_slide(
        SlideKind.WELCOME,
        "Welcome, Maya!",
        ImageBlock(LOGO),
        TextBlock(
            "<p>Today we'll look at what Dr. Lee found, talk about your options, "
            "and answer every question.</p>"
        ),
        subtitle="Let's talk about your smile.",
    )


def practice_welcome() -> Slide:
    """What the display shows before the consult: the practice only, no patient."""
    return Slide(
        kind=SlideKind.WELCOME,
        title=THEME.practice_name,
        theme=THEME,
        subtitle="We're so glad you're here.",
        blocks=(ImageBlock(LOGO),),
    )


def concerns() -> Slide:
    return make_slide(
        SlideKind.CONCERNS,
        "What matters to you",
        QuoteBlock("Her front teeth are crowded and she hides her smile in photos.", "Maya's mom"),
        BulletsBlock(("Smiling in school photos", "Braces that work with soccer")),
    )


def problem() -> Slide:
    return make_slide(SlideKind.PROBLEM, "What Dr. Lee found", CROWDING, DEEP_BITE)


def problem_single() -> Slide:
    return make_slide(
        SlideKind.PROBLEM, "What Dr. Lee found", CROWDING, subtitle="Seen on Maya's photos today"
    )


def problem_three() -> Slide:
    return make_slide(SlideKind.PROBLEM, "What Dr. Lee found", CROWDING, DEEP_BITE, OVERJET)


def options() -> Slide:
    return make_slide(
        SlideKind.OPTIONS, "Your options", OptionsBlock((METAL, CLEAR_BRACES, ALIGNERS))
    )


def options_chosen() -> Slide:
    chosen = replace(ALIGNERS, chosen=True)
    return make_slide(SlideKind.OPTIONS, "Your choice", OptionsBlock((METAL, CLEAR_BRACES, chosen)))


def timeline() -> Slide:
    return make_slide(
        SlideKind.TIMELINE,
        "Your timeline",
        TimelineBlock(PHASES, total_months=24, start_label="Mar 2027"),
        subtitle="About 24 months, done around March 2029",
    )


def investment() -> Slide:
    return make_slide(SlideKind.INVESTMENT, "Your investment", FIGURES)


def payment() -> Slide:
    return make_slide(SlideKind.PAYMENT, "Ways to pay", CHOICES)


def next_steps() -> Slide:
    return make_slide(
        SlideKind.NEXT_STEPS,
        "Next steps",
        StepsBlock(
            (
                "Start today",
                "Pick a start day that works for you",
                "Take some time to think. Jenna will check in with you.",
            )
        ),
    )


def custom() -> Slide:
    return make_slide(
        SlideKind.CUSTOM,
        "Caring for braces",
        TextBlock(
            "<p>Brush after every meal and use the <b>floss threader</b> once a day.</p>"
            "<p>Skip sticky and hard foods: <i>caramel, popcorn, ice</i>.</p>"
        ),
        ImageBlock(MISSING, caption="Your home-care kit"),
    )


def long_text() -> Slide:
    """Stress: a title, subtitle and paragraph far too long for the screen."""
    words = "Orthodontic treatment moves teeth slowly and gently into a healthier position. "
    return make_slide(
        SlideKind.CUSTOM,
        "A very long title that keeps going and going well beyond what fits on one line "
        "or even two lines of the screen",
        TextBlock("<p>" + words * 30 + "</p>"),
        BulletsBlock(tuple(f"Point number {i}: " + words for i in range(1, 9))),
        subtitle="And a subtitle that is also rather long, " * 4,
        footer="Bright Smiles Orthodontics · 555-0100 · A footer line that goes on " * 3,
    )


def missing_images() -> Slide:
    """Every image path points at nothing (or is empty, as the renderer leaves it)."""
    theme = Theme(practice_name="No Logo Dental", logo_path=MISSING)
    finding = FindingBlock("Crowding", "Moderate", MISSING, "Not enough room.", "Harder to clean.")
    option = OptionCard("Braces", MISSING, ("Brackets",), "24 months", "", "$5,000", "")
    option2 = OptionCard("Aligners", "", ("Trays",), "20 months", "", "$5,500", "")
    return Slide(
        kind=SlideKind.PROBLEM,
        title="Missing pictures",
        theme=theme,
        blocks=(
            finding,
            ImageBlock(MISSING, "A photo that is not there"),
            OptionsBlock((option, option2)),
        ),
    )


def four_options(lines: int = 1) -> Slide:
    """Four cards with one line each, as the renderer makes them (``card_lines``);
    ``lines=3`` is more than four cards can carry at a readable size."""
    observe = OptionCard(
        "Wait and watch", "", ("Check every 6 months",), "", "", "No charge", "", chosen=True
    )
    cards = tuple(replace(c, lines=c.lines[:lines]) for c in (METAL, CLEAR_BRACES, ALIGNERS))
    return make_slide(SlideKind.OPTIONS, "Four ways forward", OptionsBlock((*cards, observe)))


SAMPLES = {
    "welcome": welcome,
    "practice_welcome": practice_welcome,
    "concerns": concerns,
    "problem": problem,
    "problem_single": problem_single,
    "problem_three": problem_three,
    "options": options,
    "options_chosen": options_chosen,
    "four_options": four_options,
    "timeline": timeline,
    "investment": investment,
    "payment": payment,
    "next_steps": next_steps,
    "custom": custom,
    "long_text": long_text,
    "missing_images": missing_images,
}


def all_samples() -> dict[str, Slide]:
    return {name: make() for name, make in SAMPLES.items()}
