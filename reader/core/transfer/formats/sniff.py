"""Recognise an import file by what it contains (never by its name) and read it.

A zip is looked into (Pocket's ``part_*.csv`` files, Omnivore's
``metadata_*.json`` + ``content/*.html``); JSON is told apart by its fields
(Kabar's marker, wallabag's ``is_archived``, Omnivore's ``savedAt``); HTML by
its doctype and attributes (Netscape bookmarks, Pocket's ``time_added``); CSV
by its header row.
"""

from __future__ import annotations

import codecs
import io
import json
import posixpath
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from reader.core.transfer.formats import csvfiles, htmlfiles, jsonfiles, kabarjson
from reader.core.transfer.formats.common import decode_text, merge
from reader.core.transfer.items import ImportDocument, ImportFormatError, ImportItem, ImportProblem

#: Refuse files and zips larger than this (a zip bomb, or not an export): everything but a
#: Kabar export (streamed) is read whole. A 4 MB zip unpacking to 1.5 GB of CSV rows took
#: more than 14 GB of memory before these limits.
MAX_FILE = 1024**3
MAX_UNZIPPED = 1024**3
MAX_MEMBERS = 100_000
#: A list of links (a CSV, Omnivore's metadata, a bookmark file) larger than this is not
#: an export: 256 MB of Pocket CSV is about two million links.
MAX_LIST = 256 * 1024**2

KNOWN = (
    "Pocket (CSV, a zip of CSV parts, or the older HTML), Instapaper CSV, wallabag JSON, "
    "an Omnivore export zip, browser bookmarks (HTML) or a Kabar export (JSON)"
)


def read_import(data: bytes) -> ImportDocument:
    """Read an export file of any supported format; raises :class:`ImportFormatError`."""
    if not data.strip():
        raise ImportFormatError("The file is empty.")
    if len(data) > MAX_FILE:
        raise ImportFormatError(_too_large("The file", len(data)))
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _read_zip(data)
    text = decode_text(data)
    stripped = text.lstrip()
    if kabarjson.is_archive(stripped):
        return _archive(lambda: _after_bom(io.BytesIO(data)))
    if stripped.startswith(("{", "[")):
        return _read_json(stripped)
    if stripped.startswith("<"):
        return _read_html(text)
    header = csvfiles.header_of(text)
    if csvfiles.is_pocket(header):
        return _document("pocket-csv", *csvfiles.read_pocket(text))
    if csvfiles.is_instapaper(header):
        return _document("instapaper-csv", *csvfiles.read_instapaper(text))
    raise ImportFormatError(f"Kabar does not recognise this file. It imports {KNOWN}.")


def read_import_file(path: Path) -> ImportDocument:
    """:func:`read_import` of a file; a Kabar export is streamed from it, never read whole
    (a library's export can be gigabytes of pictures)."""
    with path.open("rb") as stream:
        head = stream.read(4096)
    if kabarjson.is_archive(decode_text(head).lstrip()):
        return _archive(lambda: _after_bom(path.open("rb")))
    size = path.stat().st_size
    if size > MAX_FILE:
        raise ImportFormatError(_too_large("The file", size))
    return read_import(path.read_bytes())


def _too_large(what: str, size: int) -> str:
    return f"{what} is {size / 1024**2:,.0f} MB: too large to be an export Kabar imports."


def _after_bom(stream: IO[bytes]) -> IO[bytes]:
    if stream.read(3) != codecs.BOM_UTF8:
        stream.seek(0)
    return stream


def _archive(opener: Callable[[], IO[bytes]]) -> ImportDocument:
    """A Kabar export: its articles are counted and restored as they stream by."""
    return ImportDocument(format="kabar-json", items=(), archive=kabarjson.open_archive(opener))


def _document(
    fmt: str,
    items: Iterable[ImportItem],
    problems: list[ImportProblem],
) -> ImportDocument:
    merged, duplicates = merge(items)
    return ImportDocument(
        format=fmt,  # type: ignore[arg-type]
        items=merged,
        problems=tuple(problems),
        duplicates=duplicates,
    )


def _read_json(text: str) -> ImportDocument:
    first = _first_element(text)
    if jsonfiles.looks_like_wallabag(first):
        return _document("wallabag-json", *jsonfiles.read_wallabag(text))
    if jsonfiles.looks_like_omnivore(first):
        return _document("omnivore-zip", *jsonfiles.read_omnivore({"metadata.json": text}, {}))
    raise ImportFormatError(f"Kabar does not recognise this JSON file. It imports {KNOWN}.")


def _first_element(text: str) -> object:
    try:
        for _line, value in jsonfiles.iter_array(text):
            return value
    except ImportFormatError:
        pass
    try:
        return json.loads(text)
    except ValueError:
        return None


def _read_html(text: str) -> ImportDocument:
    if htmlfiles.is_bookmarks(text):
        return _document("bookmarks-html", *htmlfiles.read_links(text))
    if htmlfiles.is_pocket_html(text):
        return _document("pocket-html", *htmlfiles.read_links(text))
    raise ImportFormatError(f"Kabar does not recognise this HTML file. It imports {KNOWN}.")


def _read_zip(data: bytes) -> ImportDocument:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFormatError(f"The zip file is damaged ({error}).") from error
    if len(members) > MAX_MEMBERS:
        raise ImportFormatError(f"The zip holds {len(members):,} files: too many for an export.")
    unzipped = sum(m.file_size for m in members)
    if unzipped > MAX_UNZIPPED:
        raise ImportFormatError(_too_large("The zip file unpacked", unzipped))

    def read(member: zipfile.ZipInfo) -> str:
        if member.file_size > MAX_LIST and "content/" not in member.filename:
            raise ImportFormatError(_too_large(f"{member.filename} in the zip", member.file_size))
        try:
            return decode_text(archive.read(member))
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as error:
            message = f"{member.filename} in the zip is damaged ({error})."
            raise ImportFormatError(message) from error

    def base(member: zipfile.ZipInfo) -> str:
        return posixpath.basename(member.filename)

    metadata = [m for m in members if base(m).startswith("metadata") and base(m).endswith(".json")]
    if metadata:
        parts = {base(m): read(m) for m in metadata}
        contents = {
            posixpath.splitext(base(m))[0]: read(m)
            for m in members
            if "content/" in m.filename and m.filename.endswith((".html", ".htm"))
            and m.file_size <= jsonfiles.MAX_CONTENT  # larger: not unpacked (see jsonfiles)
        }  # fmt: skip
        return _document("omnivore-zip", *jsonfiles.read_omnivore(parts, contents))
    csvs = sorted((m for m in members if m.filename.lower().endswith(".csv")), key=base)
    items: list[ImportItem] = []
    problems: list[ImportProblem] = []
    fmt = ""
    for member in csvs:
        text = read(member)
        header = csvfiles.header_of(text)
        if csvfiles.is_pocket(header):
            fmt = fmt or "pocket-csv"
            found, trouble = csvfiles.read_pocket(text, base(member))
        elif csvfiles.is_instapaper(header):
            fmt = fmt or "instapaper-csv"
            found, trouble = csvfiles.read_instapaper(text, base(member))
        else:
            continue
        items += found
        problems += trouble
    if fmt:
        return _document(fmt, items, problems)
    for member in members:  # a single export zipped by hand
        if base(member).lower().endswith((".json", ".html", ".htm")):
            if member.file_size > MAX_LIST:
                continue
            try:
                return read_import(archive.read(member))
            except ImportFormatError:
                continue
    raise ImportFormatError(f"Kabar found no export it knows in this zip. It imports {KNOWN}.")
