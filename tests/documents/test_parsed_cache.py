"""Parsed drawings and fonts kept between runs: same PDF, and nothing but data read back."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from tcdesk.documents import fonts, images, parsed_cache
from tcdesk.documents.agreement_pdf import build_agreement_pdf
from tcdesk.documents.images import load_picture
from tcdesk.paths import assets_dir
from tests.documents.helpers import agreement

LOGO = assets_dir() / "brand" / "demo_logo.svg"
CALLS: list[str] = []


class Planted:
    """A cache entry that would call ``record`` when unpickled, if it were allowed to."""

    def __reduce__(self):
        return (record, ("planted code ran",))


def record(what: str) -> str:
    CALLS.append(what)
    return what


def fresh_process_pdf(tmp_path: Path) -> tuple[bytes, str]:
    """The standard agreement built in a new Python process, and which modules it loaded."""
    out = tmp_path / f"agreement-{len(list(tmp_path.iterdir()))}.pdf"
    script = (
        "import sys\n"
        "from tcdesk.documents.agreement_pdf import build_agreement_pdf\n"
        "from tests.documents.helpers import agreement\n"
        f"open({str(out)!r}, 'wb').write(build_agreement_pdf(agreement()))\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.read_bytes(), done.stdout


def test_a_new_process_draws_the_cached_logo_into_the_same_pdf(tmp_path: Path) -> None:
    assert not parsed_cache.entry_path("svg", LOGO.read_bytes(), images.svg_stamp()).exists()
    first, first_modules = fresh_process_pdf(tmp_path)
    assert parsed_cache.entry_path("svg", LOGO.read_bytes(), images.svg_stamp()).exists()
    second, second_modules = fresh_process_pdf(tmp_path)
    assert second == first
    assert "svglib" in first_modules.split()  # parsed once...
    assert "svglib" not in second_modules.split()  # ...then drawn from the cache
    dejavu = fonts.sans().path
    assert parsed_cache.entry_path("ttf0", dejavu.read_bytes()).exists()


def test_a_font_from_the_cache_is_the_font_reportlab_parses() -> None:
    path = fonts.sans().path
    parsed = fonts._register("TcTestParsed", path)  # this test's cache is empty: parsed
    cached = fonts._register("TcTestCached", path)  # now from the cache
    reference = TTFont("TcTestReference", str(path))
    for font in (parsed, cached):
        assert vars(font).keys() == vars(reference).keys()
        assert font.shapable == reference.shapable
        assert font._asciiReadable == reference._asciiReadable
        face, expected = vars(font.face), vars(reference.face)
        assert face.keys() == expected.keys()
        assert {k: v for k, v in face.items() if k != "_pdfScale"} == {
            k: v for k, v in expected.items() if k != "_pdfScale"
        }
        assert font.face._pdfScale(1234) == reference.face._pdfScale(1234)
        assert font.stringWidth("Zoë Martínez-Reyes $5,600.00", 10) == reference.stringWidth(
            "Zoë Martínez-Reyes $5,600.00", 10
        )


def test_other_bytes_are_another_entry() -> None:
    source = LOGO.read_bytes()
    changed = source.replace(b"#16697A", b"#16697B")
    assert parsed_cache.entry_path("svg", changed) != parsed_cache.entry_path("svg", source)
    assert parsed_cache.entry_path("font", source) != parsed_cache.entry_path("svg", source)


def test_a_planted_entry_runs_nothing_and_is_parsed_again(tmp_path: Path) -> None:
    entry = parsed_cache.entry_path("svg", LOGO.read_bytes(), images.svg_stamp())
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(pickle.dumps(Planted()))
    images._load_cached.cache_clear()
    picture = load_picture(LOGO, "logo")
    assert CALLS == []
    assert picture.drawing is not None
    parsed = images._parse_svg(str(LOGO), "logo")
    assert (picture.width, picture.height) == (parsed.width, parsed.height)
    # The planted entry was replaced by the real drawing.
    reread = parsed_cache._AllowedOnly(entry.read_bytes(), images._DRAWING_CLASSES).load()
    assert reread.width == parsed.width


def test_a_truncated_entry_is_parsed_again() -> None:
    source = LOGO.read_bytes()
    images._load_cached.cache_clear()
    load_picture(LOGO, "logo")
    entry = parsed_cache.entry_path("svg", source, images.svg_stamp())
    entry.write_bytes(entry.read_bytes()[:50])
    images._load_cached.cache_clear()
    assert load_picture(LOGO, "logo").drawing is not None
    assert len(entry.read_bytes()) > 50


def test_an_unwritable_cache_folder_still_prints(tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    images._load_cached.cache_clear()
    pdf = build_agreement_pdf(agreement())
    assert pdf.startswith(b"%PDF")


def test_only_listed_classes_are_built() -> None:
    allowed = {"builtins": frozenset({"print"})}  # a function, even when named: refused
    with pytest.raises(pickle.UnpicklingError):
        parsed_cache._AllowedOnly(pickle.dumps(print), allowed).load()
    with pytest.raises(pickle.UnpicklingError):
        parsed_cache._AllowedOnly(pickle.dumps(Planted()), images._DRAWING_CLASSES).load()


def test_another_svglib_is_another_entry(tmp_path: Path) -> None:
    source = LOGO.read_bytes()
    stamp = parsed_cache.installed_stamp("svglib")
    assert stamp.startswith("svglib/") and "svglib.py:" in stamp  # its files, not imported
    assert parsed_cache.entry_path("svg", source, stamp) != parsed_cache.entry_path(
        "svg", source, "svglib/svglib.py:1:2"
    )
    assert parsed_cache.installed_stamp("no_such_module_here") == ""
