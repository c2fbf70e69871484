"""The fonts printed documents embed, and picking one per run of text.

Every font is a TrueType file registered with reportlab, so it is embedded
(subset) in the PDF: nothing depends on the printer's or viewer's fonts.

- DejaVu Sans and DejaVu Sans Bold (Debian ``fonts-dejavu-core``): Latin with
  accents, Greek, Cyrillic and Vietnamese.
- WenQuanYi Zen Hei (Debian ``fonts-wqy-zenhei``, a .ttc with TrueType
  outlines): Chinese, Japanese kana and Korean Hangul. reportlab cannot embed
  the CFF outlines of Noto CJK, and its built-in CID fonts are never
  embedded, so this one is used. It is loaded only when a text needs it.

``markup(text)`` escapes text for a reportlab ``Paragraph`` and wraps each
run of characters DejaVu lacks in ``<font name=...>`` for the CJK font, so a
name like 王小明 never prints as empty boxes. Registration is process-wide in
reportlab; it happens once and is cached here. What parsing a font file gives
(its metrics and character map, 15-30 ms a file; 0.2 s for the CJK one) is
also kept between runs by the SHA-256 of the file (``parsed_cache``); the
font's bytes themselves are read from the file each time.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace, unShapedFontGlob

from tcdesk.documents import parsed_cache
from tcdesk.errors import UserError
from tcdesk.paths import assets_dir

SANS = "TcSans"
SANS_BOLD = "TcSans-Bold"
CJK = "TcCJK"

_DEJAVU_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
_DEJAVU_DIRS = (
    "fonts",  # inside assets/, when a build bundles the fonts
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/TTF",  # Arch
    "/usr/share/fonts/dejavu",
)
_CJK_FILE = "wqy-zenhei.ttc"
_CJK_DIRS = ("fonts", "/usr/share/fonts/truetype/wqy", "/usr/share/fonts/wqy-zenhei")

_ALWAYS_PLAIN = frozenset("\n\r\t ")


@dataclass(frozen=True)
class FontFace:
    name: str
    path: Path
    covers: frozenset[int]


def _find(file_name: str, folders: tuple[str, ...]) -> Path | None:
    for folder in folders:
        base = Path(folder)
        if not base.is_absolute():
            base = assets_dir() / base
        candidate = base / file_name
        if candidate.is_file():
            return candidate
    return None


# A parsed face is plain values and the font's name strings (a bytes subclass).
_FACE_CLASSES = {"reportlab.pdfbase.ttfonts": frozenset({"TTFNameBytes"})}
_NOT_KEPT = ("_ttf_data", "_pdfScale")  # the file's bytes (read anew) and a lambda


def _register(name: str, path: Path, subfont_index: int = 0) -> TTFont:
    try:
        data = path.read_bytes()
        state = parsed_cache.cached(
            f"ttf{subfont_index}",
            data,
            lambda: _parsed_face(path, data, subfont_index),
            allowed=_FACE_CLASSES,
        )
        font = _font(name, path, data, state)
    except (TTFError, OSError) as error:
        raise UserError(f"The font file {path} can't be used: {error}") from None
    pdfmetrics.registerFont(font)
    return font


def _parsed_face(path: Path, data: bytes, subfont_index: int) -> dict[str, Any]:
    """reportlab's parse of the font: its face's attributes, but for ``_NOT_KEPT``."""
    face = TTFontFace(_NamedBytes(data, str(path)), subfontIndex=subfont_index)
    return {key: value for key, value in vars(face).items() if key not in _NOT_KEPT}


class _NamedBytes:
    """The file's bytes as the file object reportlab reads (it keeps ``name``)."""

    def __init__(self, data: bytes, name: str) -> None:
        self._data = data
        self.name = name

    def read(self) -> bytes:
        return self._data


def _font(name: str, path: Path, data: bytes, state: dict[str, Any]) -> TTFont:
    """The ``TTFont`` that ``TTFont(name, path)`` makes, from a parsed face's attributes.

    As ``TTFont.__init__`` does it (reportlab 4-5); the cache's name carries
    reportlab's version, and tests check the result against ``TTFont`` itself.
    """
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(state)
    face._ttf_data = data
    face.filename = str(path)
    per_unit = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * per_unit)
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


