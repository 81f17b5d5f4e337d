"""``kabar read URL``: fetch one article (all its pages) and print it cleanly.

Formats: ``text`` (for a terminal or a pager), ``markdown``, ``html`` (a small
standalone document with the sanitised body) and ``json`` (stable keys that
scripts and external checks parse). Every failure is a ``ReaderError`` that
:mod:`reader.app` prints as one line on stderr with exit status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from reader.commands.output import print_json
from reader.core.urls import typed_address

if TYPE_CHECKING:
    from reader.core.models import Article, RelatedLink
    from reader.core.services import Services

FORMATS = ("text", "markdown", "html", "json")
#: Headings of the related-link groups, by ``RelatedLink.kind``.
GROUPS = (("inline", "In the text"), ("block", "Related"))


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "read",
        parents=[common],
        help="print the clean article at URL and its related links",
        description="Fetch the article at URL (every page of it), extract the text and print "
        "it with its related links.",
    )
    parser.add_argument(
        "url", metavar="URL", type=typed_address, help="address of the article (http or https)"
    )
    parser.add_argument(
        "--format", "-f", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--json", dest="format", action="store_const", const="json", help="same as --format json"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, services: Services) -> int:
    from reader.core.net import check_url  # noqa: PLC0415

    check_url(args.url)  # a malformed address fails at once, before the library opens
    fetched = services.read_article(args.url)
    article = fetched.article
    if article is None:  # only a conditional GET can answer "not modified"; read sends none
        from reader.core.errors import FetchError  # noqa: PLC0415

        raise FetchError(args.url, f"The server did not send {args.url} again (not modified).")
    out = utf8_stdout()
    try:
        write_article(article, args.format, out, final_url=fetched.final_url)
        out.flush()
    except BrokenPipeError:
        # The reader closed the pipe (`kabar read URL | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def utf8_stdout() -> TextIO:
    """stdout as UTF-8 whatever the locale (a pipe under LANG=C would choke on "é")."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(encoding="utf-8", errors="replace")
    return stream


def write_article(article: Article, fmt: str, out: TextIO, *, final_url: str = "") -> None:
    if fmt == "json":
        print_json(article_json(article, final_url=final_url), out)
    elif fmt == "markdown":
        out.write(as_markdown(article))
    elif fmt == "html":
        out.write(as_html(article))
    else:
        out.write(as_text(article))


# -- shared pieces ------------------------------------------------------------------
def format_date(value: str | None) -> str:
    """ISO 8601 to "5 January 2026, 15:00" in this computer's time, as the window shows it,
    with the page's own clock after it when its zone differs: "(22:00 UTC+07:00 on the
    page)". A time without a zone is shown as the page gave it; the raw value if it does
    not parse."""
    if not value:
        return ""
    try:
        stated = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return value
    if len(value.strip()) <= 10:
        return f"{stated.day} {stated:%B %Y}"
    offset = stated.utcoffset()
    moment = stated if offset is None else stated.astimezone()
    shown = f"{moment.day} {moment:%B %Y}, {moment:%H:%M}"
    if offset is None or moment.utcoffset() == offset:
        return shown
    minutes = int(offset.total_seconds() // 60)
    zone = f"UTC{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{shown} ({stated:%H:%M} {zone} on the page)"


def meta_line(article: Article) -> str:
    parts = [article.site_name, article.byline, format_date(article.published)]
    if article.pages > 1:
        parts.append(f"{article.pages} pages")
    return " · ".join(p for p in parts if p)


def grouped(related: Iterable[RelatedLink]) -> list[tuple[str, list[RelatedLink]]]:
    links = list(related)
    groups = [(title, [link for link in links if link.kind == kind]) for kind, title in GROUPS]
    return [(title, items) for title, items in groups if items]


# -- formats ----------------------------------------------------------------------
def article_json(article: Article, *, final_url: str = "") -> dict[str, Any]:
    """The JSON object of ``kabar read --json``; key names are a public interface."""
    return {
        "url": article.url,
        "canonical_url": article.canonical_url,
        "final_url": final_url or article.url,
        "title": article.title,
        "byline": article.byline,
        "authors": list(article.authors),
        "published": article.published,
        "site_name": article.site_name,
        "language": article.language,
        "lead_image": article.lead_image,
        "description": article.description,
        "html": article.html,
        "text": article.text,
        "related": [
            {"url": r.url, "title": r.title, "source": r.source, "kind": r.kind}
            for r in article.related
        ],
        "next_page": article.next_page,
        "pages": article.pages,
        "images": list(article.images),
        "word_count": article.word_count,
    }


def as_text(article: Article) -> str:
    lines = [article.title or article.url]
    meta = meta_line(article)
    if meta:
        lines.append(meta)
    lines.append(article.canonical_url or article.url)
    lines += ["", article.text.strip(), ""]
    for title, links in grouped(article.related):
        lines += [title, ""]
        for link in links:
            lines.append(f"  • {link.title}" + (f" — {link.source}" if link.source else ""))
            lines.append(f"    {link.url}")
        lines.append("")
    if article.next_page:
        lines += [f"More pages not read: {article.next_page}", ""]
    return "\n".join(lines)


def _md_text(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#" else ch for ch in text)


def as_markdown(article: Article) -> str:
    from markdownify import markdownify  # noqa: PLC0415 (only this format needs it)

    body = markdownify(article.html, heading_style="ATX", bullets="-", strip=["span"]).strip()
    parts = [f"# {_md_text(article.title or article.url)}", ""]
    meta = meta_line(article)
    if meta:
        parts += [f"*{_md_text(meta)}*", ""]
    source = article.canonical_url or article.url
    parts += [f"<{source}>", "", body, ""]
    for title, links in grouped(article.related):
        parts += [f"## {title}", ""]
        for link in links:
            suffix = f" — {_md_text(link.source)}" if link.source else ""
            parts.append(f"- [{_md_text(link.title)}](<{link.url}>){suffix}")
        parts.append("")
    return "\n".join(parts)


_STYLE = (
    "body{max-width:40em;margin:2em auto;padding:0 1em;font:18px/1.6 Georgia,serif;color:#222}"
    "h1{line-height:1.2}.meta{color:#666;font-size:.9em}img{max-width:100%;height:auto}"
    "blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em;color:#444}"
)


def as_html(article: Article) -> str:
    import html as htmllib  # noqa: PLC0415

    from reader.core.page import sanitize_html  # noqa: PLC0415

    def esc(value: str) -> str:
        return htmllib.escape(value, quote=True)

    source = article.canonical_url or article.url
    body = sanitize_html(article.html, article.url)
    lang = f' lang="{esc(article.language)}"' if article.language else ""
    parts = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(article.title or source)}</title>",
        f'<link rel="canonical" href="{esc(source)}">',
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<article>",
        f"<h1>{esc(article.title or source)}</h1>",
    ]
    meta = meta_line(article)
    if meta:
        parts.append(f'<p class="meta">{esc(meta)}</p>')
    parts += [
        body,
        f'<p class="meta"><a href="{esc(source)}">Original article</a></p>',
        "</article>",
    ]
    for title, links in grouped(article.related):
        parts += [f"<section><h2>{esc(title)}</h2>", "<ul>"]
        for link in links:
            outlet = f" <small>— {esc(link.source)}</small>" if link.source else ""
            parts.append(f'<li><a href="{esc(link.url)}">{esc(link.title)}</a>{outlet}</li>')
        parts += ["</ul>", "</section>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
