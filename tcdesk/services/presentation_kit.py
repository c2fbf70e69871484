"""What every consult presented in one run shares: the flows, the content, the renderer,
and the languages the family's screen can speak (English first)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from tcdesk.flows import Flow, FlowError
from tcdesk.render import Content, Renderer
from tcdesk.render.language import Language, Languages, load_languages

LANG_FOLDER = "lang"  # presentation_flows/lang/<code>/


@dataclass(frozen=True)
class PresentationKit:
    """Loaded once at start-up and shared by every consult presented in this run."""

    flows: dict[str, Flow]
    flow_errors: tuple[FlowError, ...]
    content: Content
    renderer: Renderer
    languages: Languages | None = None
    # language code -> its renderer and its flows (English: ``renderer`` and ``flows``)
    renderers: Mapping[str, Renderer] = field(default_factory=dict)
    translated: Mapping[str, dict[str, Flow]] = field(default_factory=dict)

    @classmethod
    def load(cls, lang_dir: Path | None = None) -> PresentationKit:
        from tcdesk.flows import load_flows
        from tcdesk.paths import assets_dir, flows_dir
        from tcdesk.render import load_content
        from tcdesk.services.presentation import check_flow_rendering

        # A flow naming a missing picture is left out like a broken one, and reported.
        result = load_flows(flows_dir(), assets=assets_dir())
        content = load_content()
        renderer = Renderer(content, assets_dir())
        flows = {}
        errors = list(result.errors)
        for flow_id, flow in result.flows.items():
            problems = check_flow_rendering(flow, renderer)
            if problems:
                errors.extend(problems)
            else:
                flows[flow_id] = flow
        languages = load_languages(lang_dir or flows_dir() / LANG_FOLDER, content, flows.values())
        kit = cls.with_languages(flows, tuple(errors), content, renderer, languages)
        return kit.checked()

    def checked(self) -> PresentationKit:
        """This kit with every translated flow test-rendered; one that fails is shown in
        English (its problems join ``flow_errors``), never half-drawn."""
        from tcdesk.services.presentation import check_flow_rendering

        if self.languages is None:
            return self
        errors = list(self.flow_errors)
        translated = dict(self.translated)
        for code, language in self.languages.by_code.items():
            if language.is_english:
                continue
            flows = dict(translated[code])
            for flow_id, flow in flows.items():
                problems = check_flow_rendering(flow, self.renderers[code], language)
                if problems:
                    errors.extend(problems)
                    flows[flow_id] = self.flows[flow_id]
            translated[code] = flows
        return replace(self, flow_errors=tuple(errors), translated=translated)

    @classmethod
    def with_languages(
        cls,
        flows: dict[str, Flow],
        errors: tuple[FlowError, ...],
        content: Content,
        renderer: Renderer,
        languages: Languages,
    ) -> PresentationKit:
        renderers: dict[str, Renderer] = {}
        translated: dict[str, dict[str, Flow]] = {}
        for code, language in languages.by_code.items():
            if language.is_english:
                renderers[code], translated[code] = renderer, flows
                continue
            renderers[code] = Renderer.for_language(language, renderer.assets)
            translated[code] = {fid: language.flow(f) for fid, f in flows.items()}
        return cls(
            flows=flows,
            flow_errors=errors,
            content=content,
            renderer=renderer,
            languages=languages,
            renderers=renderers,
            translated=translated,
        )

    def marked(self, words: Mapping[str, str]) -> PresentationKit:
        """This kit with a corner mark on every slide, in each language's word
        (``words`` by language code; English's word for a language not given)."""
        english = words.get("en", "")
        renderers = {
            code: renderer.marked(words.get(code, english))
            for code, renderer in self.renderers.items()
        }
        return replace(self, renderer=self.renderer.marked(english), renderers=renderers)

    def language(self, code: str | None) -> Language:
        """The language ``code`` (English when the kit has no such language)."""
        if self.languages is None:
            from tcdesk.render.language import load_languages

            return load_languages(None, self.content).english
        return self.languages.get(code)

    def renderer_for(self, code: str | None) -> Renderer:
        return self.renderers.get(self.language(code).code, self.renderer)

    def flows_in(self, code: str | None) -> dict[str, Flow]:
        return self.translated.get(self.language(code).code, self.flows)
