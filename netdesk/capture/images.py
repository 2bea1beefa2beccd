"""Opening a photo safely: which files are images, EXIF orientation, size limits, HEIC.

Pillow reads JPEG, PNG and WebP; ``pillow-heif`` adds the HEIC/HEIF photos iPhones take. A file
that is not an image, a damaged one, a decompression bomb or a panorama too large to read in
reasonable memory is refused with one sentence that says which of those it is.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

# What netdesk offers to import as a photo, by file name.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif", ".hif")
# The largest photo read, in pixels: a 108-megapixel phone camera fits, a 200-megapixel
# stitched panorama (hundreds of MB once decoded) does not. Pillow's own bomb limit is lower
# than this for compressed formats; both are reported the same way.
MAX_PIXELS = 120_000_000
# A photo is worked on at this size at most (long side): enough for 6-point text on a card
# that fills a third of the frame, and it keeps OCR and QR search fast on 12 to 50 MP photos.
WORK_SIDE = 3000

_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


class ImageError(Exception):
    """The file cannot be read as a photo; the message says why, for the user."""


def is_image_path(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def sniff_image(head: bytes) -> bool:
    """Whether the first bytes of a file are those of a photo format netdesk reads."""
    if any(head.startswith(magic) for magic, _ in _MAGIC):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim")


_heif_registered = False


def _register_heif() -> bool:
    global _heif_registered  # noqa: PLW0603 - registering a Pillow plugin is process-wide
    if not _heif_registered:
        try:
            from pillow_heif import register_heif_opener
        except ImportError:
            return False
        register_heif_opener()
        _heif_registered = True
    return True


def open_photo(data: bytes, name: str) -> Image.Image:
    """Decode ``data`` as an upright RGB image, at most WORK_SIDE pixels on its long side.

    Raises ImageError with the reason when it cannot be read.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    heif = data[4:8] == b"ftyp"
    if heif and not _register_heif():
        raise ImageError("a HEIC/HEIF photo, and pillow-heif is not installed to read it")
    # Pillow's bomb check warns above this and refuses twice this; the warning is an error here.
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageError(
                    f"the image is too large to read ({width * height / 1e6:.0f} megapixels; "
                    f"netdesk reads photos up to {MAX_PIXELS // 1_000_000})"
                )
            if image.format == "JPEG":
                # Decode a JPEG straight at a reduced scale: 4 to 8 times less work.
                image.draft("RGB", (WORK_SIDE, WORK_SIDE))
            image.load()
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        size = f"{int(pixels.group(1)) / 1e6:.0f} megapixels; " if pixels else ""
        raise ImageError(
            f"the image is too large to read safely ({size}netdesk reads photos up to "
            f"{MAX_PIXELS // 1_000_000})"
        ) from exc
    except UnidentifiedImageError as exc:
        raise ImageError("not an image netdesk can read (JPEG, PNG, WebP or HEIC)") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(f"the image is damaged or cut short ({exc})") from exc
    except MemoryError as exc:
        raise ImageError("the image is too large to read in the memory available") from exc
    try:
        upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, KeyError, TypeError):
        upright = image  # a broken EXIF block: read the pixels as they are stored
    if upright is None:
        upright = image
    rgb = upright.convert("RGB")
    if max(rgb.size) > WORK_SIDE:
        rgb.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.LANCZOS)
    return rgb


def jpeg_bytes(image: Image.Image, longest: int = 1600, quality: int = 85) -> bytes:
    """A copy of ``image`` small enough to keep in the database with the contact."""
    from PIL import Image as PILImage

    copy = image.copy()
    copy.thumbnail((longest, longest), PILImage.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()


__all__ = [
    "IMAGE_SUFFIXES",
    "MAX_PIXELS",
    "WORK_SIDE",
    "ImageError",
    "is_image_path",
    "jpeg_bytes",
    "open_photo",
    "sniff_image",
]
