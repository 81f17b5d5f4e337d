"""HTML export: one self-contained page per article (pictures inlined) plus an index page.

Each page opens on its own in any browser, offline, with nothing loaded from the web:
the style is inline and the pictures the library holds are ``data:`` URIs (pictures
it does not hold are left out, as in the window). The body is the sanitised article.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.core.transfer.formats.chapter import esc, lead_picture, meta_line, slug
from reader.core.transfer.formats.xhtml import safe_href
from reader.core.transfer.records import ExportRecord

STYLE = """body{max-width:42em;margin:2em auto;padding:0 1em;font:18px/1.55 Georgia,serif;
color:#222;background:#fdfdfb}h1{line-height:1.2}p.meta,p.source,li small{color:#666;
font:14px/1.4 sans-serif}img{max-width:100%;height:auto}blockquote{margin:1em 2em;
font-style:italic}figcaption{font-size:.85em;color:#555}@media(prefers-color-scheme:dark){
body{background:#1d1f21;color:#ddd}a{color:#8ab4f8}}"""


CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _page(title: str, lang: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
        # Nothing may load from the web even if a page's body ever let an address through.
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def article_page(record: ExportRecord, read_picture: Callable[[str], bytes | None]) -> str:
    from reader.core.transfer.formats.xhtml import to_xhtml  # noqa: PLC0415

    article = record.article
    title = record.title or (article.title if article else "") or record.url
    inline: dict[str, str] = {}
    for picture in record.pictures:
        data = read_picture(picture.sha256)
        if data is not None and picture.mime.startswith("image/"):
            encoded = base64.b64encode(data).decode("ascii")
            inline[picture.url] = f"data:{picture.mime};base64,{encoded}"
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="meta">{esc(meta_line(record))}</p>']
    lead = lead_picture(record)
    if lead is not None and lead.url in inline:
        parts.append(f'<p><img src="{inline[lead.url]}" alt=""></p>')
    if article is not None:
        parts.append(to_xhtml(article.html, inline))
    href = safe_href(record.url)
    if href:
        parts.append(f'<p class="source"><a href="{esc(href)}">{esc(record.url)}</a></p>')
    lang = (article.language if article else None) or "und"
    return _page(title, lang, "\n".join(parts))


def write_html(
    folder: Path,
    records: Iterable[ExportRecord],
    read_picture: Callable[[str], bytes | None],
    *,
    title: str,
    on_record: Callable[[ExportRecord], None] | None = None,
) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    entries: list[str] = []
    taken: set[str] = set()
    for number, record in enumerate(records, start=1):
        name = f"{number:05d}-{slug(record.title or record.url, 50)}.html"
        taken.add(name)
        (folder / name).write_text(article_page(record, read_picture), encoding="utf-8")
        outlet = f" <small>{esc(meta_line(record))}</small>" if meta_line(record) else ""
        entries.append(
            f'<li><a href="{esc(name)}">{esc(record.title or record.url)}</a>{outlet}</li>'
        )
        if on_record is not None:
            on_record(record)
    body = f"<h1>{esc(title)}</h1>\n<ol>\n" + "\n".join(entries) + "\n</ol>"
    (folder / "index.html").write_text(_page(title, "und", body), encoding="utf-8")
    return len(entries)
