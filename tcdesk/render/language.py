"""The family's language: everything they see, in English or another language, as data.

English is what the flows and ``content/`` say. Another language is one
folder, ``presentation_flows/lang/<code>/``, and adding a folder adds the
language (no code changes):

- ``language.toml``: its own name, its English name and the babel locale
  that formats its money and dates (``es_US``: ``1 de diciembre de 2026``);
- ``content/conditions.toml`` and ``content/wording.toml``: the same keys as
  the English files, any of them;
- ``flows/<flow id>.toml``: one table per step id with the step's
  patient-facing fields (``title``, ``text``, ``bullets`` ...);
- ``options.toml``: the card words for each treatment type (the practice's
  fee schedule holds its own words in English only) and the longer ``details``
  the take-home summary prints after them;
- ``summary_text.toml`` and ``agreement_text.toml``/``agreement_terms.md.j2``
  for the printed documents.

Anything a language leaves out is shown in English, and ``missing_strings``
lists it (``tcdesk flows check`` prints it), so a half-done translation still
gives a whole slide and a clear to-do list.
"""

from __future__ import annotations

import copy
import string
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tcdesk.errors import UserError
from tcdesk.render.content import DEFAULT_WORDING, ConditionText, Content, flatten
from tcdesk.render.timeline import build_timeline

ENGLISH = "en"
LANGUAGE_FORMAT = 1
LANGUAGE_FILE = "language.toml"
# A step's fields the family reads: the only ones a language file may give.
STEP_TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "subtitle",
    "text",
    "bullets",
    "image_caption",
    "attribution",
    "recommended_label",
    "footnote",
    "choices",
    "agenda",
)
_LIST_FIELDS = frozenset({"bullets", "choices"})
# "description" is the card's one sentence; "details" the paragraph after it that the
# take-home summary prints too (the English fee schedule holds both in one text)
OPTION_FIELDS: tuple[str, ...] = ("title", "description", "details")


class LanguageError(UserError):
    """A problem in a language's files: ``<file>: <message>``."""


@dataclass(frozen=True)
class Language:
    """One language of the family's screen and papers; English has no folder."""

    code: str
    name: str  # in the language itself: "Español"
    english_name: str  # "Spanish"
    locale: str  # babel: "es_US"
    content: Content
    folder: Path | None = None
    # flow id -> step id -> field -> text (or a list of texts)
    steps: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)
    # treatment type -> {"title", "description", "details"}
    options: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # what the files left out, each "<file>: <what>" (English is shown instead)
    gaps: tuple[str, ...] = ()

    @property
    def is_english(self) -> bool:
        return self.folder is None

    @property
    def label(self) -> str:
        """How the TC sees it named: "Español (Spanish)", "English"."""
        if self.name == self.english_name:
            return self.name
        return f"{self.name} ({self.english_name})"

    def file(self, relative: str) -> Path | None:
        """A file of this language's folder, when it has one."""
        if self.folder is None:
            return None
        path = self.folder / relative
        return path if path.is_file() else None

    # -- the slides -------------------------------------------------------------------

    def step(self, flow_id: str, step: Any) -> Any:
        """``step`` (a flow's ``Step``) with this language's words where it has them."""
        texts = self.steps.get(flow_id, {}).get(step.id)
        if not texts:
            return step
        return replace(step, **{k: v for k, v in texts.items() if hasattr(step, k)})

    def flow(self, flow: Any) -> Any:
        """A flow with every step in this language (English where a word is missing)."""
        if self.is_english or flow.id not in self.steps:
            return flow
        return replace(flow, steps=tuple(self.step(flow.id, s) for s in flow.steps))

    def localize(self, context: Mapping[str, Any]) -> dict[str, Any]:
        """The English render context in this language: the words tcdesk puts around
        the family's data (findings, options, timeline, payment names). The family's
        own words, names and figures stay as they are."""
        localized = copy.deepcopy(dict(context))
        if self.is_english:
            return localized
        by_id: dict[str, dict[str, Any]] = {}
        for option in localized.get("options") or []:
            self._localize_option(option)
            by_id[str(option.get("id"))] = option
        for key in ("recommended", "chosen", "featured"):
            found = localized.get(key)
            if isinstance(found, dict):
                localized[key] = by_id.get(str(found.get("id")), found)
                if localized[key] is found:
                    self._localize_option(found)
        localized["findings"] = [
            {**f, **self.content.describe_finding(f["code"], f["severity"])}
            for f in localized.get("findings") or []
        ]
        investment = localized.get("investment")
        if isinstance(investment, dict):
            featured = localized.get("featured")
            if isinstance(featured, dict):
                investment["option_title"] = featured.get("title", "")
            for choice in investment.get("choices") or []:
                choice["label"] = self._choice_label(str(choice.get("key")))
        timeline = localized.get("timeline")
        if isinstance(timeline, dict) and "start" in timeline:
            featured = localized.get("featured") or {}
            localized["timeline"] = build_timeline(
                timeline["start"],
                int(timeline.get("months") or 0),
                int(timeline.get("visit_weeks") or 0),
                self.content,
                treatment_type=str(featured.get("type") or ""),
                locale=self.locale,
            )
        return localized

    def _localize_option(self, option: dict[str, Any]) -> None:
        words = self.options.get(str(option.get("type")))
        if not words:
            return
        if words.get("title"):
            option["title"] = words["title"]
        if words.get("description"):
            option["description"] = words["description"]
            option["lines"] = [ln.strip() for ln in words["description"].splitlines() if ln.strip()]

    def _choice_label(self, key: str) -> str:
        wording_key = f"investment.label_{key}"
        if wording_key in self.content.wording:
            return self.content.word(wording_key)
        return self.content.word("investment.label_custom")


