"""Loading the scripted families (personas) from ``presentation_flows/training/personas/``.

Like flows, a broken file is refused with one line per problem naming the
file, the persona and the key, and the other files still load, so one typo
does not take every practice consult away. Step ids are checked against the
shipped flows: a line due on a step the flow does not have would never come.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tcdesk.errors import UserError
from tcdesk.services.training.persona_check import check_persona
from tcdesk.services.training.persona_errors import Fields, PersonaError, hint
from tcdesk.services.training.persona_model import Persona

if TYPE_CHECKING:
    from tcdesk.flows import Flow


def training_dir() -> Path:
    from tcdesk.paths import flows_dir

    return flows_dir() / "training"


def personas_dir() -> Path:
    return training_dir() / "personas"


def shipped_flows() -> dict[str, Flow]:
    from tcdesk.flows import load_flows
    from tcdesk.paths import flows_dir

    return load_flows(flows_dir()).flows


def flow_steps(flows: Mapping[str, Flow]) -> dict[str, frozenset[str]]:
    """Each flow's step ids, by flow id (what a persona's ``when`` may name)."""
    return {fid: frozenset(s.id for s in flow.steps) for fid, flow in flows.items()}


def shipped_flow_steps() -> dict[str, frozenset[str]]:
    return flow_steps(shipped_flows())


@dataclass
class PersonaLoadResult:
    personas: dict[str, Persona] = field(default_factory=dict)
    errors: list[PersonaError] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # key -> file


def persona_files(paths: Iterable[Path | str]) -> list[Path]:
    files: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            files.extend(sorted(p for p in item.glob("*.toml") if p.is_file()))
        else:
            files.append(item)
    return files


def check_persona_file(
    path: Path | str, flows: Mapping[str, frozenset[str]]
) -> tuple[Persona | None, list[PersonaError]]:
    """One file's persona (when valid) and every problem in it."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None, [PersonaError(path, "no such file")]
    except UnicodeDecodeError as error:
        return None, [PersonaError(path, f"not UTF-8 text (byte {error.start})")]
    except tomllib.TOMLDecodeError as error:
        return None, [PersonaError(path, f"TOML syntax error: {error}")]
    except OSError as error:
        return None, [PersonaError(path, f"cannot read the file: {error.strerror or error}")]
    fields = Fields(path)
    persona = check_persona(data, fields, flows)
    if persona is None:
        return None, fields.errors
    return _with_path(persona, path), []


def _with_path(persona: Persona, path: Path) -> Persona:
    from dataclasses import replace

    return replace(persona, path=path)


def load_personas(
    paths: Iterable[Path | str] | None = None,
    flows: Mapping[str, frozenset[str]] | None = None,
) -> PersonaLoadResult:
    """Every persona in ``paths`` (default: the shipped folder); never raises for a bad file."""
    flows = shipped_flow_steps() if flows is None else flows
    result = PersonaLoadResult()
    for path in persona_files(paths or [personas_dir()]):
        persona, errors = check_persona_file(path, flows)
        if persona is not None and persona.key in result.personas:
            first = result.files[persona.key]
            errors = [PersonaError(path, f"also used by {first}", persona=persona.key, key="key")]
        if errors:
            result.errors.extend(errors)
            continue
        assert persona is not None
        result.personas[persona.key] = persona
        result.files[persona.key] = path
    return result


def find_persona(name: str, result: PersonaLoadResult) -> Persona:
    """The persona called ``name`` (its key, or its file's name), or a one-line refusal."""
    persona = result.personas.get(name)
    if persona is None:
        by_file = (p for p in result.personas.values() if p.path and p.path.stem == name)
        persona = next(by_file, None)
    if persona is None:
        known = sorted(result.personas)
        raise UserError(
            f"no persona {name!r}{hint(name, known)}; the personas are: {', '.join(known)}"
        )
    return persona
