"""Turn the bytes of a web page into text, whatever the server claims.

Order (as browsers do): byte-order mark, then the HTTP ``Content-Type`` charset,
then ``<meta charset>`` in the first bytes, then detection. A declaration is
distrusted when it says latin-1/cp1252/ASCII but the bytes are valid UTF-8 with
non-ASCII characters (a very common mislabel). :func:`decode_html` never raises:
undecodable bytes become U+FFFD.

Decoding ourselves also matters for speed: readability-lxml given *bytes*
without a charset sniffs them with a quadratic regex (bad-inputs.md §1.2).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

#: Byte-order marks and their codecs (UTF-32 LE before UTF-16 LE: same first bytes).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # must precede UTF-16 LE (same prefix)
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET_RE = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE | re.DOTALL
)
META_SCAN_BYTES = 16_384
DETECT_SAMPLE_BYTES = 65_536

# WHATWG Encoding Standard: these labels mean windows-1252 in practice.
_WINDOWS_1252_LABELS = frozenset(
    {
        "latin1",
        "latin-1",
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "l1",
        "ascii",
        "us-ascii",
        "cp819",
        "ibm819",
        "windows-1252",
        "cp1252",
        "x-cp1252",
    }
)
_LATIN_FAMILY = frozenset(
    {
        "cp1252",
        "cp1250",
        "cp1257",
        "cp1254",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "ascii",
        "cp437",
        "cp850",
        "cp858",
    }
)
#: Labels that are often written on UTF-8 bytes by mistake.
LATIN_LIKE = frozenset({"cp1252", "ascii", "latin_1", "iso8859_15", "cp1250", "iso8859_2"})


def codec_for_label(label: str | None) -> str | None:
    """Python codec name for a charset label, or None if unknown or unsafe (UTF-7 can
    hide markup; rot-13, base64... are not text encodings)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    if label in {"x-user-defined", "replacement"}:
        return None
    if label in {"gb2312", "gbk", "x-gbk"}:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):
        return None
    # A page that can declare its charset in ASCII is not UTF-16/32 (WHATWG rule).
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    if name in {"utf-7", "rot-13", "base64", "hex", "zlib", "bz2", "uu", "quopri"}:
        return None
    return name


def charset_from_content_type(content_type: str | None) -> str | None:
    """The codec named by an HTTP ``Content-Type`` header, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET_RE.search(content_type)
    return codec_for_label(match.group(1)) if match else None


def charset_from_meta(body: bytes) -> str | None:
    match = _META_CHARSET_RE.search(body[:META_SCAN_BYTES])
    if not match:
        return None
    try:
        return codec_for_label(match.group(1).decode("ascii"))
    except UnicodeDecodeError:
        return None


def is_utf8(body: bytes) -> bool:
    """Valid UTF-8 (a character cut off by truncation at the very end allowed)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut off at the very end (truncated page) still counts.
        return exc.start >= len(body) - 3 and exc.reason == "unexpected end of data"
    return True


def _utf8_counts(body: bytes) -> tuple[int, int]:
    """(valid non-ASCII characters, invalid sequences) when read as UTF-8."""
    text = body[: DETECT_SAMPLE_BYTES * 4].decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    return good, bad


def _mostly_utf8(body: bytes, *, declared: bool = False) -> bool:
    """Valid UTF-8 apart from a few stray bytes (pages on the web often have some).

    Without a declaration the valid multi-byte characters must outnumber the bad
    bytes, or a cp1252 page with a few accents would lose them.
    """
    good, bad = _utf8_counts(body)
    few = bad <= max(3, len(body) // 2000)
    return few if declared else few and good > bad


def _has_multibyte(body: bytes) -> bool:
    return any(b >= 0x80 for b in body[:DETECT_SAMPLE_BYTES])


def utf16_without_bom(body: bytes) -> str | None:
    """UTF-16 without a byte-order mark, told by where the NUL bytes fall."""
    sample = body[:4096]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.6 and even_nuls < half * 0.1:
        return "utf-16-le"
    if even_nuls > half * 0.6 and odd_nuls < half * 0.1:
        return "utf-16-be"
    return None


def _detect(body: bytes) -> str:
    try:
        best = charset_normalizer.from_bytes(body[:DETECT_SAMPLE_BYTES]).best()
    except Exception:  # the detector is third-party code on hostile input
        best = None
    name = codec_for_label(best.encoding) if best is not None else None
    # Detectors cannot tell the Latin code pages apart on short text; windows-1252 is
    # what browsers assume for undeclared Latin pages (WHATWG), so it wins those ties.
    if name is None or name in _LATIN_FAMILY:
        return "cp1252"
    return name


def detect_encoding(body: bytes, content_type: str | None = None) -> str:
    """The Python codec name :func:`decode_html` would use for ``body``."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return name
    if utf16 := utf16_without_bom(body):
        return utf16
    declared = charset_from_content_type(content_type) or charset_from_meta(body)
    if declared:
        if declared in LATIN_LIKE and _has_multibyte(body) and is_utf8(body):
            return "utf-8"
        if declared == "utf-8" and not _mostly_utf8(body, declared=True):
            return _detect(body)
        return declared
    if not _has_multibyte(body) or is_utf8(body) or _mostly_utf8(body):
        return "utf-8"
    return _detect(body)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode a fetched page to text; never raises, bad bytes become U+FFFD."""
    if not body:
        return ""
    try:
        encoding = detect_encoding(body, content_type)
    except Exception:
        encoding = "utf-8"
    return decode_as(body, encoding)


def decode_as(body: bytes, encoding: str) -> str:
    """``body`` decoded with ``encoding`` minus its byte-order mark; never raises."""
    for bom, name in BOMS:
        if name == encoding and body.startswith(bom):
            body = body[len(bom) :]
            break
    try:
        return body.decode(encoding, "replace")
    except (LookupError, ValueError):
        return body.decode("utf-8", "replace")
