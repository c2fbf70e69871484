"""Pictures a practice brings in: photos, x-rays, its logo.

Each imported file is checked to be a readable image and becomes a *display
copy*: turned upright (EXIF orientation), in sRGB, shrunk to fit the largest
screen a slide is shown on (4K), kept under the practice's media folder by
the hash of what was stored. The slides decode only that copy, so a
60-megapixel camera file costs the presentation what a 4K picture costs
(about 33 MB decoded, not 240 MB). The untouched original is kept beside it
(``originals/``) only when the practice asks. The record holds only relative
paths, never where the file came from, so a moved or deleted original changes
nothing and importing the same picture twice stores it once.

Practice files from before display copies may hold larger pictures: the first
time one is shown, ``display_copy`` makes its copy once under ``display/``.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from tcdesk.errors import UserError

# The largest screen a slide is shown on (a 4K TV or monitor): a display copy fits in it.
DISPLAY_BOX = (3840, 2160)
MAX_FILE_BYTES = 80 * 1024 * 1024  # anything bigger is not a clinical photo
MAX_PIXELS = 120_000_000  # decompression bombs: refused before a pixel is decoded
ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png"}
ORIGINALS_FOLDER = "originals"  # the untouched files, when the practice keeps them
DISPLAY_FOLDER = "display"  # display copies made later for pictures stored before them
JPEG_QUALITY = 90
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard, for any other caller
_ORIENTATION = 0x0112
_TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


class ImageRefused(UserError):
    """The file is not a picture tcdesk can keep; the message says why."""


@dataclass(frozen=True)
class StoredImage:
    relative_path: str  # the display copy under the media folder, e.g. "ab/ab12...ef.jpg"
    sha256: str
    width: int
    height: int
    original_path: str = ""  # the untouched file, when kept ("" = not kept)


def media_dir_for(store_path: Path) -> Path:
    """The media folder that belongs to one practice file, beside it."""
    return store_path.with_name(f"{store_path.stem}-media")


def fit_size(size: tuple[int, int], box: tuple[int, int] = DISPLAY_BOX) -> tuple[int, int]:
    """``size`` shrunk (never enlarged) to fit ``box``, aspect kept."""
    width, height = size
    scale = min(1.0, box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def store_image(
    media_dir: Path,
    source: Path,
    *,
    box: tuple[int, int] = DISPLAY_BOX,
    keep_original: bool = False,
) -> StoredImage:
    """Keep ``source``'s display copy (and, if asked, the original) under ``media_dir``.

    Anything that is not a JPEG or PNG tcdesk can read and show is refused
    with a clear message before a file is written.
    """
    source = Path(source)
    data = _read(source)
    image = _open(source.name, data)
    kind = image.format or ""
    suffix = ACCEPTED_FORMATS[kind]
    shown, changed = _display_image(source.name, image, box)
    stored = _encode(shown, kind) if changed else data
    digest = hashlib.sha256(stored).hexdigest()
    relative = f"{digest[:2]}/{digest}{suffix}"
    _write_once(media_dir / relative, stored)
    original = ""
    if keep_original and not changed:
        original = relative  # the display copy is the original, byte for byte
    elif keep_original:
        own = hashlib.sha256(data).hexdigest()
        original = f"{ORIGINALS_FOLDER}/{own[:2]}/{own}{suffix}"
        _write_once(media_dir / original, data)
    return StoredImage(relative, digest, shown.width, shown.height, original)


def display_copy(media_dir: Path, relative: str, *, box: tuple[int, int] = DISPLAY_BOX) -> str:
    """The picture to show for ``relative`` (a stored file): itself when a screen can take
    it, else its display copy under ``display/``, made the first time and kept.

    For pictures stored before imports made display copies. A file that cannot
    be read is returned as it is (the painter copes; nothing is written).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(media_dir / relative) as header:
                if max(header.size) <= max(box) or header.format not in ACCEPTED_FORMATS:
                    return relative
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return relative
    copy = f"{DISPLAY_FOLDER}/{relative}"
    if (media_dir / copy).is_file():
        return copy
    try:
        data = (media_dir / relative).read_bytes()
        image = _open(relative, data)
        shown, _changed = _display_image(relative, image, box)
        _write_once(media_dir / copy, _encode(shown, image.format or ""))
    except (ImageRefused, OSError):
        return relative
    return copy


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


def _open(name: str, data: bytes) -> Image.Image:
    """The image's header, checked: a JPEG or PNG of a size that is safe to decode."""
    unreadable = f"{name} is not a readable picture (JPEG or PNG)."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise ImageRefused(f"{name} is too large an image to open safely.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageRefused(unreadable) from None
    kind = image.format or ""
    if kind not in ACCEPTED_FORMATS:
        raise ImageRefused(f"{name} is a {kind or 'unknown'} image; use a JPEG or PNG.")
    width, height = image.size
    if width * height > MAX_PIXELS:
        megapixels = width * height / 1e6
        raise ImageRefused(
            f"{name} is {width} x {height} pixels ({megapixels:,.0f} megapixels): "
            f"too large an image to open safely (at most {MAX_PIXELS // 1_000_000})."
        )
    if width < 1 or height < 1:
        raise ImageRefused(unreadable)
    return image


def _display_image(name: str, image: Image.Image, box: tuple[int, int]) -> tuple[Image.Image, bool]:
    """Upright, sRGB and fitted to ``box``; and whether that changed any pixel.

    A JPEG is decoded straight at the nearest smaller scale (1/2, 1/4, 1/8) that
    is still at least the size wanted, so a 60-MP photo never exists in memory
    at full size.
    """
    orientation = image.getexif().get(_ORIENTATION, 1)
    turned = orientation in _TURNED
    width, height = image.size
    upright_size = (height, width) if turned else (width, height)
    target = fit_size(upright_size, box)
    shrink = target != upright_size
    if shrink and image.format == "JPEG":
        image.draft(image.mode, (target[1], target[0]) if turned else target)
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ImageRefused(f"{name} is not a readable picture (JPEG or PNG).") from None
    shown = ImageOps.exif_transpose(image) if orientation != 1 else image
    converted = _to_srgb(shown)
    if converted is not None:
        shown = converted
    if shrink:
        if shown.mode not in ("RGB", "RGBA", "L", "LA", "I", "I;16", "F"):
            has_alpha = shown.mode in ("PA", "RGBa", "La") or "transparency" in shown.info
            shown = shown.convert("RGBA" if has_alpha else "RGB")
        shown = shown.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return shown, orientation != 1 or shrink or converted is not None


def _to_srgb(image: Image.Image) -> Image.Image | None:
    """The image in sRGB when it carries another colour profile (Adobe RGB, Display P3)."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return None
    try:
        own = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if "srgb" in ImageCms.getProfileDescription(own).lower().replace(" ", ""):
            return None
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(
            image, own, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None  # an unreadable profile: the pixels as they are
    if not isinstance(converted, Image.Image):
        return None
    # Untagged is sRGB to every screen; lcms's own profile carries the time it was made,
    # which would give the same picture another hash on every import.
    converted.info.pop("icc_profile", None)
    return converted


def _encode(image: Image.Image, kind: str) -> bytes:
    """JPEG or PNG bytes with no EXIF (it is applied; no camera or place data is kept)."""
    out = io.BytesIO()
    if kind == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _write_once(path: Path, data: bytes) -> None:
    """Content-addressed: an existing file already holds these bytes.

    Written to a ``.partial`` file of this thread's own first (backups skip
    those), then moved into place, so a reader never sees half a picture.
    """
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.partial")
    with open(partial, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
