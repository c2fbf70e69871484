"""Languages are folders: a made-up third one renders a consult with no code changes,
and whatever it leaves out is shown in English and reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.paths import flows_dir
from tcdesk.render.language import LanguageError, load_languages
from tcdesk.render.slide import SlideKind
from tcdesk.services.consult_room import ConsultRoom, PresentationKit

FIXTURE = Path(__file__).parent.parent / "fixtures" / "lang" / "xx"
ZOE = "3bf25559-c9cf-559c-9639-5da37ae56471"  # insured teen, teen_comprehensive


@pytest.fixture
def lang_dir(tmp_path: Path) -> Path:
    """The shipped languages plus the fixture's, copied in as a practice would."""
    target = tmp_path / "lang"
    shutil.copytree(flows_dir() / "lang", target)
    shutil.copytree(FIXTURE, target / "xx")
    return target


def test_a_third_language_renders_a_consult_from_its_files_alone(demo_desk, lang_dir) -> None:
    kit = PresentationKit.load(lang_dir)
    assert kit.languages.codes == ("en", "es", "xx")
    room = ConsultRoom(demo_desk, ZOE, kit, record=False, language="xx")
    english = room.deck_in("en")
    by_kind = {s.kind: s for s in room.slides}
    welcome = by_kind[SlideKind.WELCOME]
    assert welcome.title.startswith("Bonjour, ") and welcome.title.endswith(" !")
    # the welcome's text is not in the file: the English one is shown, never a gap
    texts = [b.html for b in welcome.blocks if hasattr(b, "html")]
    assert texts and texts == [b.html for b in english[0].blocks if hasattr(b, "html")]
    timeline = by_kind[SlideKind.TIMELINE].blocks[0].html
    # the language's locale formats money and dates: babel's fr_FR, not en_US
    assert "Fini vers " in timeline and "$US" in timeline
    assert any(
        m in timeline
        for m in (
            "janv.",
            "févr.",
            "mars",
            "avr.",
            "mai",
            "juin",
            "juil.",
            "août",
            "sept.",
            "oct.",
            "nov.",
            "déc.",
        )
    )
    options = next(b for b in by_kind[SlideKind.OPTIONS].blocks if hasattr(b, "cards"))
    assert options.cards[0].months.startswith("Environ ")
    # no options.toml: the practice's own (English) card titles
    english_options = next(b for b in english[3].blocks if hasattr(b, "cards"))
    assert [c.title for c in options.cards] == [c.title for c in english_options.cards]


def test_what_a_language_leaves_out_is_listed(lang_dir) -> None:
    kit = PresentationKit.load(lang_dir)
    gaps = kit.languages.by_code["xx"].gaps
    assert any("teen_comprehensive.toml: step 'welcome' key 'text'" in g for g in gaps)
    assert any("wording.toml: key 'options.visits'" in g for g in gaps)
    assert any("adult_aligners.toml: no such file" in g for g in gaps)
    assert not any("key 'options.months'" in g for g in gaps)
    assert kit.languages.by_code["es"].gaps == ()  # the shipped Spanish is whole


def test_flows_check_reports_the_missing_strings(tmp_path, lang_dir, capsys) -> None:
    folder = tmp_path / "flows"
    shutil.copytree(flows_dir(), folder, ignore=shutil.ignore_patterns("lang"))
    shutil.copytree(lang_dir, folder / "lang")
    assert main(["flows", "check", str(folder)]) == 0  # a gap is a to-do, not an error
    out = capsys.readouterr().out.splitlines()
    missing = [line for line in out if line.startswith("missing: ")]
    assert any("step 'welcome' key 'text': not translated (English is shown)" in m for m in missing)
    assert all("/xx/" in m for m in missing)
    assert any(line.startswith("ok: ") and "Testais (Test French)" in line for line in out)


def test_a_step_the_flow_does_not_have_is_an_error(tmp_path, lang_dir, capsys) -> None:
    broken = lang_dir / "xx" / "flows" / "teen_comprehensive.toml"
    broken.write_text(broken.read_text() + '\n[welcom]\ntitle = "x"\n', encoding="utf-8")
    kit = PresentationKit.load()
    with pytest.raises(LanguageError, match="step 'welcom': flow 'teen_comprehensive'"):
        load_languages(lang_dir, kit.content, kit.flows.values())
