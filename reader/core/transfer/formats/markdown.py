"""Markdown export: a folder, one note per article with YAML front matter, pictures beside.

Obsidian, Logseq and static-site tools read the front matter (``title``, ``url``,
``outlet``, ``authors``, ``published``, ``saved``, ``collections``); PyYAML writes it,
so quoting of colons, ``#``, unicode and multi-line values is right. The body is
markdownify's conversion of the clean article (the same one ``kabar read --format
markdown`` prints); pictures the library holds are written to ``pictures/`` and
linked relatively, others keep their web address.

Each article's note has a stable name (its date and title): exporting again into the same
folder rewrites the article's own notes instead of adding copies. A note is the article's
own when its front matter ``url`` says so; any other file of that name (a note the user
wrote, another article with the same date and title) is left alone and the article takes
a name with a short digest of its address.
"""

from __future__ import annotations

import hashlib
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


def note_name(record: ExportRecord, folder: Path, taken: set[str]) -> str:
    """``2026-03-13-gempa-guncang-pantai-selatan.md``: the same name each export.

    ``taken`` holds the names (casefolded) this export used already. A file of that
    name in ``folder`` is reused only when it is this article's note.
    """
    article = record.article
    date = day(article.published if article else None) or (iso_utc(record.saved_at) or "")[:10]
    stem = "-".join(p for p in (date, slug(record.title or record.url)) if p)
    digest = hashlib.sha256(record.key.encode("utf-8")).hexdigest()[:8]
    names = [f"{stem}.md", f"{stem}-{digest}.md"]
    n = 2
    while True:
        for name in names:
            if name.casefold() not in taken and _free_for(folder / name, record.url):
                taken.add(name.casefold())
                return name
        names, n = [f"{stem}-{digest}-{n}.md"], n + 1


def _free_for(path: Path, url: str) -> bool:
    """No such file, or the note Kabar wrote for ``url`` in an earlier export."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(16384)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not head.startswith("---\n"):
        return False
    block = head[4:].split("\n---\n", 1)[0]
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        return False
    return isinstance(meta, dict) and meta.get("url") == url


def write_markdown(
    folder: Path,
    records: Iterable[ExportRecord],
    read_picture: Callable[[str], bytes | None],
    *,
    on_record: Callable[[ExportRecord], None] | None = None,
) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    written: set[str] = set()
    count = 0
    for record in records:
        (folder / note_name(record, folder, taken)).write_text(note(record), encoding="utf-8")
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
