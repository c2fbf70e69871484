"""The illustrations load in both renderers the app uses: QtSvg (screens) and svglib (PDFs).

The code lists are literal on purpose: they must not depend on the domain enums,
so a renamed code shows up here as a missing file, not as a silently smaller list.
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

# QSvgRenderer needs no QGuiApplication. Fall back to the offscreen platform only
# when there is no display: under pytest-xvfb the rest of the session keeps xcb.
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from svglib.svglib import svg2rlg

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 15 * 1024

CONDITION_CODES = [
    "crowding",
    "spacing",
    "deep_bite",
    "open_bite",
    "overjet",
    "underbite",
    "crossbite",
    "midline_shift",
    "impacted",
    "missing",
]
PHASES = ["records", "start", "active", "finishing", "retainers"]
OPTION_TYPES = [
    "metal_braces",
    "clear_braces",
    "clear_aligners",
    "phase_one",
    "phase_two",
    "limited",
    "surgical",
    "observation",
]
# Pictures the shipped flows name (``image = ...``): wide, to sit beside or below bullets.
CARE = ["braces", "aligners", "two_phases"]

# (path relative to assets/, expected viewBox, text allowed)
FILES: list[tuple[str, str | None, bool]] = (
    [(f"illustrations/conditions/{c}.svg", "0 0 800 500", False) for c in CONDITION_CODES]
    + [(f"illustrations/phases/{p}.svg", "0 0 200 200", False) for p in PHASES]
    + [(f"illustrations/options/{o}.svg", "0 0 300 200", False) for o in OPTION_TYPES]
    + [(f"illustrations/care/{c}.svg", "0 0 800 320", False) for c in CARE]
    + [("brand/demo_logo.svg", None, True), ("brand/tcdesk_icon.svg", "0 0 256 256", False)]
)

# Outside what both QtSvg (SVG 1.2 Tiny) and svglib draw reliably.
FORBIDDEN_TAGS = {"style", "filter", "mask", "clipPath", "image", "script", "foreignObject"}

IDS = [rel for rel, _, _ in FILES]


@pytest.mark.parametrize("code", CONDITION_CODES)
def test_every_condition_code_has_an_illustration(code: str) -> None:
    assert (ASSETS / "illustrations" / "conditions" / f"{code}.svg").is_file()


def test_every_treatment_type_has_an_option_icon() -> None:
    # The options slide shows options/<treatment_type>.svg; a missing one falls back to a
    # small generic glyph on the family's screen.
    from tcdesk.domain.enums import TreatmentType

    missing = [
        t.value
        for t in TreatmentType
        if not (ASSETS / "illustrations" / "options" / f"{t.value}.svg").is_file()
    ]
    assert missing == []
    assert sorted(OPTION_TYPES) == sorted(t.value for t in TreatmentType)


def test_every_illustration_is_checked_here() -> None:
    # A new drawing gets the same checks as the others (viewBox, SVG Tiny, no text).
    on_disk = sorted(
        p.relative_to(ASSETS).as_posix() for p in (ASSETS / "illustrations").rglob("*.svg")
    )
    assert on_disk == sorted(rel for rel in IDS if rel.startswith("illustrations/"))


@pytest.mark.parametrize(("rel", "view_box", "text_allowed"), FILES, ids=IDS)
def test_svg_is_plain_svg_tiny(rel: str, view_box: str | None, text_allowed: bool) -> None:
    path = ASSETS / rel
    assert path.stat().st_size < MAX_BYTES, f"{rel} is {path.stat().st_size} bytes"
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    if view_box is not None:
        assert root.get("viewBox") == view_box
    else:
        assert len(root.get("viewBox", "").split()) == 4
    for el in root.iter():
        tag = el.tag.removeprefix(SVG_NS)
        assert tag not in FORBIDDEN_TAGS, f"{rel}: <{tag}>"
        assert "style" not in el.attrib, f"{rel}: use presentation attributes, not style="
        for attr in ("filter", "mask", "clip-path"):
            assert attr not in el.attrib, f"{rel}: {attr}="
        for name, value in el.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), f"{rel}: external reference {value}"
        if not text_allowed:
            # captions come from the app (and its translations), never from the drawing
            assert tag != "text", f"{rel}: text inside the drawing"


@pytest.mark.parametrize(("rel", "view_box", "text_allowed"), FILES, ids=IDS)
def test_qtsvg_accepts_it(rel: str, view_box: str | None, text_allowed: bool) -> None:
    renderer = QSvgRenderer(str(ASSETS / rel))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    declared = view_box or ET.parse(ASSETS / rel).getroot().get("viewBox")
    assert declared is not None, f"{rel} has no viewBox"
    # Qt reads the picture's own box (the layout fits pictures by its aspect).
    assert (box.x(), box.y(), box.width(), box.height()) == tuple(map(float, declared.split()))


@pytest.mark.parametrize(("rel", "view_box", "text_allowed"), FILES, ids=IDS)
def test_it_draws_a_picture(qapp, rel: str, view_box: str | None, text_allowed: bool) -> None:
    """Rendered, it covers a fair part of its box in several colours: not blank, not a blob."""
    renderer = QSvgRenderer(str(ASSETS / rel))
    box = renderer.viewBoxF()
    width = 240
    height = max(1, round(width * box.height() / box.width()))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    covered = 0
    colours: set[int] = set()
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200:
                covered += 1
                colours.add(pixel.rgb() & 0xF0F0F0)  # near-equal shades count once
    share = covered / ((width // 2) * ((height + 1) // 2))
    assert 0.05 < share < 0.95, f"{rel} covers {share:.0%} of its box"
    assert len(colours) >= 3, f"{rel} draws in {len(colours)} colour(s)"


@pytest.mark.parametrize(("rel", "view_box", "text_allowed"), FILES, ids=IDS)
def test_svglib_converts_it_without_warnings(
    rel: str, view_box: str | None, text_allowed: bool, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        drawing = svg2rlg(str(ASSETS / rel))
    assert drawing is not None
    assert drawing.width > 0 and drawing.height > 0
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == []
