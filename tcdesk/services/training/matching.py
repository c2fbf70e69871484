"""Phrase matching for typed answers: plain rules a persona author can predict, no ML.

A TC's answer and a persona's phrases are normalised the same way: lower case,
accents folded (``está`` is ``esta``), apostrophes dropped (``don't`` is
``dont``), split into words and cut to a rough stem (``worries``, ``worried``
and ``worry`` all meet). A phrase matches when its words appear in the answer
in order, with at most ``GAP`` other words between two of them, so "what part
of it worries you" matches "what part worries you" and "what part of the cost
worries you most". Within a phrase, ``worry/concern/bother`` means any of those
words: the synonym lists live in the phrases themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

GAP = 3  # other words allowed between two words of a phrase

_WORD = re.compile(r"[a-z0-9]+")
_EN_SUFFIXES = ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s")
_ES_SUFFIXES = (
    "amente",
    "aciones",
    "acion",
    "mente",
    "ando",
    "iendo",
    "ados",
    "adas",
    "ado",
    "ada",
    "os",
    "as",
    "es",
    "o",
    "a",
    "e",
    "s",
)
_SUFFIXES = {"en": _EN_SUFFIXES, "es": _ES_SUFFIXES}


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: what both sides are compared as."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("'", "").replace("\u2019", "")


def stem(word: str, language: str = "en") -> str:
    """A rough stem: the first known suffix cut, keeping at least three letters."""
    for suffix in _SUFFIXES.get(language, _EN_SUFFIXES):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            cut = word[: -len(suffix)]
            return cut + "y" if suffix in ("ies", "ied") else cut
    return word


def words(text: str, language: str = "en") -> tuple[str, ...]:
    """The stemmed words of ``text``."""
    return tuple(stem(w, language) for w in _WORD.findall(fold(text)))


@lru_cache(maxsize=4096)
def _phrase(phrase: str, language: str) -> tuple[frozenset[str], ...]:
    """A phrase as one set of acceptable stems per word (``a/b`` is either)."""
    slots = []
    for token in fold(phrase).split():
        stems = frozenset(stem(w, language) for alt in token.split("/") for w in _WORD.findall(alt))
        if stems:
            slots.append(stems)
    return tuple(slots)


def phrase_words(phrase: str, language: str = "en") -> int:
    """How many words a phrase has once normalised (0: it can never match)."""
    return len(_phrase(phrase, language))


def _found_at(slots: Sequence[frozenset[str]], text: Sequence[str], start: int) -> bool:
    if not slots:
        return True
    for index in range(start, min(len(text), start + GAP + 1)):
        if text[index] in slots[0] and _found_at(slots[1:], text, index + 1):
            return True
    return False


def matches(phrase: str, text_words: Sequence[str], language: str = "en") -> bool:
    """Whether ``phrase`` occurs in the (already split) answer."""
    slots = _phrase(phrase, language)
    if not slots:
        return False
    return any(
        word in slots[0] and _found_at(slots[1:], text_words, i + 1)
        for i, word in enumerate(text_words)
    )


def first_match(phrases: Iterable[str], text: str, language: str = "en") -> str | None:
    """The first of ``phrases`` found in ``text``, or None."""
    split = words(text, language)
    return next((p for p in phrases if matches(p, split, language)), None)
