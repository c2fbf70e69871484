"""The take-home summary's words: ``assets/templates/summary_text.toml``.

One TOML file per language holds jinja2 snippets keyed by name; a practice
edits the words without touching code. The file is read once per version
(its size and modification time are part of the cache key), so an edit shows
on the next summary without a restart.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tcdesk.documents.textblocks import TemplateProblem, render_string
from tcdesk.errors import UserError
from tcdesk.formatting import DEFAULT_LOCALE
from tcdesk.paths import assets_dir

TEXT_FILE = Path("templates") / "summary_text.toml"
TEXT_FORMAT = 1


def default_text_file() -> Path:
    return assets_dir() / TEXT_FILE


class SummaryText:
    """The summary's words: ``text(key, **values)`` renders one jinja2 snippet."""

    def __init__(
        self,
        path: Path,
        texts: Mapping[str, Any],
        context: Mapping[str, Any],
        *,
        locale: str = DEFAULT_LOCALE,
        fallback: Mapping[str, Any] | None = None,
    ):
        """``fallback`` (the English texts) stands in for a text another language left out."""
        self.path = path
        self._texts = texts
        self._fallback = fallback or {}
        self._context = dict(context)
        self.locale = locale

    def __call__(self, key: str, **values: Any) -> str:
        source = self._texts.get(key)
        if not isinstance(source, str):
            source = self._fallback.get(key)
        if not isinstance(source, str):
            raise TemplateProblem(f"{self.path}: the text '{key}' is missing.")
        rendered = render_string(
            source, {**self._context, **values}, f"{self.path}: {key}", locale=self.locale
        )
        return rendered.strip()

    def has(self, key: str) -> bool:
        return isinstance(self._texts.get(key) or self._fallback.get(key), str)

    def lines(self, key: str, **values: Any) -> list[str]:
        """A multi-line text as its non-empty lines."""
        return [line.strip() for line in self(key, **values).splitlines() if line.strip()]


@functools.lru_cache(maxsize=8)
def _load_texts(path: str, size: int, mtime_ns: int) -> dict[str, Any]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"The summary text file {path} can't be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"The summary text file {path} is not valid TOML: {error}") from None
    if data.get("format") != TEXT_FORMAT:
        raise UserError(
            f"The summary text file {path} has format {data.get('format')!r}; "
            f"this tcdesk reads format {TEXT_FORMAT}."
        )
    return data


def load_texts(path: Path | None = None) -> dict[str, Any]:
    file = Path(path or default_text_file())
    try:
        stat = file.stat()
    except OSError as error:
        raise UserError(
            f"The summary text file {file} can't be read: {error.strerror or error}."
        ) from None
    return _load_texts(str(file.resolve()), stat.st_size, stat.st_mtime_ns)


def fallback_condition(code: str, severity: str) -> dict[str, str]:
    """Plain words for a finding when the presentation's content can't be read."""
    texts = load_texts().get("conditions", {}).get(code, {})
    return {
        "label": texts.get("label", code.replace("_", " ").capitalize()),
        "severity_label": severity.capitalize(),
        "what_it_is": texts.get("what_it_is", ""),
        "if_untreated": texts.get("if_untreated", ""),
    }
