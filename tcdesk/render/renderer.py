"""Flow step + render context -> ``Slide``: the only thing the patient display receives.

The renderer reads a step's patient-facing fields only (title, subtitle,
text, bullets, image and the kind's options); talking points, checklist and
objection hints are never looked at. From the context it reads the
documented keys (see presentation_flows/README.md), so a coordinator note
that slipped into a context still cannot reach a slide.

A ``Renderer`` is built once at start-up (it holds the compiled templates,
the content files and the assets folder) and passed to whoever renders:
the live display, the console thumbnail and the PNG export share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from jinja2 import TemplateError

from tcdesk.errors import UserError
from tcdesk.formatting import rate_number
from tcdesk.render.content import Content, load_content
from tcdesk.render.slide import (
    Block,
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
from tcdesk.render.templates import TemplateCache, slide_money

MAX_PHOTOS = 4
_BLOCK_TAG = re.compile(r"^\s*<(p|ul|ol|h[1-6]|div|table|blockquote)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class StepSpec(Protocol):
    """What the renderer needs from a flow step (``tcdesk.flows.Step`` fits)."""

    id: str
    kind: str
    title: str
    text: str
    subtitle: str
    bullets: tuple[str, ...]
    image: str
    image_caption: str
    show_logo: bool
    attribution: str
    show_photos: bool
    recommended_label: str
    footnote: str
    choices: tuple[str, ...]
    agenda: str


class RenderError(UserError):
    """A step template failed with this context: which step, which key, why."""

    def __init__(self, step_id: str, key: str, message: str) -> None:
        self.step_id = step_id
        self.key = key
        self.message = message
        super().__init__(f"step '{step_id}' key '{key}': {message}")


class Renderer:
    def __init__(self, content: Content, assets: Path) -> None:
        self.content = content
        self.assets = Path(assets)
        self._plain = TemplateCache(html=False)
        self._html = TemplateCache(html=True)

    @classmethod
    def default(cls) -> Renderer:
        """The shipped content and the bundled assets folder."""
        from tcdesk.paths import assets_dir

        return cls(load_content(), assets_dir())

    # -- public ---------------------------------------------------------------------------

    def render_slide(self, step: StepSpec, context: Mapping[str, Any]) -> Slide:
        kind = SlideKind(step.kind)
        blocks: list[Block] = []
        if kind is SlideKind.WELCOME and step.show_logo:
            logo = self._theme(context).logo_path
            if logo:
                blocks.append(ImageBlock(logo))
        if step.text:
            html = _paragraphs(self._render(step, "text", step.text, context, html=True))
            if html:
                blocks.append(TextBlock(html))
        blocks.extend(self._kind_blocks(kind, step, context))
        bullets = tuple(
            text
            for i, source in enumerate(step.bullets)
            if (text := self._render(step, f"bullets[{i}]", source, context))
        )
        if bullets:
            blocks.append(BulletsBlock(bullets))
        if step.image:
            path = self.asset(step.image)
            if path:
                caption = self._render(step, "image_caption", step.image_caption, context)
                blocks.append(ImageBlock(path, caption))
        return Slide(
            kind=kind,
            title=self._render(step, "title", step.title, context),
            theme=self._theme(context),
            subtitle=self._render(step, "subtitle", step.subtitle, context),
            patient_name=_patient_name(context),
            blocks=tuple(blocks),
        )

    def render_deck(self, steps: Iterable[StepSpec], context: Mapping[str, Any]) -> list[Slide]:
        """The slides of ``steps``; the welcome's agenda lists only steps that come."""
        steps = list(steps)
        deck_context = {**context, "agenda": self.agenda(steps, context)}
        return [self.render_slide(step, deck_context) for step in steps]

    def agenda(self, steps: Sequence[StepSpec], context: Mapping[str, Any]) -> list[str]:
        """The ``agenda`` lines of ``steps`` in order, each once."""
        lines: list[str] = []
        for step in steps:
            line = self._render(step, "agenda", step.agenda, context)
            if line and line not in lines:
                lines.append(line)
        return lines

    def practice_welcome(self, context: Mapping[str, Any]) -> Slide:
        """What the display shows before the consult starts: the practice, no patient data."""
        theme = self._theme(context)
        blocks: tuple[Block, ...] = (ImageBlock(theme.logo_path),) if theme.logo_path else ()
        return Slide(
            kind=SlideKind.WELCOME,
            title=theme.practice_name,
            theme=theme,
            subtitle=self.content.word("welcome_screen.subtitle"),
            blocks=blocks,
        )

    def asset(self, relative: str) -> str:
        """Absolute path of an asset, or "" when the file is not there (yet)."""
        if not relative:
            return ""
        path = Path(relative)
        if not path.is_absolute():
            path = self.assets / relative
        return str(path.resolve()) if path.is_file() else ""

    # -- kinds ----------------------------------------------------------------------------

    def _kind_blocks(
        self, kind: SlideKind, step: StepSpec, context: Mapping[str, Any]
    ) -> list[Block]:
        match kind:
            case SlideKind.CONCERNS:
                return self._concerns(step, context)
            case SlideKind.PROBLEM:
                return self._problem(step, context)
            case SlideKind.OPTIONS:
                return self._options(step, context)
            case SlideKind.TIMELINE:
                return self._timeline(context)
            case SlideKind.WELCOME:
                agenda = tuple(str(a) for a in context.get("agenda") or ())
                return [BulletsBlock(agenda)] if agenda and not step.bullets else []
            case SlideKind.INVESTMENT:
                return self._investment(step, context)
            case SlideKind.PAYMENT:
                return self._payment(step, context)
            case SlideKind.NEXT_STEPS:
                return self._next_steps(step, context)
            case _:
                return []

    def _concerns(self, step: StepSpec, context: Mapping[str, Any]) -> list[Block]:
        blocks: list[Block] = []
        quote = str(context.get("concerns") or "").strip()
        if quote:
            source = step.attribution or self.content.word("concerns.attribution")
            attribution = self._render(step, "attribution", source, context)
            blocks.append(QuoteBlock(quote, attribution))
        priorities = tuple(
            str(p).strip() for p in context.get("priorities") or () if str(p).strip()
        )
        if priorities:
            blocks.append(BulletsBlock(priorities))
        return blocks

    def _problem(self, step: StepSpec, context: Mapping[str, Any]) -> list[Block]:
        blocks: list[Block] = []
        for finding in context.get("findings") or ():
            code = str(finding["code"])
            severity = str(finding.get("severity", ""))
            described = self.content.describe_finding(code, severity)
            blocks.append(
                FindingBlock(
                    title=str(finding.get("label") or described["label"]),
                    severity=str(finding.get("severity_label") or described["severity_label"]),
                    illustration=self.asset(
                        finding.get("illustration") or f"illustrations/conditions/{code}.svg"
                    ),
                    what_it_is=str(finding.get("what_it_is") or described["what_it_is"]),
                    if_untreated=str(finding.get("if_untreated") or described["if_untreated"]),
                    photo=self.asset(str(finding.get("photo") or "")),
                )
            )
        if step.show_photos:
            for photo in list(context.get("photos") or ())[:MAX_PHOTOS]:
                path = self.asset(str(photo.get("path") or ""))
                if path:
                    blocks.append(ImageBlock(path, str(photo.get("caption") or "")))
        return blocks

    def _options(self, step: StepSpec, context: Mapping[str, Any]) -> list[Block]:
        cards = tuple(self._option_card(option) for option in context.get("options") or ())
        if not cards:
            return []
        source = step.recommended_label or self.content.word("options.recommended_label")
        label = self._render(step, "recommended_label", source, context)
        chosen = self.content.word("options.chosen_label")
        return [OptionsBlock(cards, recommended_label=label, chosen_label=chosen)]

    def _option_card(self, option: Mapping[str, Any]) -> OptionCard:
        words = self.content.word
        months = int(option.get("months") or 0)
        weeks = int(option.get("visit_weeks") or 0)
        fee = option.get("fee")
        monthly = option.get("monthly_from")
        kind = str(option.get("type") or "")
        return OptionCard(
            title=str(option["title"]),
            icon=self.asset(option.get("icon") or f"illustrations/options/{kind}.svg"),
            lines=tuple(str(line) for line in option.get("lines") or ()),
            months=words("options.months", months=months) if months else "",
            visits=_visits(words, weeks),
            fee=slide_money(fee) if fee else words("options.no_fee"),
            monthly=words("options.monthly_from", amount=slide_money(monthly)) if monthly else "",
            recommended=bool(option.get("recommended")),
            chosen=bool(option.get("chosen")),
        )

    def _timeline(self, context: Mapping[str, Any]) -> list[Block]:
        timeline = context.get("timeline") or {}
        phases = tuple(
            Phase(
                name=str(phase["name"]),
                icon=self.asset(phase.get("icon") or f"illustrations/phases/{phase['key']}.svg"),
                start_month=int(phase["start_month"]),
                end_month=int(phase["end_month"]),
                detail=str(phase.get("detail") or ""),
                date_label=str(phase.get("date_label") or ""),
            )
            for phase in timeline.get("phases") or ()
        )
        if not phases:
            return []
        return [
            TimelineBlock(
                phases=phases,
                total_months=int(timeline.get("months") or 0),
                start_label=str(timeline.get("start_label") or ""),
            )
        ]

    def _investment(self, step: StepSpec, context: Mapping[str, Any]) -> list[Block]:
        words = self.content.word
        investment = context.get("investment") or {}
        fee = investment.get("fee")
        if fee is None:
            return []
        figures = [Figure(words("investment.fee"), slide_money(fee))]
        discount = investment.get("discount") or Decimal(0)
        if discount:
            figures.append(Figure(words("investment.discount"), "-" + slide_money(discount)))
        insured = bool(context.get("insured"))
        if step.footnote:
            footnote = self._render(step, "footnote", step.footnote, context)
        else:
            footnote = words("investment.footnote") if insured else ""
        if insured:
            figures.append(
                Figure(
                    words("investment.insurance"),
                    "-" + slide_money(investment.get("insurance_estimate") or Decimal(0)),
                    # Said once: under the figure only when no footnote says it.
                    caption="" if footnote else words("investment.insurance_note"),
                )
            )
        figures.append(
            Figure(
                words("investment.portion"),
                slide_money(investment.get("patient_portion", fee)),
                emphasis=True,
            )
        )
        return [FiguresBlock(tuple(figures), footnote=footnote)]

    def _payment(self, step: StepSpec, context: Mapping[str, Any]) -> list[Block]:
        """The ways to pay, side by side: a slide of its own, after the fee."""
        investment = context.get("investment") or {}
        cards = tuple(self._choice_card(choice) for choice in investment.get("choices") or ())
        if not cards:
            return []
        footnote = self._render(step, "footnote", step.footnote, context) if step.footnote else ""
        label = self.content.word("investment.chosen_label")
        return [ChoicesBlock(cards, footnote=footnote, chosen_label=label)]

    def _choice_card(self, choice: Mapping[str, Any]) -> PaymentChoiceCard:
        words = self.content.word
        months = int(choice.get("months") or 0)
        total = slide_money(choice["total"])
        lines: list[str] = []
        if months:
            headline = words("investment.choice_monthly", monthly=slide_money(choice["monthly"]))
            if choice.get("down"):
                lines.append(words("investment.choice_down", down=slide_money(choice["down"])))
            lines.append(words("investment.choice_months", months=months))
        else:
            headline = words("investment.choice_in_full", total=total)
        savings = choice.get("savings")
        if savings:
            lines.append(words("investment.choice_saves", amount=slide_money(savings)))
        if months:
            lines.append(words("investment.choice_total", total=total))
        charge = choice.get("finance_charge") or Decimal(0)
        if months and charge > 0:
            lines.append(words("investment.choice_apr", apr=rate_number(Decimal(choice["apr"]))))
            lines.append(words("investment.choice_finance", charge=slide_money(charge)))
        return PaymentChoiceCard(
            key=str(choice["key"]),
            label=str(choice["label"]),
            headline=headline,
            lines=tuple(lines),
            selected=bool(choice.get("selected")),
        )

    def _next_steps(self, step: StepSpec, context: Mapping[str, Any]) -> list[Block]:
        if step.choices:
            items = tuple(
                text
                for i, source in enumerate(step.choices)
                if (text := self._render(step, f"choices[{i}]", source, context))
            )
        else:
            coordinator = str((context.get("coordinator") or {}).get("name") or "")
            items = (
                self.content.word("next_steps.start_today"),
                self.content.word("next_steps.schedule"),
                self.content.word("next_steps.think", coordinator=coordinator or "We"),
            )
        return [StepsBlock(items)] if items else []

    # -- helpers --------------------------------------------------------------------------

    def _render(
        self,
        step: StepSpec,
        key: str,
        source: str,
        context: Mapping[str, Any],
        *,
        html: bool = False,
    ) -> str:
        if not source:
            return ""
        cache = self._html if html else self._plain
        try:
            return cache.render(source, context).strip()
        except TemplateError as error:
            raise RenderError(step.id, key, error.message or type(error).__name__) from None
        except (TypeError, ValueError, ArithmeticError) as error:
            raise RenderError(step.id, key, str(error)) from None

    def _theme(self, context: Mapping[str, Any]) -> Theme:
        practice = context.get("practice") or {}
        color = str(practice.get("brand_color") or "")
        return Theme(
            practice_name=str(practice.get("name") or ""),
            brand_color=color if re.fullmatch(r"#[0-9A-Fa-f]{6}", color) else "#1F6F8B",
            logo_path=self.asset(str(practice.get("logo") or "")),
        )


