"""The frame around a slide's body: title and accent, footer, the welcome's hero.

Content slides carry the title top left and, in the footer, whose slide and
whose practice it is. The welcome is a calm, centred opening with the logo as
its hero. A slide of words and one picture sets them side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QRectF, Qt

from tcdesk.render.slide import Block, BulletsBlock, ImageBlock, Slide, TextBlock
from tcdesk.ui.painting import style as S
from tcdesk.ui.painting.blocks import CENTER, LEFT, Ctx
from tcdesk.ui.painting.body import BLOCK_GAP, block_layouts, build_blocks
from tcdesk.ui.painting.elements import Element, Fixed, Flex, Gap, Text
from tcdesk.ui.painting.fitting import fit_stack, minimum_height, natural_height, place_stack
from tcdesk.ui.painting.ops import ImageOp, Op, RectOp
from tcdesk.ui.painting.style import SAFE, Palette
from tcdesk.ui.painting.text import WIDTH_SLACK as SLACK
from tcdesk.ui.painting.text import text_op

HERO_LOGO_BOX = (720.0, 220.0)


def _accent(palette: Palette, width: float = 96.0, centred: bool = False):
    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        x = rect.center().x() - width / 2 if centred else rect.left()
        bar = QRectF(x, rect.center().y() - 4, width, 8)
        ops.append(RectOp(bar, palette.brand, radius=4))

    return draw


def _logo(path: str, align: Qt.AlignmentFlag):
    def draw(ops: list[Op], rect: QRectF, k: float) -> None:
        ops.append(ImageOp(path, rect, align=align))

    return draw


def _footer(ops: list[Op], slide: Slide, ctx: Ctx, *, name: bool, practice: bool) -> float:
    palette = ctx.palette
    """Patient name (left) and footer or practice name (right); returns the footer's top.

    The family's name comes first: a long name takes the room it needs, and the
    practice's name gives way (it is on the welcome and idle screens anyway).
    """
    left = slide.patient_name.strip() if name else ""
    right = slide.footer.strip() or (slide.theme.practice_name.strip() if practice else "")
    if not left and not right:
        return SAFE.bottom()
    height = S.FOOTER.nominal * S.FOOTER.spacing
    top = SAFE.bottom() - height
    gap = 48.0
    left_w = right_w = 0.0
    if left:
        left_w = min(
            SAFE.width(), ctx.measure.single_line(left, S.FOOTER, SAFE.width()).width / SLACK + 2
        )
    if right:
        natural = ctx.measure.single_line(right, S.FOOTER.fixed(), SAFE.width()).width / SLACK + 2
        right_w = natural if left_w + gap + natural <= SAFE.width() else 0.0
        if not left and not right_w:
            right_w = SAFE.width()
    if left:
        w = ctx.measure.single_line(left, S.FOOTER, left_w)
        ops.append(text_op(w, QRectF(SAFE.left(), top, left_w, height), palette.muted))
    if right and right_w:
        w = ctx.measure.single_line(right, S.FOOTER, right_w)
        box = QRectF(SAFE.right() - right_w, top, right_w, height)
        ops.append(text_op(w, box, palette.muted, Qt.AlignmentFlag.AlignRight))
    return top


MARK_PAD_X = 18.0
MARK_PAD_Y = 6.0
MARK_GAP = 40.0  # between the mark and the title beside it


def corner_mark(ops: list[Op], slide: Slide, ctx: Ctx) -> QRectF | None:
    """A small outlined tag at the top right of the safe area ("Practice"); its box.

    At the footer's size (the smallest that reads at 3 m), in muted ink on the
    page: it says what this consult is without competing with the slide.
    """
    word = slide.theme.corner_mark.strip()
    if not word:
        return None
    palette = ctx.palette
    style = S.FOOTER.fixed()
    wrapped = ctx.measure.single_line(word, style, SAFE.width() / 4)
    width = wrapped.lines[0][1] / SLACK + 2 + 2 * MARK_PAD_X if wrapped.lines else 0.0
    height = wrapped.height + 2 * MARK_PAD_Y
    box = QRectF(SAFE.right() - width, SAFE.top(), width, height)
    ops.append(RectOp(box, palette.background, palette.muted, 2.0, height / 2))
    text_box = box.adjusted(MARK_PAD_X, MARK_PAD_Y, -MARK_PAD_X, -MARK_PAD_Y)
    ops.append(text_op(wrapped, text_box, palette.muted, Qt.AlignmentFlag.AlignHCenter))
    return box


def name_in_heading(slide: Slide) -> bool:
    """Whether the welcome's heading already greets the patient (then no footer name)."""
    name = slide.patient_name.strip()
    if not name:
        return True
    first = name.split()[0].lower()
    return first in slide.title.lower() or first in slide.subtitle.lower()


def _usable(path: str, ctx: Ctx) -> str:
    """``path`` if it loads now; layouts are re-made when the file appears or changes."""
    return path if path and ctx.images.natural_size(path) is not None else ""