@functools.cache
def sans() -> FontFace:
    """Register DejaVu Sans (regular and bold) once; the face of the regular one."""
    paths = [_find(name, _DEJAVU_DIRS) for name in _DEJAVU_FILES]
    missing = [name for name, path in zip(_DEJAVU_FILES, paths, strict=True) if path is None]
    if missing:
        raise UserError(
            f"The font {', '.join(missing)} is not installed; documents need DejaVu Sans "
            "(Debian/Ubuntu package fonts-dejavu-core)."
        )
    regular, bold = paths
    assert regular is not None and bold is not None
    font = _register(SANS, regular)
    _register(SANS_BOLD, bold)
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )
    return FontFace(SANS, regular, frozenset(font.face.charToGlyph))


@functools.cache
def cjk() -> FontFace | None:
    """Register the CJK font once (about 0.2 s); None when it is not installed."""
    path = _find(_CJK_FILE, _CJK_DIRS)
    if path is None:
        return None
    font = _register(CJK, path, subfont_index=0)
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
    return FontFace(CJK, path, frozenset(font.face.charToGlyph))


def font_for(char: str) -> str | None:
    """The font that has a glyph for ``char`` (DejaVu first), or None if none does."""
    code = ord(char)
    if char in _ALWAYS_PLAIN or code in sans().covers:
        return SANS
    other = cjk() if _may_be_cjk(code) else None
    if other is not None and code in other.covers:
        return CJK
    return None


def _may_be_cjk(code: int) -> bool:
    """Cheap pre-check so Latin text never loads the CJK font."""
    return (
        0x1100 <= code <= 0x11FF  # Hangul Jamo
        or 0x2E80 <= code <= 0x9FFF  # CJK radicals, punctuation, kana, Hangul jamo, ideographs
        or 0xA960 <= code <= 0xA97F
        or 0xAC00 <= code <= 0xD7FF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF
    )


def missing_glyphs(text: str) -> str:
    """The characters of ``text`` that no installed font can print (empty: all fine)."""
    seen: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if font_for(char) is None and char not in seen:
            seen.append(char)
    return "".join(seen)


def needs_cjk_font(text: str) -> bool:
    return any(_may_be_cjk(ord(char)) and ord(char) not in sans().covers for char in text)


def runs(text: str) -> Iterator[tuple[str, str]]:
    """``(font name, text)`` pieces of ``text`` (NFC), each printable in its font.

    Characters no font covers stay in the base font (they would print as a
    box); ``missing_glyphs`` finds them beforehand.
    """
    text = unicodedata.normalize("NFC", text)
    current = SANS
    piece: list[str] = []
    for char in text:
        font = font_for(char) or SANS
        if font != current and piece:
            yield current, "".join(piece)
            piece = []
        current = font
        piece.append(char)
    if piece:
        yield current, "".join(piece)


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` does.

    Not that function itself: importing it loads ``urllib.request`` (about 15 ms
    of every ``tcdesk agreement``).
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str) -> str:
    """``text`` escaped for a ``Paragraph``, with CJK runs in the CJK font."""
    if text.isascii():
        return escape(text)
    parts = []
    for font, piece in runs(text):
        if font == SANS:
            parts.append(escape(piece))
        else:
            parts.append(f'<font name="{font}">{escape(piece)}</font>')
    return "".join(parts)


def string_width(text: str, size: float, font: str = SANS) -> float:
    """Width of ``text`` drawn run by run (the base font may be bold)."""
    total = 0.0
    for run_font, piece in runs(text):
        total += pdfmetrics.stringWidth(piece, font if run_font == SANS else run_font, size)
    return total


def draw_string(canvas, x: float, y: float, text: str, size: float, font: str = SANS) -> float:
    """Draw ``text`` on a canvas run by run from ``x``; returns the end x."""
    for run_font, piece in runs(text):
        name = font if run_font == SANS else run_font
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, name, size)
    return x
