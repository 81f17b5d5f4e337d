"""Helpers for the library tests: synthetic articles, a PNG/GIF maker, and a library with
its source list and refresher on a test directory."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

from reader.core.library import Library
from reader.core.models import Article, RelatedLink
from reader.core.net import Fetcher
from reader.core.paths import DataPaths
from reader.core.refresh import RefreshConfig, Refresher
from reader.core.sources import SourceList


def png(width: int, height: int, seed: int = 0) -> bytes:
    """A valid RGB PNG of the given size (content varies with ``seed``)."""
    row = bytes((seed + x) % 256 for x in range(width * 3))
    raw = b"".join(b"\x00" + row for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def gif(width: int, height: int) -> bytes:
    screen = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0)
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return screen + b"\x00\x00\x00\xff\xff\xff" + image + b"\x02\x02\x44\x01\x00\x3b"


def article(
    n: int,
    *,
    host: str = "nusa.example",
    title: str | None = None,
    text: str | None = None,
    site: str = "NusaKini",
    published: str | None = "2026-01-05T10:00:00+07:00",
    images: list[str] | None = None,
) -> Article:
    url = f"https://{host}/berita/{n}"
    body = text or f"Berita nomor {n}. Harga beras di pasar naik lagi minggu ini."
    pictures = images or []
    html = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    html += "".join(f'<img src="{src}">' for src in pictures)
    return Article(
        url=url,
        canonical_url=url,
        title=title or f"Judul berita {n}",
        html=html,
        text=body,
        site_name=site,
        published=published,
        byline="Redaksi",
        related=[RelatedLink(f"https://{host}/berita/{n + 1000}", "Baca juga", site, "inline")],
        images=pictures,
    )


def open_library(root: Path, **kwargs: object) -> Library:
    return Library.open(DataPaths(root), **kwargs)  # type: ignore[arg-type]


class RefreshKit:
    """A library, its source list and a refresher on ``root``, sharing one fetcher; the
    refresher's random numbers are seeded so its order of work repeats."""

    def __init__(self, root: Path, config: RefreshConfig | None = None, seed: int = 3) -> None:
        self.fetcher = Fetcher()
        self.library = Library.open(DataPaths(root), fetcher=self.fetcher, check=False)
        self.sources = SourceList(self.library)
        self.refresher = Refresher(
            self.sources, self.fetcher, config=config, rng=random.Random(seed)
        )

    def close(self) -> None:
        self.library.close()
        self.fetcher.close()
