"""The jinja2 environments step templates are rendered with.

Two sandboxed environments share the same filters: one escapes values for
HTML fields (``text``, shown as Qt rich text), one does not (titles, bullets
and other plain-text fields). ``StrictUndefined`` turns a missing variable
into a clear error instead of an empty gap on the family's screen.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from tcdesk.formatting import (
    DEFAULT_LOCALE,
    brief_money_from_cents,
    brief_money_from_dollars,
    join_and,
    long_date,
    month_year,
)


def slide_money(value: Decimal | int, *, locale: str = DEFAULT_LOCALE) -> str:
    """A context's money as a slide shows it: ``$5,600``, ``$103.33``.

    A template has no types, so the rule is the one presentation_flows/README.md
    gives: ``Decimal`` is dollars, a whole number is cents; anything else
    (a float above all) raises ``TypeError``.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return brief_money_from_cents(value, locale=locale)
    if isinstance(value, Decimal):
        return brief_money_from_dollars(value, locale=locale)
    raise TypeError(f"money must be Decimal dollars or int cents, not {type(value).__name__}")


def filters(locale: str = DEFAULT_LOCALE) -> Mapping[str, Any]:
    """The extra filters, formatting for ``locale`` (babel's: ``es_US``, ``en_US``)."""
    return MappingProxyType(
        {
            "money": functools.partial(slide_money, locale=locale),
            "month_year": functools.partial(month_year, locale=locale),
            "long_date": functools.partial(long_date, locale=locale),
            "join_and": functools.partial(join_and, locale=locale),
        }
    )


FILTERS: Mapping[str, Any] = filters()


def make_environment(*, html: bool, locale: str = DEFAULT_LOCALE) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(filters(locale))
    return env


class TemplateCache:
    """Compiled templates by source, so a deck re-renders without re-compiling."""

    def __init__(self, *, html: bool, locale: str = DEFAULT_LOCALE) -> None:
        self.env = make_environment(html=html, locale=locale)
        self._compiled: dict[str, Template] = {}

    def render(self, source: str, context: Mapping[str, Any]) -> str:
        template = self._compiled.get(source)
        if template is None:
            template = self.env.from_string(source)
            self._compiled[source] = template
        return template.render(context)
