"""Font per run of text: DejaVu for most scripts, the CJK font only where needed."""

from __future__ import annotations

from tcdesk.documents.fonts import CJK, SANS, markup, missing_glyphs, runs


def test_latin_greek_cyrillic_vietnamese_stay_in_dejavu() -> None:
    for name in (
        "Zoë Martínez-Reyes",
        "Ελένη Παπαδοπούλου",
        "Дмитрий Иванов",
        "Nguyễn Thị Thu Hằng",
    ):
        assert list(runs(name)) == [(SANS, name)]
        assert missing_glyphs(name) == ""


def test_cjk_runs_switch_font() -> None:
    assert list(runs("Ming 王 (小明)")) == [
        (SANS, "Ming "),
        (CJK, "王"),
        (SANS, " ("),
        (CJK, "小明"),
        (SANS, ")"),
    ]
    for name in ("王小明", "山田花子", "김민준", "佐藤 由美"):
        assert missing_glyphs(name) == ""
        assert all(font == CJK for font, piece in runs(name) if piece.strip())


def test_decomposed_accents_are_composed() -> None:
    decomposed = "Nguye\u0302\u0303n"
    assert list(runs(decomposed)) == [(SANS, "Nguyễn")]


def test_markup_escapes_xml() -> None:
    assert markup("<b>&") == "&lt;b&gt;&amp;"
    assert markup("李 <x>") == '<font name="TcCJK">李</font> &lt;x&gt;'


def test_missing_glyphs_reports_what_no_font_has() -> None:
    assert missing_glyphs("अनन्या") != ""