def standard_frame(ops: list[Op], slide: Slide, ctx: Ctx) -> None:
    """Title, accent, body; the patient's name and the practice's name in the footer.

    No corner logo: squeezed into a corner, a logo's own small print (a
    practice's "Orthodontics") is far below what reads at 3 m. The logo is the
    hero of the welcome and idle screens instead; here the practice's name is
    text, at the footer's size.
    """
    p = ctx.palette
    footer_top = _footer(ops, slide, ctx, name=True, practice=True)
    mark = corner_mark(ops, slide, ctx)
    title_w = SAFE.width() - (mark.width() + MARK_GAP if mark else 0.0)
    header: list[Element] = [Text(ctx.measure, slide.title, S.TITLE, p.brand_text, LEFT, 2)]
    if slide.subtitle.strip():
        header += [Gap(12, 6), Text(ctx.measure, slide.subtitle, S.SUBTITLE, p.muted, LEFT, 2)]
    header_box = QRectF(SAFE.left(), SAFE.top(), title_w, 300)
    used = place_stack(ops, header, header_box, fit_stack(header, title_w, header_box.height()))
    header_bottom = SAFE.top() + used
    accent_y = header_bottom + 20
    _accent(p)(ops, QRectF(SAFE.left(), accent_y, 96, 8), 1.0)
    body_top = accent_y + 8 + 44
    body_bottom = footer_top - (36 if footer_top < SAFE.bottom() else 0)
    body = QRectF(SAFE.left(), body_top, SAFE.width(), body_bottom - body_top)
    picture, words = _beside(slide.blocks)
    if picture is None:
        build_blocks(ops, block_layouts(slide.blocks, ctx), body)
        return
    # Words on the left, the picture on the right: both at full size, neither cut.
    text_w = body.width() * BESIDE_TEXT_SHARE
    build_blocks(
        ops, block_layouts(words, ctx), QRectF(body.left(), body.top(), text_w, body.height()), 0.5
    )
    right = QRectF(
        body.left() + text_w + BESIDE_GAP,
        body.top(),
        body.width() - text_w - BESIDE_GAP,
        body.height(),
    )
    build_blocks(ops, block_layouts([picture], ctx), right, 0.5)


BESIDE_TEXT_SHARE = 0.56
BESIDE_GAP = 64.0


def _beside(blocks: Sequence[Block]) -> tuple[ImageBlock | None, list[Block]]:
    """A slide of words and one picture (the care steps): the picture, and the words."""
    images = [b for b in blocks if isinstance(b, ImageBlock)]
    words = [b for b in blocks if isinstance(b, TextBlock | BulletsBlock)]
    if len(images) == 1 and words and len(images) + len(words) == len(blocks):
        return images[0], words
    return None, list(blocks)


def welcome_frame(ops: list[Op], slide: Slide, ctx: Ctx) -> None:
    """A calm, centred opening: logo, a big welcome, a line of text."""
    p = ctx.palette
    theme = slide.theme
    logo = _usable(theme.logo_path, ctx)
    # The renderer also sends the logo as an image block: show it once, as the hero.
    blocks = [
        b
        for b in slide.blocks
        if not (isinstance(b, ImageBlock) and b.path and b.path == theme.logo_path)
    ]
    practice = theme.practice_name.strip()
    show_practice = not logo and bool(practice) and practice != slide.title.strip()
    footer_top = _footer(ops, slide, ctx, name=not name_in_heading(slide), practice=False)
    mark = corner_mark(ops, slide, ctx)
    top = mark.bottom() + 24 if mark else SAFE.top()  # the hero starts below the mark
    area = QRectF(SAFE.left(), top, SAFE.width(), footer_top - top - 24)
    hero: list[Element] = []
    if logo:
        hero += [Flex(120, HERO_LOGO_BOX[1], _logo(logo, CENTER)), Gap(72, 28)]
    elif show_practice:
        hero += [Text(ctx.measure, practice, S.HERO_PRACTICE, p.muted, CENTER, 2), Gap(40, 20)]
    hero.append(Text(ctx.measure, slide.title, S.HERO_TITLE, p.brand_text, CENTER, 2))
    hero += [Gap(40, 16), Fixed(8, 8, _accent(p, 120, centred=True))]
    if slide.subtitle.strip():
        hero += [
            Gap(40, 16),
            Text(ctx.measure, slide.subtitle, S.HERO_SUBTITLE, p.muted, CENTER, 3),
        ]
    width = min(area.width(), 1500.0)
    left = area.left() + (area.width() - width) / 2
    layouts = block_layouts(blocks, replace(ctx, centered=True))
    hero_h = min(natural_height(hero, width), area.height())
    body_h = 0.0
    if layouts:
        body_pref = sum(b.preferred_height(width) for b in layouts)
        body_pref += BLOCK_GAP * (len(layouts) - 1)
        # The agenda and the welcome text come first: the logo gives up its height.
        hero_least = minimum_height(hero, width)
        hero_h = min(hero_h, max(hero_least, area.height() - body_pref - 72))
        body_h = min(body_pref, area.height() - hero_h - 72)
    total = hero_h + (72 + body_h if layouts else 0.0)
    top = area.top() + max(0.0, (area.height() - total) * 0.45)
    hero_rect = QRectF(left, top, width, hero_h)
    place_stack(ops, hero, hero_rect, fit_stack(hero, width, hero_h))
    if layouts:
        build_blocks(ops, layouts, QRectF(left, hero_rect.bottom() + 72, width, body_h), 0.0)
