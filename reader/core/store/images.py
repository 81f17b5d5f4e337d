"""The content-addressed image store, and what counts as a picture worth keeping.

Files live at ``DataPaths.images/ab/abcdef…`` (the sha256 of the bytes), so a
picture shared by many articles is stored once, names never come from URLs
(bad-inputs S15: no ``../``, ``CON`` or 4 KB names) and a file is either absent
or complete: it is written to a temporary name, fsynced and renamed into place.

Tracking pixels are not kept: images from known tracker hosts, images declared
1x1 or 0x0 in the HTML, and images whose decoded size is 1x1 or smaller. The
size comes from the file header (PNG, GIF, JPEG, WebP). The small header parser
is ours: the ``imagesize`` package would do it, but its 2.x line is a
1,300-line module that also fetches URLs; we need four formats and a sniff.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from reader.core.errors import DiskFull, StoreError, StoreReadOnly
from reader.core.models import Article

#: Caps for one article's pictures.
MAX_IMAGES = 40
MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_ARTICLE_IMAGE_BYTES = 40 * 1024 * 1024

_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""\b(src|width|height)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """What the header of an image file says."""

    mime: str
    width: int
    height: int


# -- sniffing -------------------------------------------------------------------------------


def _png(data: bytes) -> ImageInfo | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return ImageInfo("image/png", width, height)


def _gif(data: bytes) -> ImageInfo | None:
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 10:
        return None
    width, height = struct.unpack("<HH", data[6:10])
    return ImageInfo("image/gif", width, height)


def _webp(data: bytes) -> ImageInfo | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP" or len(data) < 30:
        return None
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return ImageInfo("image/webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return ImageInfo("image/webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return ImageInfo("image/webp", width, height)
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> ImageInfo | None:
    if data[:3] != b"\xff\xd8\xff":
        return None
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _SOF:
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return ImageInfo("image/jpeg", width, height)
        if length < 2:
            return None
        pos += 2 + length
    return None


def sniff(data: bytes) -> ImageInfo | None:
    """Format and size of a PNG, GIF, JPEG or WebP file; None for anything else."""
    for reader in (_png, _jpeg, _gif, _webp):
        try:
            info = reader(data)
        except (struct.error, IndexError):
            info = None
        if info is not None:
            return info
    return None


# -- what to keep ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def tracker_rules() -> tuple[frozenset[str], tuple[str, ...]]:
    """(tracker domains, host/path prefixes) from the bundled data list."""
    import importlib.resources  # noqa: PLC0415 (zipfile, tempfile...: only when pictures are kept)

    text = (importlib.resources.files("reader.core.store") / "data" / "trackers.txt").read_text(
        "utf-8"
    )
    domains, prefixes = set(), []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        if "/" in entry:
            prefixes.append(entry)
        else:
            domains.add(entry)
    return frozenset(domains), tuple(prefixes)


def is_tracker_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    host = (parts.hostname or "").lower().rstrip(".")
    domains, prefixes = tracker_rules()
    labels = host.split(".")
    if any(".".join(labels[i:]) in domains for i in range(len(labels) - 1)):
        return True
    where = host + parts.path.lower()
    return any(where.startswith(p) for p in prefixes)


def is_pixel(width: int | None, height: int | None) -> bool:
    """1x1, 0x0 and other "invisible" sizes tracking beacons use."""
    return (width is not None and width <= 1) or (height is not None and height <= 1)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    match = re.match(r"\s*(\d+)\s*(px)?\s*$", value)
    return int(match.group(1)) if match else None


def declared_sizes(html: str) -> dict[str, tuple[int | None, int | None]]:
    """``src`` -> (width, height) attributes of every ``<img>`` in sanitised HTML."""
    found: dict[str, tuple[int | None, int | None]] = {}
    for tag in _IMG_RE.findall(html):
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) for m in
                 _ATTR_RE.finditer(tag)}  # fmt: skip
        src = attrs.get("src")
        if src:
            found[src.replace("&amp;", "&")] = (_int(attrs.get("width")), _int(attrs.get("height")))
    return found


def wanted_images(article: Article, limit: int = MAX_IMAGES) -> list[str]:
    """Image URLs worth downloading for ``article``: lead image first, no trackers, capped."""
    declared = declared_sizes(article.html)
    ordered = [article.lead_image, *article.images, *declared]
    seen: set[str] = set()
    chosen = []
    for url in ordered:
        if not url or url in seen or not url.startswith(("http://", "https://")):
            continue
        seen.add(url)
        if is_tracker_url(url) or is_pixel(*declared.get(url, (None, None))):
            continue
        chosen.append(url)
        if len(chosen) >= limit:
            break
    return chosen


def keepable(data: bytes) -> ImageInfo | None:
    """The image's info if it is a real picture we keep; None for pixels and non-images."""
    info = sniff(data)
    if info is None or is_pixel(info.width, info.height):
        return None
    return info


# -- the files ------------------------------------------------------------------------------


class ImageStore:
    """Content-addressed files under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: bytes) -> Path:
        name = sha256.hex()
        return self.root / name[:2] / name

    def put(self, data: bytes) -> bytes:
        """Store ``data`` (once); returns its sha256. Raises ``DiskFull``/``StoreReadOnly``."""
        import hashlib  # noqa: PLC0415 (OpenSSL: only when a picture is stored)

        digest = hashlib.sha256(data).digest()
        target = self.path_for(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            tmp.replace(target)
        except OSError as error:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise _store_error(error, self.root) from error
        return digest

    def read(self, sha256: bytes) -> bytes | None:
        try:
            return self.path_for(sha256).read_bytes()
        except OSError:
            return None

    def delete(self, sha256: bytes) -> None:
        with contextlib.suppress(OSError):
            self.path_for(sha256).unlink()

    def files(self) -> Iterator[tuple[bytes, Path]]:
        """Every stored file (and leftover temporary file, with an empty digest)."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                try:
                    yield (bytes.fromhex(path.name) if len(path.name) == 64 else b""), path
                except ValueError:
                    yield b"", path


def _store_error(error: OSError, where: Path) -> StoreError:
    if error.errno == errno.ENOSPC:
        return DiskFull(f"The disk is full ({where}); nothing was saved. Free some space.")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreReadOnly(f"Kabar cannot write pictures to {where}: it is read-only.")
    return StoreError(f"Kabar could not write a picture to {where}: {error.strerror}.")
