"""What the patient display is allowed to know: a rendered slide, nothing more.

A ``Slide`` is built from a flow step and the family's data, then handed to
the one widget that paints it (live display, console thumbnail, PNG export).
It has no field for coordinator-only data (notes, talking points, checklist,
objections, discount limits): privacy holds by construction. Text fields hold
plain text unless named ``*_html`` (Qt's rich-text subset). Image fields are
absolute file paths (SVG or raster).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SlideKind(StrEnum):
    WELCOME = "welcome"
    CONCERNS = "concerns"
    PROBLEM = "problem"
    OPTIONS = "options"
    TIMELINE = "timeline"
    INVESTMENT = "investment"
    PAYMENT = "payment"
    NEXT_STEPS = "next_steps"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Theme:
    practice_name: str
    brand_color: str = "#1F6F8B"  # headings, accents
    background: str = "#FFFFFF"
    foreground: str = "#1B1B1B"
    muted: str = "#5A5A5A"
    logo_path: str = ""
    # A word in a small corner mark on every slide ("Practice" in a practice consult),
    # drawn by the painter beside the title, never over it; "" = no mark.
    corner_mark: str = ""


@dataclass(frozen=True)
class TextBlock:
    """A short paragraph; large type. ``html`` uses Qt's rich-text subset."""

    html: str


@dataclass(frozen=True)
class BulletsBlock:
    items: tuple[str, ...]


@dataclass(frozen=True)
class QuoteBlock:
    """The family's own words, shown as a quotation."""

    text: str
    attribution: str = ""


@dataclass(frozen=True)
class FindingBlock:
    """One condition: its illustration and what it means, in plain words."""

    title: str
    severity: str
    illustration: str
    what_it_is: str
    if_untreated: str
    photo: str = ""
    # the headings over the two texts, in the family's language
    what_label: str = "What it is"
    if_label: str = "If we leave it"
    # the severity's value ("mild", "moderate", "severe"): the pill's colour, whatever
    # the label's language
    level: str = ""


@dataclass(frozen=True)
class OptionCard:
    title: str
    icon: str
    lines: tuple[str, ...]  # what is involved
    months: str  # e.g. "18-24 months"
    visits: str  # e.g. "Visits every 6 weeks"
    fee: str  # formatted money
    monthly: str  # e.g. "from $179 a month"
    recommended: bool = False
    chosen: bool = False


@dataclass(frozen=True)
class OptionsBlock:
    cards: tuple[OptionCard, ...]
    recommended_label: str = "Doctor's recommendation"
    chosen_label: str = "Your choice"


@dataclass(frozen=True)
class Phase:
    name: str
    icon: str
    start_month: int
    end_month: int
    detail: str = ""
    date_label: str = ""  # e.g. "Jan 2027"


@dataclass(frozen=True)
class TimelineBlock:
    phases: tuple[Phase, ...]
    total_months: int
    start_label: str = ""
    # the last tick ("24 months") and the first one without a date, in the family's language
    total_label: str = ""
    start_word: str = "Start"


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    caption: str = ""
    emphasis: bool = False


@dataclass(frozen=True)
class FiguresBlock:
    """Key money figures in a row: fee, insurance estimate, your portion."""

    figures: tuple[Figure, ...]
    footnote: str = ""


@dataclass(frozen=True)
class PaymentChoiceCard:
    key: str
    label: str
    headline: str  # the big number, e.g. "$179.20 a month"
    lines: tuple[str, ...]  # down payment, months, total
    selected: bool = False


@dataclass(frozen=True)
class ChoicesBlock:
    choices: tuple[PaymentChoiceCard, ...]
    footnote: str = ""
    chosen_label: str = "Your choice"


@dataclass(frozen=True)
class StepsBlock:
    """Next steps as large numbered choices."""

    steps: tuple[str, ...]


@dataclass(frozen=True)
class ImageBlock:
    path: str
    caption: str = ""


Block = (
    TextBlock
    | BulletsBlock
    | QuoteBlock
    | FindingBlock
    | OptionsBlock
    | TimelineBlock
    | FiguresBlock
    | ChoicesBlock
    | StepsBlock
    | ImageBlock
)


@dataclass(frozen=True)
class Slide:
    kind: SlideKind
    title: str
    theme: Theme
    subtitle: str = ""
    patient_name: str = ""
    blocks: tuple[Block, ...] = field(default=())
    footer: str = ""

    def texts(self) -> list[str]:
        """Every string on the slide: for privacy tests and search."""
        found: list[str] = [self.title, self.subtitle, self.patient_name, self.footer]
        collect_texts(self.blocks, found)
        return [t for t in found if t]


def collect_texts(value: object, found: list[str], skip: frozenset[str] = frozenset()) -> None:
    """Every string in ``value`` (blocks, cards, tuples), except fields named in ``skip``."""
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, tuple):
        for item in value:
            collect_texts(item, found, skip)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            if name not in skip:
                collect_texts(getattr(value, name), found, skip)
