"""Pictures a practice brings in: photos, x-rays, its logo.

Each imported file is checked to be a readable image, turned upright (EXIF
orientation), shrunk if it is larger than a screen needs, and kept under the
practice's media folder by the hash of what was stored. The record holds only
that relative path, never where the file came from, so a moved or deleted
original changes nothing and importing the same picture twice stores it once.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from tcdesk.errors import UserError

# Longest side kept: a 4K monitor's width; a phone's 12-megapixel photo shrinks.
MAX_SIDE_PX = 3840
MAX_FILE_BYTES = 80 * 1024 * 1024  # anything bigger is not a clinical photo
ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png"}
# Decompression bombs: refuse before decoding more pixels than this.
Image.MAX_IMAGE_PIXELS = 120_000_000


class ImageRefused(UserError):
    """The file is not a picture tcdesk can keep; the message says why."""


@dataclass(frozen=True)
class StoredImage:
    relative_path: str  # under the media folder, e.g. "ab/ab12...ef.jpg"
    sha256: str
    width: int
    height: int


def media_dir_for(store_path: Path) -> Path:
    """The media folder that belongs to one practice file, beside it."""
    return store_path.with_name(f"{store_path.stem}-media")


def store_image(media_dir: Path, source: Path, *, max_side: int = MAX_SIDE_PX) -> StoredImage:
    """Keep a JPEG or PNG under ``media_dir``; refuse anything else with a clear message."""
    source = Path(source)
    data = _read(source)
    image = _open(source, data)
    kind = image.format or ""
    if kind not in ACCEPTED_FORMATS:
        raise ImageRefused(f"{source.name} is a {kind or 'unknown'} image; use a JPEG or PNG.")
    upright = ImageOps.exif_transpose(image)
    changed = _has_rotation(image)
    if max(upright.size) > max_side:
        upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        changed = True
    stored = _encode(upright, kind) if changed else data
    digest = hashlib.sha256(stored).hexdigest()
    relative = f"{digest[:2]}/{digest}{ACCEPTED_FORMATS[kind]}"
    _write_once(media_dir / relative, stored)
    return StoredImage(relative, digest, upright.width, upright.height)


def _read(source: Path) -> bytes:
    try:
        size = source.stat().st_size
        if size == 0:
            raise ImageRefused(f"{source.name} is empty.")
        if size > MAX_FILE_BYTES:
            raise ImageRefused(f"{source.name} is over {MAX_FILE_BYTES // 2**20} MB.")
        return source.read_bytes()
    except FileNotFoundError:
        raise ImageRefused(f"There is no file {source}.") from None
    except IsADirectoryError:
        raise ImageRefused(f"{source} is a folder, not a picture.") from None
    except PermissionError:
        raise ImageRefused(f"Cannot read {source}: permission denied.") from None


def _open(source: Path, data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError:
        raise ImageRefused(f"{source.name} is too large an image to open safely.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageRefused(f"{source.name} is not a readable picture (JPEG or PNG).") from None
    return image


def _has_rotation(image: Image.Image) -> bool:
    return image.getexif().get(0x0112, 1) != 1  # Orientation tag other than "upright"


def _encode(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=90, optimize=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _write_once(path: Path, data: bytes) -> None:
    """Content-addressed: an existing file already holds these bytes."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".part")
    with open(partial, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
