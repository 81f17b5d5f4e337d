"""Pictures for an EPUB: the formats EPUB 3.2 readers must show, converted from any other.

EPUB 3.2 lists JPEG, PNG, GIF and SVG as core media types; WebP joined them only in EPUB
3.3. Debian's epubcheck 4.2.6 checks 3.2 and refuses a WebP picture without a fallback,
and the e-readers people carry (older Kobo and Kindle firmware, many e-ink readers) show
nothing for one. The library keeps WebP as sites send it (the window shows it), so the
EPUB writer converts it here: to JPEG for a photo, to PNG when the picture has
transparency or was compressed losslessly (drawings, charts, screenshots: JPEG would blur
their edges). A manifest fallback would need the same converted copy beside the WebP one,
so it would only make the book larger.

Pillow does the decoding and encoding (libwebp and libjpeg-turbo); its cost per picture is
measured by ``benchmarks/export.py``. It releases the GIL while it works, so the writer
converts on worker threads while it builds the chapters.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

#: What every EPUB 3.2 reading system shows (EPUB 3.2 §3.2, core media types: images).
CORE_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/svg+xml"})

#: JPEG quality of a converted photo: close to what news sites' WebP at 75-85 looks like.
JPEG_QUALITY = 85

#: Pictures larger than this many pixels are not converted (a decoded 40-megapixel
#: picture takes 160 MB); the chapter shows its caption and text without it.
MAX_PIXELS = 40_000_000


@dataclass(frozen=True, slots=True)
class BookPicture:
    """A picture as it goes into the book."""

    data: bytes
    mime: str


def needs_conversion(mime: str) -> bool:
    return mime not in CORE_IMAGE_TYPES


def for_book(data: bytes, mime: str) -> BookPicture | None:
    """``data`` as a core media type picture; None if it cannot be read as a picture."""
    if not needs_conversion(mime):
        return BookPicture(data, mime)
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 (only exports need it)

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                return None
            image.load()  # the first frame of an animation
            out = io.BytesIO()
            if _lossless(data) or _has_alpha(image):
                image.save(out, "PNG", compress_level=6)
                return BookPicture(out.getvalue(), "image/png")
            image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY)
            return BookPicture(out.getvalue(), "image/jpeg")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def _has_alpha(image: object) -> bool:
    mode = getattr(image, "mode", "")
    info = getattr(image, "info", {})
    return mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in info


def _lossless(data: bytes) -> bool:
    """A WebP whose picture is compressed losslessly (a ``VP8L`` chunk at the top level)."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return False
    position = 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        if kind == b"VP8L":
            return True
        if kind == b"VP8 ":
            return False
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        position += 8 + size + (size & 1)
    return False