@dataclass(frozen=True)
class Languages:
    """Every language found, English first; ``get`` falls back to English."""

    by_code: Mapping[str, Language]

    @property
    def english(self) -> Language:
        return self.by_code[ENGLISH]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.by_code)

    def get(self, code: str | None) -> Language:
        """The language ``code`` ("es", "es_US", "Spanish"...), English when there is none."""
        return self.find(code) or self.english

    def find(self, code: str | None) -> Language | None:
        wanted = str(code or "").strip().lower().replace("-", "_")
        if not wanted:
            return None
        for language in self.by_code.values():
            names = {language.code, language.locale.lower(), language.english_name.lower()}
            if wanted in names or wanted.split("_")[0] == language.code:
                return language
        return None

    def after(self, code: str) -> Language:
        """The next language after ``code`` (the console's toggle goes round them)."""
        codes = list(self.by_code)
        current = self.get(code).code
        return self.by_code[codes[(codes.index(current) + 1) % len(codes)]]

    def gaps(self) -> list[str]:
        return [gap for language in self.by_code.values() for gap in language.gaps]


def load_languages(
    lang_dir: Path | str | None,
    english: Content,
    flows: Iterable[Any] = (),
) -> Languages:
    """English (``english``) and every language folder in ``lang_dir``.

    ``flows`` are the English flows: what a language leaves out of them is
    listed in its ``gaps``. A broken language file raises ``LanguageError``.
    """
    english_language = Language(
        code=ENGLISH, name="English", english_name="English", locale="en_US", content=english
    )
    found: dict[str, Language] = {ENGLISH: english_language}
    folder = Path(lang_dir) if lang_dir is not None else None
    flows = list(flows)
    if folder is not None and folder.is_dir():
        for sub in sorted(p for p in folder.iterdir() if (p / LANGUAGE_FILE).is_file()):
            language = load_language(sub, english, flows)
            found[language.code] = language
    return Languages(MappingProxyType(found))


