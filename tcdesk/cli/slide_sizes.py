"""Screen sizes the slide commands accept: ``WIDTHxHEIGHT`` within a stated range."""

from __future__ import annotations

import re

from tcdesk.errors import UserError

SIZE = re.compile(r"^(\d{1,6})\s*x\s*(\d{1,6})$")
MIN_SIZE = (320, 180)
MAX_SIZE = (7680, 4320)  # 8K
SIZE_RANGE = f"{MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]}"


def parse_size(text: str) -> tuple[int, int]:
    """``1280x720`` -> (1280, 720); the message names the allowed range."""
    match = SIZE.match(text.strip().lower())
    if not match:
        raise UserError(
            f"--size must be WIDTHxHEIGHT in pixels, like 1920x1080, from {SIZE_RANGE}; "
            f"not '{text}'."
        )
    width, height = int(match.group(1)), int(match.group(2))
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise UserError(
            f"--size {text} is outside {SIZE_RANGE}: the width must be {MIN_SIZE[0]}-"
            f"{MAX_SIZE[0]} and the height {MIN_SIZE[1]}-{MAX_SIZE[1]} pixels."
        )
    return width, height
