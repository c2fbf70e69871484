"""Practice-editable text: jinja2 templates rendered to a tiny Markdown-like format.

The format (documented in assets/templates/README.md), one block per
paragraph, blocks separated by blank lines:

- ``# Heading`` and ``## Smaller heading``
- ``- item`` (or ``* item``): one bullet; the lines after it continue it
- anything else: a paragraph; its lines are joined with spaces
- inline ``**bold**``; everything else is plain text (no HTML)

Templates see the variables their caller passes, plus the filters ``money``
(``$1,234.50``), ``date`` (``November 27, 2026``) and ``ordinal`` (``15th``).
An undefined variable is an error, reported with the template file and line,
so a typo never prints as an empty gap in a legal document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2

from tcdesk.documents.fonts import markup
from tcdesk.errors import UserError
from tcdesk.formatting import DEFAULT_LOCALE, long_date, money_from_dollars, ordinal

HEADING = "heading"
SUBHEADING = "subheading"
PARAGRAPH = "paragraph"
BULLET = "bullet"

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^[-*]\s+")


@dataclass(frozen=True)
class Block:
    kind: str  # heading | subheading | paragraph | bullet
    text: str  # plain text with **bold** marks

    @property
    def markup(self) -> str:
        """The text as reportlab Paragraph markup (escaped, bold, CJK runs)."""
        return inline_markup(self.text)


class TemplateProblem(UserError):
    """A template that can't be read or rendered; the message names file and line."""


def _money_filter(value: Any, locale: str = DEFAULT_LOCALE) -> str:
    """``| money`` in a document template: a number of dollars (``35`` is ``$35.00``)."""
    if isinstance(value, float):
        raise TypeError("money must be Decimal or int, never float")
    return money_from_dollars(Decimal(value), locale=locale)


def _date_filter(value: Any, locale: str = DEFAULT_LOCALE) -> str:
    if isinstance(value, date):
        return long_date(value, locale=locale)
    return str(value)


def _add_filters(env: jinja2.Environment, locale: str) -> None:
    """``money``, ``date`` and ``ordinal``, writing money and dates for ``locale``
    (``es_US``: ``1 de diciembre de 2026``)."""
    env.filters["money"] = functools.partial(_money_filter, locale=locale)
    env.filters["date"] = functools.partial(_date_filter, locale=locale)
    env.filters["ordinal"] = ordinal


@functools.lru_cache(maxsize=16)
def _compiled(path: str, size: int, mtime_ns: int, locale: str = DEFAULT_LOCALE) -> jinja2.Template:
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateProblem(f"The template {path} can't be read: {error}") from None
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    _add_filters(env, locale)
    try:
        return env.from_string(source)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(_where(path, error.lineno, error.message or str(error))) from None


@functools.lru_cache(maxsize=512)
def _string_template(source: str, name: str, locale: str = DEFAULT_LOCALE) -> jinja2.Template:
    env = _string_env(locale)
    try:
        return env.from_string(source)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(_where(name, error.lineno, error.message or str(error))) from None


@functools.cache
def _string_env(locale: str = DEFAULT_LOCALE) -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    _add_filters(env, locale)
    return env


def _where(path: str, line: int | None, message: str) -> str:
    place = f"{path}, line {line}" if line else path
    return f"Template error in {place}: {message}"


def render_file(path: Path, context: Mapping[str, Any], *, locale: str = DEFAULT_LOCALE) -> str:
    """Render the template file at ``path``; ``TemplateProblem`` names file and line."""
    file = Path(path)
    try:
        stat = file.stat()
    except OSError as error:
        raise TemplateProblem(
            f"The template {file} can't be read: {error.strerror or error}."
        ) from None
    template = _compiled(str(file.resolve()), stat.st_size, stat.st_mtime_ns, locale)
    return _render(template, context, str(file))


def render_string(
    source: str, context: Mapping[str, Any], name: str, *, locale: str = DEFAULT_LOCALE
) -> str:
    """Render a small template ``source``; ``name`` ("summary_text.toml: intro") in errors."""
    return _render(_string_template(source, name, locale), context, name)


def _render(template: jinja2.Template, context: Mapping[str, Any], name: str) -> str:
    try:
        return template.render(**context)
    except TemplateProblem:
        raise
    except Exception as error:  # jinja2 errors, and a filter given a wrong value
        line = _template_line(error)
        message = getattr(error, "message", None) or str(error)
        raise TemplateProblem(_where(name, line, message)) from None


def _template_line(error: BaseException) -> int | None:
    """The template line jinja2 maps the failing frame to (its traceback is rewritten)."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line if line is not None else getattr(error, "lineno", None)


def parse_blocks(text: str) -> tuple[Block, ...]:
    """Split rendered text into headings, paragraphs and bullets."""
    blocks: list[Block] = []
    lines: list[str] = []
    kind = PARAGRAPH

    def flush() -> None:
        nonlocal lines, kind
        joined = " ".join(part.strip() for part in lines if part.strip())
        if joined:
            blocks.append(Block(kind, joined))
        lines = []
        kind = PARAGRAPH

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("## "):
            flush()
            blocks.append(Block(SUBHEADING, stripped[3:].strip()))
            continue
        if stripped.startswith("# "):
            flush()
            blocks.append(Block(HEADING, stripped[2:].strip()))
            continue
        bullet = _BULLET.match(stripped)
        if bullet:
            flush()
            kind = BULLET
            lines.append(stripped[bullet.end() :])
            continue
        lines.append(stripped)
    flush()
    return tuple(blocks)


def inline_markup(text: str) -> str:
    """Plain text with ``**bold**`` as Paragraph markup."""
    out = []
    position = 0
    for match in _BOLD.finditer(text):
        out.append(markup(text[position : match.start()]))
        out.append(f"<b>{markup(match.group(1))}</b>")
        position = match.end()
    out.append(markup(text[position:]))
    return "".join(out)


def render_blocks(
    path: Path, context: Mapping[str, Any], *, locale: str = DEFAULT_LOCALE
) -> tuple[Block, ...]:
    return parse_blocks(render_file(path, context, locale=locale))


@functools.lru_cache(maxsize=8)
def _document_template(source: str, name: str, locale: str = DEFAULT_LOCALE) -> jinja2.Template:
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    _add_filters(env, locale)
    try:
        return env.from_string(source)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(_where(name, error.lineno, error.message or str(error))) from None


def render_text_blocks(
    source: str, context: Mapping[str, Any], name: str, *, locale: str = DEFAULT_LOCALE
) -> tuple[Block, ...]:
    """A document template held as text (a practice's own terms), rendered as a file is."""
    return parse_blocks(_render(_document_template(source, name, locale), context, name))
