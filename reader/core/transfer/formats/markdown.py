"""Markdown export: a folder, one note per article with YAML front matter, pictures beside.

Obsidian, Logseq and static-site tools read the front matter (``title``, ``url``,
``outlet``, ``authors``, ``published``, ``saved``, ``collections``); PyYAML writes it,
so quoting of colons, ``#``, unicode and multi-line values is right. The body is
markdownify's conversion of the clean article (the same one ``kabar read --format
markdown`` prints); pictures the library holds are written to ``pictures/`` and
linked relatively, others keep their web address.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path

import yaml

from reader.core.transfer.formats.chapter import authors_of, day, iso_utc, lead_picture, slug
from reader.core.transfer.records import ExportRecord

PICTURES = "pictures"


def front_matter(record: ExportRecord) -> dict[str, object]:
    article = record.article
    return {
        "title": record.title or (article.title if article else "") or record.url,
        "url": record.url,
        "outlet": record.outlet or None,
        "authors": authors_of(record),
        "published": (article.published if article else None) or None,
        "saved": iso_utc(record.saved_at),
        "collections": [m.collection for m in record.memberships],
        "read": record.state.read,
        "starred": record.state.starred,
    }


def note(record: ExportRecord) -> str:
    from markdownify import markdownify  # noqa: PLC0415 (only this format needs it)

    article = record.article
    head = yaml.safe_dump(front_matter(record), allow_unicode=True, sort_keys=False, width=1000)
    title = record.title or (article.title if article else "") or record.url
    body = ""
    if article is not None:
        html = article.html
        for picture in record.pictures:
            local = f'src="{PICTURES}/{picture.file_name}"'
            # The sanitiser writes & in an address as &amp; (?w=800&amp;h=450).
            for written in {picture.url, escape(picture.url, quote=True)}:
                html = html.replace(f'src="{written}"', local)
        lead = lead_picture(record)
        if lead is not None:
            html = f'<p><img src="{PICTURES}/{lead.file_name}" alt=""></p>' + html
        body = markdownify(html, heading_style="ATX", bullets="-", strip=["span"]).strip()
    label = (record.outlet or record.url).replace("[", "\\[").replace("]", "\\]")
    source = f"[{label}](<{record.url.replace('>', '%3E')}>)"  # spaces, ( and ) allowed
    heading = " ".join(title.split())  # a line break would end the heading halfway
    return f"---\n{head}---\n\n# {heading}\n\n{body}\n\n---\n\n{source}\n"


def note_name(record: ExportRecord, taken: set[str]) -> str:
    """``2026-03-13-gempa-guncang-pantai-selatan.md``, unique within the folder."""
    article = record.article
    date = day(article.published if article else None) or (iso_utc(record.saved_at) or "")[:10]
    stem = "-".join(p for p in (date, slug(record.title or record.url)) if p)
    name, n = f"{stem}.md", 2
    while name.casefold() in taken:
        name, n = f"{stem}-{n}.md", n + 1
    taken.add(name.casefold())
    return name


def write_markdown(
    folder: Path,
    records: Iterable[ExportRecord],
    read_picture: Callable[[str], bytes | None],
    *,
    on_record: Callable[[ExportRecord], None] | None = None,
) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = {p.name.casefold() for p in folder.glob("*.md")}
    written: set[str] = set()
    count = 0
    for record in records:
        (folder / note_name(record, taken)).write_text(note(record), encoding="utf-8")
        for picture in record.pictures:
            if picture.file_name in written:
                continue
            data = read_picture(picture.sha256)
            if data is not None:
                (folder / PICTURES).mkdir(exist_ok=True)
                (folder / PICTURES / picture.file_name).write_bytes(data)
                written.add(picture.file_name)
        count += 1
        if on_record is not None:
            on_record(record)
    return count
