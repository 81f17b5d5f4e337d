"""Recognise bodies that are not what a fetch asked for, from their first bytes.

Servers mislabel: a PDF or a ZIP arrives as ``text/html``, an "image" URL
answers with an HTML error page. readability-lxml happily "extracts" 100 KB of
binary (bad-inputs.md §7), so the fetcher refuses such bodies as soon as the
first kilobyte is in, before reading the rest.
"""

from __future__ import annotations

import re

from reader.core.net.charset import utf16_without_bom

#: How much of a body the sniffers look at (the fetcher decides after this much).
SNIFF_BYTES = 1024

# Magic numbers of formats a reader never wants to "extract" as an article.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BM", ""),  # BMP only counts together with the binary check below
    (b"\x00\x00\x01\x00", "an icon"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", ""),
    (b"OggS", "an audio or video file"),
    (b"ID3", "an audio file"),
    (b"\x1aE\xdf\xa3", "a video file"),
    (b"wOFF", "a font"),
    (b"wOF2", "a font"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xd0\xcf\x11\xe0", "an office document"),
    (b"{\\rtf", "an RTF document"),
)
_IMAGE_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"\x00\x00\x01\x00",
)
_FTYP = (b"ftypavif", b"ftypheic", b"ftypmp42", b"ftypisom")
HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|script|div|p\b)",
    re.IGNORECASE | re.DOTALL,
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


def _looks_utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(sample) is not None


def _is_binary(sample: bytes) -> bool:
    """Random or compressed bytes: many control bytes that text never has."""
    if not sample or _looks_utf16(sample):
        return False
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > max(2, len(sample) // 50)


def sniff_binary(sample: bytes) -> str | None:
    """What non-text format ``sample`` starts with ("a PDF document"), or None for text."""
    stripped = sample.lstrip(b" \t\r\n")
    for magic, what in _MAGIC:
        if stripped.startswith(magic) and (what or _is_binary(sample)):
            return what or "a binary file"
    if stripped.startswith(b"RIFF"):
        return "a WebP image" if stripped[8:12] == b"WEBP" else "a media file"
    if stripped[4:12] in _FTYP:
        return "an image or video file"
    if _is_binary(sample):
        return "a binary file"
    return None


def is_image(sample: bytes, content_type: str) -> bool:
    if sample.startswith(_IMAGE_MAGIC) or (sample.startswith(b"RIFF") and sample[8:12] == b"WEBP"):
        return True
    if sample[4:12] in _FTYP[:2]:
        return True
    if HTML_START_RE.match(sample):
        return False
    return content_type.startswith("image/") and not content_type.startswith("image/svg")
