"""The words of the English template text, to find any left on a slide or a paper in
another language: what the flows, the content files and the option cards say in English,
less the words the other language also uses ("no", "plan") and the family's own data."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tcdesk.paths import flows_dir
from tcdesk.render.language import step_text_fields

_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{[a-z_]+\}", re.S)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]{3,}")
# Paths and colours are not words anybody reads.
_NOT_TEXT = {
    "illustration", "icon", "photo", "path", "logo_path", "brand_color", "key", "kind", "level",
}  # fmt: skip


def words(text: str) -> set[str]:
    """The words of ``text`` (3 letters or more), lower case, template code left out."""
    return {w.casefold() for w in _WORD.findall(_TAG.sub(" ", _TEMPLATE.sub(" ", text)))}


def toml_words(path: Path) -> set[str]:
    return strings_words(tomllib.loads(path.read_text(encoding="utf-8")))


def strings_words(value: Any) -> set[str]:
    """The words of every string in ``value`` (dicts, lists, dataclasses, nested)."""
    found: set[str] = set()
    if isinstance(value, str):
        return words(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key not in _NOT_TEXT:
                found |= strings_words(item)
    elif isinstance(value, Iterable):
        for item in value:
            found |= strings_words(item)
    return found


def english_template_words(flows: Iterable[Any], option_words: Iterable[str] = ()) -> set[str]:
    """Every word the English flows, content files and option cards put on a slide."""
    found: set[str] = set()
    for flow in flows:
        for step in flow.steps:
            found |= strings_words(step_text_fields(step))
    content = flows_dir() / "content"
    found |= toml_words(content / "wording.toml") | toml_words(content / "conditions.toml")
    for text in option_words:
        found |= words(text)
    return found


def language_words(folder: Path) -> set[str]:
    """Every word a language's own files use (Spanish says "no", "total" and "plan" too)."""
    found: set[str] = set()
    for path in folder.rglob("*.toml"):
        found |= toml_words(path)
    for path in folder.rglob("*.j2"):
        found |= words(path.read_text(encoding="utf-8"))
    return found


def family_words(context: Mapping[str, Any]) -> set[str]:
    """The family's and the practice's own words: names, concerns, the carrier."""
    keys = ("practice", "office", "patient", "coordinator", "doctor", "concerns", "priorities")
    found = strings_words({k: context.get(k) for k in keys})
    return found | strings_words((context.get("insurance") or {}).get("carrier", ""))