def render_slide(
    step: StepSpec, context: Mapping[str, Any], *, renderer: Renderer | None = None
) -> Slide:
    """One slide. Pass the app's ``Renderer``; without one, a default is built (slower)."""
    return (renderer or Renderer.default()).render_slide(step, context)


def render_deck(
    steps: Sequence[StepSpec], context: Mapping[str, Any], *, renderer: Renderer | None = None
) -> list[Slide]:
    """Every slide of ``steps`` (e.g. a flow's applicable steps), for export or preview."""
    return (renderer or Renderer.default()).render_deck(steps, context)


def _visits(words: Any, weeks: int) -> str:
    """Visits every few weeks; long intervals (watch and wait) read better in months."""
    if not weeks:
        return ""
    if weeks >= 13:
        return words("options.checkups", months=round(weeks * 7 / 30.44))
    return words("options.visits", weeks=weeks)


def _paragraphs(html: str) -> str:
    """Blank lines separate paragraphs; text already in block tags is left alone."""
    parts = [p.strip() for p in _PARAGRAPH_BREAK.split(html.strip()) if p.strip()]
    return "".join(
        part if _BLOCK_TAG.match(part) else f"<p>{' '.join(part.split())}</p>" for part in parts
    )


def _patient_name(context: Mapping[str, Any]) -> str:
    patient = context.get("patient") or {}
    return " ".join(str(patient.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