def load_language(folder: Path, english: Content, flows: Sequence[Any] = ()) -> Language:
    """One language folder; see the module's docstring for what it holds."""
    folder = Path(folder)
    meta = _toml(folder / LANGUAGE_FILE)
    code = str(meta.get("code") or folder.name).strip().lower()
    for key in ("name", "english_name", "locale"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise LanguageError(f"{folder / LANGUAGE_FILE}: key '{key}' is missing")
    _check_locale(folder / LANGUAGE_FILE, meta["locale"])
    gaps: list[str] = []
    content = _content(folder / "content", english, gaps)
    steps: dict[str, dict[str, dict[str, Any]]] = {}
    for flow in flows:
        path = folder / "flows" / f"{flow.id}.toml"
        steps[flow.id] = _flow_texts(path, flow, gaps)
    options = _options(folder / "options.toml", gaps)
    return Language(
        code=code,
        name=meta["name"].strip(),
        english_name=meta["english_name"].strip(),
        locale=meta["locale"].strip(),
        content=content,
        folder=folder,
        steps=MappingProxyType(steps),
        options=MappingProxyType(options),
        gaps=tuple(gaps),
    )


# -- reading the files ------------------------------------------------------------------


def _toml(path: Path, *, required: bool = True) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if required:
            raise LanguageError(f"{path}: no such file") from None
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise LanguageError(f"{path}: cannot read the file: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise LanguageError(f"{path}: TOML syntax error: {error}") from None
    if data.get("format", LANGUAGE_FORMAT) != LANGUAGE_FORMAT:
        raise LanguageError(
            f"{path}: format {data.get('format')!r} is not supported "
            f"(this tcdesk reads format {LANGUAGE_FORMAT})"
        )
    data.pop("format", None)
    return data


def _check_locale(path: Path, locale: str) -> None:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(locale)
    except (ValueError, UnknownLocaleError):
        raise LanguageError(f"{path}: key 'locale': babel knows no locale {locale!r}") from None


def _content(folder: Path, english: Content, gaps: list[str]) -> Content:
    """English's content with this language's words laid over it; what is left out, a gap."""
    conditions_path = folder / "conditions.toml"
    data = _toml(conditions_path, required=False)
    severity = dict(english.severity_labels)
    raw_severity = data.get("severity") or {}
    for name in english.severity_labels:
        if isinstance(raw_severity.get(name), str):
            severity[name] = raw_severity[name]
        else:
            gaps.append(f"{conditions_path}: key 'severity.{name}': not translated")
    conditions: dict[str, ConditionText] = {}
    raw_conditions = data.get("conditions") or {}
    for code, base in english.conditions.items():
        raw = raw_conditions.get(code) or {}
        texts = {}
        for key in ("label", "what_it_is", "if_untreated"):
            value = raw.get(key)
            if isinstance(value, str) and value.strip():
                texts[key] = value
            else:
                texts[key] = getattr(base, key)
                gaps.append(f"{conditions_path}: key 'conditions.{code}.{key}': not translated")
        by_severity: dict[str, dict[str, str]] = {}
        for level, special in base.by_severity.items():
            mine = raw.get(level) or {}
            by_severity[level] = {}
            for key, text in special.items():
                if isinstance(mine.get(key), str) and mine[key].strip():
                    by_severity[level][key] = mine[key]
                else:
                    by_severity[level][key] = text
                    gaps.append(
                        f"{conditions_path}: key 'conditions.{code}.{level}.{key}': not translated"
                    )
        conditions[code] = ConditionText(code, by_severity=by_severity, **texts)
    wording_path = folder / "wording.toml"
    raw_wording = dict(flatten(_toml(wording_path, required=False)))
    wording = dict(english.wording)
    for key, (_default, allowed) in DEFAULT_WORDING.items():
        value = raw_wording.pop(key, None)
        if value is None:
            if english.wording.get(key):
                gaps.append(f"{wording_path}: key '{key}': not translated")
            continue
        if not isinstance(value, str):
            raise LanguageError(f"{wording_path}: key '{key}': must be text")
        used = {name for _, name, _, _ in string.Formatter().parse(value) if name}
        if used - set(allowed):
            can = ", ".join("{" + a + "}" for a in allowed) or "none"
            raise LanguageError(
                f"{wording_path}: key '{key}': unknown placeholder "
                f"{', '.join('{' + u + '}' for u in sorted(used - set(allowed)))} "
                f"(this text may use: {can})"
            )
        wording[key] = value
    if raw_wording:
        raise LanguageError(f"{wording_path}: key '{sorted(raw_wording)[0]}': unknown key")
    return Content(conditions=conditions, severity_labels=severity, wording=wording)


def _flow_texts(path: Path, flow: Any, gaps: list[str]) -> dict[str, dict[str, Any]]:
    data = _toml(path, required=False)
    if not data:
        gaps.append(f"{path}: no such file: flow '{flow.id}' is shown in English")
        return {}
    known = {step.id: step for step in flow.steps}
    for step_id in data:
        if step_id not in known:
            raise LanguageError(f"{path}: step '{step_id}': flow '{flow.id}' has no such step")
    texts: dict[str, dict[str, Any]] = {}
    for step in flow.steps:
        raw = data.get(step.id) or {}
        for key in raw:
            if key not in STEP_TEXT_FIELDS:
                raise LanguageError(
                    f"{path}: step '{step.id}' key '{key}': not a text the family reads "
                    f"(one of {', '.join(STEP_TEXT_FIELDS)})"
                )
        mine: dict[str, Any] = {}
        for key in STEP_TEXT_FIELDS:
            english = getattr(step, key, None)
            if not english:
                continue
            value = raw.get(key)
            if key in _LIST_FIELDS:
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    if len(value) != len(english):
                        raise LanguageError(
                            f"{path}: step '{step.id}' key '{key}': {len(value)} items, "
                            f"the flow has {len(english)}"
                        )
                    mine[key] = tuple(value)
                    continue
            elif isinstance(value, str):
                mine[key] = value
                continue
            gaps.append(f"{path}: step '{step.id}' key '{key}': not translated")
        if mine:
            texts[step.id] = mine
    return texts


def _options(path: Path, gaps: list[str]) -> dict[str, dict[str, str]]:
    from tcdesk.domain import TreatmentType

    data = _toml(path, required=False)
    found: dict[str, dict[str, str]] = {}
    for kind in TreatmentType:
        raw = data.get(kind.value) or {}
        words = {k: raw[k] for k in OPTION_FIELDS if isinstance(raw.get(k), str) and raw[k]}
        for key in OPTION_FIELDS:
            if key not in words:
                gaps.append(f"{path}: key '{kind.value}.{key}': not translated")
        found[kind.value] = words
    return found


def step_text_fields(step: Any) -> dict[str, Any]:
    """A step's patient-facing texts (for reporting and tests)."""
    names = {f.name for f in fields(step)}
    return {k: getattr(step, k) for k in STEP_TEXT_FIELDS if k in names and getattr(step, k)}
