"""The presentation's plain words (``presentation_flows/content``), with a fallback.

The take-home summary says what the presentation said, in the same words. If
that content can't be loaded, the summary still prints, with the summary
text file's own words for each condition and the built-in labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tcdesk.errors import UserError

if TYPE_CHECKING:
    from tcdesk.render import Content
    from tcdesk.render.language import Language


class PresentationWords:
    """One load of the presentation's content (``None`` when it can't be read)."""

    def __init__(self, content: Content | None, language: Language | None = None) -> None:
        self.content = content
        self.language = language

    @classmethod
    def load(cls, language: str | None = None) -> PresentationWords:
        """The shipped content in ``language`` (a code; default English), or none if it
        can't be loaded (never an error)."""
        try:
            from tcdesk.paths import flows_dir
            from tcdesk.render import load_content
            from tcdesk.render.language import load_languages

            english = load_content()
            if not language or language == "en":
                return cls(english, load_languages(None, english).english)
            found = load_languages(flows_dir() / "lang", english).get(language)
            return cls(found.content, found)
        except (ImportError, UserError):
            return cls(None)

    @property
    def locale(self) -> str:
        return self.language.locale if self.language else "en_US"

    def option_words(self, treatment_type: str, title: str, description: str) -> tuple[str, str]:
        """An option's title and description in the language (the practice's own in
        English, or where the language has no words for its treatment type)."""
        words = self.language.options.get(treatment_type, {}) if self.language else {}
        if not words.get("description"):
            return words.get("title") or title, description
        # the card's sentence, then the paragraph: as complete as the English text
        mine = " ".join(t.strip() for t in (words["description"], words.get("details", "")) if t)
        return words.get("title") or title, mine.strip()

    def word(self, key: str, default: str) -> str:
        """The wording for ``key``; ``default`` when there is no such wording."""
        if self.content is None:
            return default
        try:
            return self.content.word(key)
        except (KeyError, IndexError, ValueError):
            return default

    def describe(self, code: str, severity: str) -> dict[str, str]:
        """Label, severity label, what it is and what happens if untreated."""
        if self.content is not None:
            return self.content.describe_finding(code, severity)
        from tcdesk.documents.summary_text import fallback_condition

        return fallback_condition(code, severity)
