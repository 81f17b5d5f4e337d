"""Guards that run on feed and OPML bytes before any XML parser sees them.

Two jobs, both about handing the parser something it cannot choke on:

* **One encoding.** The document is decoded here (byte-order mark, UTF-16
  without a mark, the XML declaration, the HTTP charset, then detection) and
  re-encoded as UTF-8 with a declaration that says so. The entity scan below
  then sees exactly the bytes the parser will see: a declaration such as
  ``encoding="utf-7"`` cannot smuggle a ``<!ENTITY`` past it.
* **An entity budget.** feedparser 6.0.14 keeps "safe" internal entities, and
  when expat refuses the amplification its loose fallback parser expands them
  without limit: a 68 KB feed grew to 637 MB (bad-inputs.md §1.3, F2). Here
  every internal entity's value length is multiplied by the number of its
  references; above :data:`MAX_ENTITY_EXPANSION` characters, or with nested,
  parameter or external entities, the DOCTYPE and its declarations are dropped.
  Real feeds that declare a few small entities (lemon24/reader#212) still parse.

Nothing here parses XML; it is string work with bounded cost.
"""

from __future__ import annotations

import re

from reader.core.net import (
    BOMS,
    LATIN_LIKE,
    charset_from_content_type,
    codec_for_label,
    decode_as,
    is_utf8,
    utf16_without_bom,
)

MiB = 1024 * 1024
#: Largest document accepted (the fetcher's feed cap is the same).
MAX_XML_BYTES = 10 * MiB
#: Characters that all entity references together may add to the document.
MAX_ENTITY_EXPANSION = 100_000
#: More declarations than this in one document is not a feed, it is an attack.
MAX_ENTITY_DECLARATIONS = 64


class XMLRejected(ValueError):
    """The bytes are not something Kabar will hand to an XML parser."""


_DECLARATION_RE = re.compile(r"\A\s*<\?xml\b[^>]*?\?>")
_ENCODING_RE = re.compile(r"""(\bencoding\s*=\s*)(["'])([^"']*)\2""")
_BYTES_ENCODING_RE = re.compile(
    rb"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
)
_XML_CONTROLS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENTITY_RE = re.compile(
    r"""<!ENTITY\s+(%\s*)?([^\s"'>%]+)\s*"""
    r"""(?:"([^"]*)"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))?[^>]*>""",
    re.IGNORECASE,
)
_DECLARATION_MARKUP_RE = re.compile(
    r"<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b", re.IGNORECASE
)


def detect_xml_encoding(data: bytes, content_type: str | None = None) -> str:
    """The codec :func:`decode_xml` uses: BOM, UTF-16 shape, declaration, header, UTF-8.

    The XML declaration wins over the HTTP charset: it is written by the software
    that produced the feed, while server defaults (``charset=iso-8859-1``) are
    often wrong. A Latin label on bytes that are valid UTF-8 with non-ASCII
    characters is the commonest mislabel and is read as UTF-8.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    if utf16 := utf16_without_bom(data):
        return utf16
    match = _BYTES_ENCODING_RE.match(data[:512])
    declared = codec_for_label(match.group(1).decode("ascii")) if match else None
    if declared is None:
        declared = charset_from_content_type(content_type)
    utf8 = is_utf8(data)
    if declared is None:
        return "utf-8" if utf8 else "cp1252"
    if declared in LATIN_LIKE and utf8 and any(b >= 0x80 for b in data[:65536]):
        return "utf-8"
    return declared


def decode_xml(data: bytes, content_type: str | None = None) -> str:
    """Decode an XML (or JSON) document; never raises, bad bytes become U+FFFD.

    The byte-order mark is dropped and so are the control characters XML 1.0
    forbids, which would otherwise push every parser into its slow recovery mode.
    """
    text = decode_as(data, detect_xml_encoding(data, content_type)).removeprefix("\ufeff")
    return _XML_CONTROLS_RE.sub("", text)


def _declares_utf8(text: str) -> str:
    """Rewrite the XML declaration's encoding to UTF-8 (the bytes we produce)."""
    match = _DECLARATION_RE.match(text)
    if not match:
        return text
    declaration = _ENCODING_RE.sub(r"\1\2utf-8\2", match.group(0))
    return text[: match.start()] + declaration + text[match.end() :]


def prolog_end(text: str) -> int:
    """Index of the first element's ``<`` (comments skipped), or ``len(text)``.

    feedparser stops at the first ``<`` + word character even inside a comment;
    skipping comments makes this prolog at least as long as feedparser's, so a
    comment cannot hide a DOCTYPE from the scan. Linear time.
    """
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0 or start + 1 >= len(text):
            return len(text)
        if text.startswith("<!--", start):
            end = text.find("-->", start + 4)
            if end < 0:
                return len(text)
            position = end + 3
        elif text[start + 1].isalnum() or text[start + 1] == "_":
            return start
        else:
            position = start + 1


def entity_expansion(text: str) -> tuple[int, bool]:
    """(characters the internal entities would add, whether any is unsafe).

    Unsafe: parameter entities, external (SYSTEM/PUBLIC) ones, values that refer
    to other entities (the billion-laughs shape), or too many declarations.
    Only declarations before the first element count, as in feedparser.
    """
    head_end = prolog_end(text)
    head = text[:head_end]
    if "<!" not in head:
        return 0, False
    declarations = _ENTITY_RE.findall(head)
    if len(declarations) > MAX_ENTITY_DECLARATIONS:
        return 0, True
    body = text[head_end:]
    total = 0
    unsafe = head.upper().count("<!ENTITY") != len(declarations)  # one we could not read
    for percent, name, double, single, external in declarations:
        value = double or single
        if percent or external or "&" in value or "%" in value:
            unsafe = True
            continue
        references = body.count(f"&{name};") + head.count(f"&{name};")
        total += len(value) * references
    return total, unsafe


def strip_declarations(text: str) -> str:
    """Drop the prolog's DOCTYPE and declarations, keeping the XML declaration.

    Comments and processing instructions (stylesheets) go too: nothing in a
    prolog matters to a feed reader. References to the removed entities stay
    in the text as literal ``&name;`` and parse as errors, not expansions.
    """
    head_end = prolog_end(text)
    head = text[:head_end]
    if not _DECLARATION_MARKUP_RE.search(head):
        return text
    match = _DECLARATION_RE.match(head)
    kept = match.group(0) + "\n" if match else ""
    return kept + text[head_end:]


def prepare_xml(
    data: bytes,
    content_type: str | None = None,
    *,
    limit: int = MAX_XML_BYTES,
    keep_entities: bool = True,
) -> bytes:
    """Bytes safe to give an XML parser: UTF-8, declared as such, entity budget kept.

    ``keep_entities=False`` drops every DOCTYPE (for OPML, which never needs one).
    Raises :class:`XMLRejected` for a document over ``limit`` bytes.
    """
    if len(data) > limit:
        raise XMLRejected(f"larger than {limit // MiB} MB")
    text = prepare_text(decode_xml(data, content_type), keep_entities=keep_entities)
    return text.encode("utf-8")


def prepare_text(text: str, *, keep_entities: bool = True) -> str:
    """The string half of :func:`prepare_xml`, for callers that already decoded."""
    text = _declares_utf8(text)
    if not keep_entities:
        return strip_declarations(text)
    expansion, unsafe = entity_expansion(text)
    if unsafe or expansion > MAX_ENTITY_EXPANSION:
        return strip_declarations(text)
    return text
