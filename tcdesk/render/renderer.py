"""Flow step + render context -> ``Slide``: the only thing the patient display receives.

The renderer reads a step's patient-facing fields only (title, subtitle,
text, bullets, image and the kind's options); talking points, checklist and
objection hints are never looked at. From the context it reads the
documented keys (see presentation_flows/README.md), so a coordinator note
that slipped into a context still cannot reach a slide.

A ``Renderer`` is built once at start-up (it holds the compiled templates,
the content files and the assets folder) and passed to whoever renders:
the live display, the console thumbnail and the PNG export share it. What
each kind of slide adds is built in ``tcdesk.render.kinds``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from tcdesk.errors import UserError
from tcdesk.formatting import DEFAULT_LOCALE
from tcdesk.render.content import Content, load_content
from tcdesk.render.kinds import kind_blocks
from tcdesk.render.language import Language
from tcdesk.render.slide import Block, BulletsBlock, ImageBlock, Slide, SlideKind, TextBlock, Theme
from tcdesk.render.spec import StepSpec
from tcdesk.render.templates import TemplateCache

_BLOCK_TAG = re.compile(r"^\s*<(p|ul|ol|h[1-6]|div|table|blockquote)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class RenderError(UserError):
    """A step template failed with this context: which step, which key, why."""

    def __init__(self, step_id: str, key: str, message: str) -> None:
        self.step_id = step_id
        self.key = key
        self.message = message
        super().__init__(f"step '{step_id}' key '{key}': {message}")


class Renderer:
    """Steps to slides, with the practice's content, assets and compiled templates."""

    def __init__(
        self,
        content: Content,
        assets: Path,
        *,
        locale: str = DEFAULT_LOCALE,
        corner_mark: str = "",
    ) -> None:
        self.content = content
        self.assets = Path(assets)
        self.locale = locale
        self.corner_mark = corner_mark
        self._plain = TemplateCache(html=False, locale=locale)
        self._html = TemplateCache(html=True, locale=locale)

    def marked(self, corner_mark: str) -> Renderer:
        """This renderer, with ``corner_mark`` in the corner of every slide it renders.

        A copy sharing the compiled templates: a practice consult's slides say
        "Practice" through the one rendering path, never by a widget laid over them.
        """
        copy = object.__new__(Renderer)
        copy.__dict__.update(self.__dict__)
        copy.corner_mark = corner_mark
        return copy

    @classmethod
    def for_language(cls, language: Language, assets: Path) -> Renderer:
        """A renderer with ``language``'s words around the data and its money and dates."""
        return cls(language.content, assets, locale=language.locale)

    @classmethod
    def default(cls) -> Renderer:
        """The shipped content and the bundled assets folder."""
        from tcdesk.paths import assets_dir

        return cls(load_content(), assets_dir())

    # -- public ---------------------------------------------------------------------------

    def render_slide(self, step: StepSpec, context: Mapping[str, Any]) -> Slide:
        """The slide of ``step``; a continuation (``step.part`` > 1) shows only its
        kind's blocks, under the title marked as continued."""
        kind = SlideKind(step.kind)
        title = self._render(step, "title", step.title, context)
        if step.part > 1:
            return Slide(
                kind=kind,
                title=self.content.word("problem.continued", title=title) if title else "",
                theme=self._theme(context),
                patient_name=_patient_name(context),
                blocks=tuple(kind_blocks(kind, step, context, self)),
            )
        blocks: list[Block] = []
        if kind is SlideKind.WELCOME and step.show_logo:
            logo = self._theme(context).logo_path
            if logo:
                blocks.append(ImageBlock(logo))
        if step.text:
            html = _paragraphs(self._render(step, "text", step.text, context, html=True))
            if html:
                blocks.append(TextBlock(html))
        blocks.extend(kind_blocks(kind, step, context, self))
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
            title=title,
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

    def render_text(self, step: StepSpec, key: str, source: str, context: Mapping[str, Any]) -> str:
        """``source`` (the step's ``key``) rendered as plain text; "" for no source."""
        return self._render(step, key, source, context)

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
            corner_mark=self.corner_mark,
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


def _paragraphs(html: str) -> str:
    """Blank lines separate paragraphs; text already in block tags is left alone."""
    parts = [p.strip() for p in _PARAGRAPH_BREAK.split(html.strip()) if p.strip()]
    return "".join(
        part if _BLOCK_TAG.match(part) else f"<p>{' '.join(part.split())}</p>" for part in parts
    )


def _patient_name(context: Mapping[str, Any]) -> str:
    patient = context.get("patient") or {}
    return " ".join(str(patient.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
