"""Tiny images made with the standard library: a PNG encoder and a 1x1 GIF.

Every article picture is a deterministic "photo" (sky gradient, horizon, a few
coloured blocks) derived from its name, so each article's images differ and the
bytes are stable across runs. Rows repeat a lot, so the PNGs stay a few KB.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from functools import lru_cache

#: Default article picture size (16:9).
WIDTH, HEIGHT = 640, 360

Colour = tuple[int, int, int]


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def encode_png(width: int, height: int, rows: list[bytes]) -> bytes:
    """Encode 8-bit RGB scanlines (each ``width * 3`` bytes) as a PNG file."""
    if len(rows) != height or any(len(r) != width * 3 for r in rows):
        raise ValueError("rows do not match the image size")
    raw = b"".join(b"\x00" + r for r in rows)  # filter type 0 (None) per row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 6))
        + _chunk(b"IEND", b"")
    )


def with_text(png: bytes, keyword: str, text: str) -> bytes:
    """The same picture with a tEXt chunk added: distinct bytes at no drawing cost."""
    chunk = _chunk(b"tEXt", keyword.encode("latin-1") + b"\x00" + text.encode("latin-1"))
    return png[:-12] + chunk + png[-12:]  # IEND is always the last 12 bytes


def _palette(name: str) -> list[Colour]:
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return [(digest[i], digest[i + 1], digest[i + 2]) for i in range(0, 30, 3)]


def _mix(a: Colour, b: Colour, t: float) -> bytes:
    return bytes(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


@lru_cache(maxsize=4096)
def picture(name: str, width: int = WIDTH, height: int | None = None) -> bytes:
    """A distinct, deterministic PNG "photo" for ``name``.

    ``height`` defaults to 16:9. Cached: the same (name, size) costs once.
    """
    height = height or max(1, width * 9 // 16)
    pal = _palette(name)
    seed = hashlib.sha256(b"layout:" + name.encode("utf-8")).digest()
    horizon = height * (40 + seed[0] % 30) // 100
    blocks = []
    for i in range(4):
        x0 = width * (seed[1 + i] % 80) // 100
        w = max(2, width * (8 + seed[5 + i] % 20) // 100)
        y0 = horizon - height * (seed[9 + i] % 35) // 100
        h = max(2, height * (10 + seed[13 + i] % 40) // 100)
        blocks.append((x0, min(width, x0 + w), max(0, y0), min(height, y0 + h), pal[4 + i]))
    rows: list[bytes] = []
    for y in range(height):
        if y < horizon:  # sky: vertical gradient, one colour per row
            row = bytearray(_mix(pal[0], pal[1], y / max(1, horizon)) * width)
        else:  # ground: a second gradient
            row = bytearray(_mix(pal[2], pal[3], (y - horizon) / max(1, height - horizon)) * width)
        for x0, x1, y0, y1, colour in blocks:
            if y0 <= y < y1:
                row[x0 * 3 : x1 * 3] = bytes(colour) * (x1 - x0)
        rows.append(bytes(row))
    return encode_png(width, height, rows)


def _gif_pixel() -> bytes:
    """A 1x1 transparent GIF89a (the classic 43-byte tracking pixel)."""
    screen = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0)
    palette = b"\x00\x00\x00\xff\xff\xff"
    control = b"\x21\xf9\x04\x01\x00\x00\x00\x00"  # graphic control: index 0 transparent
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0)
    data = b"\x02\x02\x44\x01\x00"  # LZW min code size 2, one sub-block, terminator
    return screen + palette + control + image + data + b"\x3b"


#: The tracking pixel bytes.
PIXEL_GIF = _gif_pixel()


def favicon_ico() -> bytes:
    """A 16x16 ICO whose single image is a PNG (valid since Windows Vista)."""
    png = picture("favicon", 16, 16)
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png
