"""Export benchmark: a 5,000-article library to EPUB, beside a plain zip of the same files.

Two parts, both reading real pages from ``$KABAR_CORPUS_DIR`` or the nearest
``shared/corpus`` above the checkout (skipped with one line when absent; nothing from it
enters the repository):

1. **Validity**: 50 real articles (25 Mozilla readability test pages, 25 Dragnet news
   pages) are extracted by Kabar, saved with a picture each, exported to EPUB and checked
   with ``epubcheck`` (Debian package ``epubcheck``; skipped with one line when absent).
2. **Speed**: those articles are repeated into a library of ``--articles`` (default
   5,000), each with its own small PNG, and a share of them (``--webp``, default 0.5)
   with an 800x450 WebP photo as well, as image CDNs send them: EPUB 3.2 has no WebP, so
   the export converts each to JPEG (:mod:`reader.core.transfer.formats.pictures`).
   Exported to EPUB by Kabar; wall and CPU seconds (CPU time is what a shared machine
   cannot inflate; the load average is printed beside). Baseline, in the same run: a
   plain zip of the same chapter bodies and pictures, read from the same library, with
   no XHTML work and no conversion (the floor any EPUB writer stands on), and Pillow's
   conversion alone, one picture after another. When ebooklib is importable it is timed
   on the same records too (it is not a Kabar dependency).

3. **Restore memory** (``--json N``, no corpus needed): a library of N saved articles with
   three 250 KB pictures each is exported to Kabar JSON and imported into a fresh library
   by a ``kabar import`` child; its peak RSS is printed beside, as the baseline measured in
   the same run, a child that reads the same file whole (``json.load`` and the pictures
   decoded: what the importer did before it streamed).

Usage: ``python benchmarks/export.py [--articles N] [--webp SHARE] [--keep DIR] [--json N]``
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from measure import corpus_root  # noqa: E402

from reader.core.library import Library  # noqa: E402
from reader.core.models import Article, Validators  # noqa: E402
from reader.core.page import extract  # noqa: E402
from reader.core.paths import DataPaths  # noqa: E402
from reader.core.store import ImageRef  # noqa: E402
from reader.core.store import articles as q  # noqa: E402
from reader.core.store import collections as cols  # noqa: E402
from reader.core.transfer.exporter import Exporter  # noqa: E402
from reader.core.transfer.formats.pictures import for_book  # noqa: E402
from reader.core.urls import canonicalize  # noqa: E402
from tests.core.libkit import png  # noqa: E402
from tests.core.transfer.epubcheck import epubcheck_command  # noqa: E402

CORPUS = corpus_root()
COLLECTION = "Bacaan"


def real_articles(limit: int = 50) -> list[Article]:
    pages: list[tuple[str, str]] = []
    readability = CORPUS / "readability-test-pages"
    for folder in sorted(readability.iterdir())[: limit // 2] if readability.is_dir() else []:
        source = folder / "source.html"
        if source.is_file():
            pages.append(
                (
                    f"https://readability.example/{folder.name}/",
                    source.read_text("utf-8", "replace"),
                )
            )
    dragnet = CORPUS / "dev-extraction" / "dragnet"
    manifest = dragnet / "manifest.jsonl"
    if manifest.is_file():
        for line in manifest.read_text("utf-8").splitlines():
            if len(pages) >= limit:
                break
            entry = json.loads(line)
            html = gzip.decompress((dragnet / entry["html"]).read_bytes()).decode(
                "utf-8", "replace"
            )
            pages.append((f"https://dragnet.example/{entry['id']}", html))
    found = []
    for url, html in pages:
        try:
            article = extract(html, url)
        except Exception as error:  # a page the extractor refuses is not an export question
            print(f"  skipped {url}: {type(error).__name__}")
            continue
        found.append(article)
    return found


@functools.cache
def _sky(variant: int, width: int, height: int) -> Any:
    from PIL import Image

    sky = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 30 + variant * 3).convert("RGB")
    return Image.blend(sky, noise, 0.35)


def photo(n: int, width: int = 800, height: int = 450) -> bytes:
    """A distinct WebP "photo" for article ``n``: sky, ground, noise, a block; about 60 KB."""
    from PIL import ImageDraw

    picture = _sky(n % 8, width, height).copy()
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(60 + n % 120, 110, 40))
    x = (n * 37) % (width - 120)
    draw.rectangle((x, 80, x + 120, 200), fill=(n % 256, (n * 7) % 256, (n * 13) % 256))
    out = io.BytesIO()
    picture.save(out, "WEBP", quality=80, method=0)  # the fastest encoder: same decoding
    return out.getvalue()


def build(root: Path, articles: list[Article], count: int, webp_share: float = 0.0) -> Library:
    """``count`` saved articles (the real ones repeated under new addresses), a small PNG
    each, and an 800x450 WebP photo in ``webp_share`` of them."""
    library = Library.open(DataPaths(root), check=False)
    now = time.time()
    with library.store.write() as conn:
        collection = cols.ensure(conn, COLLECTION, now)
    batch = 500
    every = round(1 / webp_share) if webp_share > 0 else 0
    for start in range(0, count, batch):
        with library.store.write() as conn:
            for n in range(start, min(count, start + batch)):
                base = articles[n % len(articles)]
                url = f"{base.url.rstrip('/')}/copy-{n}"
                picture = f"https://img.example/{n}.png"
                html = f'<figure><img src="{picture}" alt=""></figure>' + base.html
                data = png(48 + n % 64, 36 + n // 64 % 64, seed=n)  # distinct files
                refs = [ImageRef(picture, library.images.put(data), len(data), "image/png",
                                 None, None)]  # fmt: skip
                if every and n % every == 0:
                    lead = f"https://cdn.example/{n}.jpg?w=800"  # the CDN chose WebP
                    data = photo(n)
                    refs.append(ImageRef(lead, library.images.put(data), len(data),
                                         "image/webp", 800, 450))  # fmt: skip
                    html = f'<figure><img src="{lead}" alt=""></figure>' + html
                article = Article(
                    url=url, canonical_url=url, title=base.title or f"Article {n}", html=html,
                    text=base.text, byline=base.byline, published=base.published,
                    site_name=base.site_name, language=base.language,
                    images=[r.url for r in refs],
                )  # fmt: skip
                key = canonicalize(url)
                q.put_article(
                    conn, key=key, final_url=url, aliases=(), article=article,
                    validators=Validators(), now=now, images=refs,
                )  # fmt: skip
                cols.add_item(conn, collection.id, key, title=article.title, outlet="x",
                              now=now - n)  # fmt: skip
    return library


def plain_zip(library: Library, out: Path) -> float:
    exporter = Exporter(library)
    started = time.perf_counter()
    written: set[str] = set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for n, record in enumerate(exporter.records(exporter.keys([COLLECTION])), start=1):
            assert record.article is not None
            archive.writestr(f"text/{n}.html", record.article.html)
            for picture in record.pictures:
                data = exporter.read_picture(picture.sha256)
                if data is not None and picture.file_name not in written:
                    written.add(picture.file_name)
                    archive.writestr(f"images/{picture.file_name}", data,
                                     compress_type=zipfile.ZIP_STORED)  # fmt: skip
    return time.perf_counter() - started


def conversion_alone(library: Library) -> tuple[int, float, float]:
    """(WebP pictures, wall s, CPU s) of Pillow converting them one after another."""
    exporter = Exporter(library)
    count, wall, cpu = 0, 0.0, 0.0
    for record in exporter.records(exporter.keys([COLLECTION])):
        for picture in record.pictures:
            if picture.mime != "image/webp":
                continue
            body = exporter.read_picture(picture.sha256) or b""
            started, cpu_started = time.perf_counter(), time.process_time()
            assert for_book(body, picture.mime) is not None
            wall += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            count += 1
    return count, wall, cpu


def ebooklib_time(library: Library, out: Path) -> float | None:
    try:
        started = time.perf_counter()
        from ebooklib import epub  # type: ignore[import-not-found]
    except ImportError:
        return None
    exporter = Exporter(library)
    book = epub.EpubBook()
    book.set_identifier("kabar-bench")
    book.set_title("Kabar")
    book.set_language("en")
    chapters = []
    for n, record in enumerate(exporter.records(exporter.keys([COLLECTION])), start=1):
        assert record.article is not None
        chapter = epub.EpubHtml(title=record.title, file_name=f"a{n}.xhtml", lang="en")
        chapter.content = f"<h1>{record.title}</h1>{record.article.html}"
        book.add_item(chapter)
        chapters.append(chapter)
        for picture in record.pictures:
            data = exporter.read_picture(picture.sha256)
            book.add_item(epub.EpubItem(uid=f"i{n}", file_name=f"images/{picture.file_name}",
                                        media_type=picture.mime, content=data))  # fmt: skip
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    epub.write_epub(str(out), book)
    return time.perf_counter() - started


WHOLE_FILE = """
import base64, json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
pictures = {sha: base64.b64decode(text) for sha, text in data["pictures"].items()}
print(len(data["articles"]), len(pictures))
"""


def child_peak(command: list[str]) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=ROOT)
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command[:4]} failed ({process.returncode})")
    return time.perf_counter() - started, usage.ru_maxrss // 1024


def json_memory(work: Path, count: int, per_article: int = 3, kb: int = 250) -> None:
    """Peak memory of restoring a Kabar JSON export, beside reading the file whole."""
    library = Library.open(DataPaths(work / "json-source"), check=False)
    now = time.time()
    body = "<p>" + "Paragraf berita yang cukup panjang untuk sebuah artikel. " * 100 + "</p>"
    with library.store.write() as conn:
        collection = cols.ensure(conn, COLLECTION, now)
    for start in range(0, count, 200):
        with library.store.write() as conn:
            for n in range(start, min(count, start + 200)):
                url = f"https://nusa.example/berita/{n}"
                refs = []
                for i in range(per_article):
                    data = png(8, 8, seed=n * per_article + i) + os.urandom(kb * 1024)
                    picture = f"https://img.example/{n}/{i}.png"
                    refs.append(ImageRef(picture, library.images.put(data), len(data),
                                         "image/png", 8, 8))  # fmt: skip
                html = "".join(f'<img src="{r.url}" alt="">' for r in refs) + body
                article = Article(url=url, canonical_url=url, title=f"Berita {n}", html=html,
                                  text=body, images=[r.url for r in refs])  # fmt: skip
                q.put_article(
                    conn, key=canonicalize(url), final_url=url, aliases=(), article=article,
                    validators=Validators(), now=now, images=refs,
                )  # fmt: skip
                cols.add_item(conn, collection.id, canonicalize(url), title=article.title,
                              outlet="Nusa", now=now - n)  # fmt: skip
    export = work / "library.json"
    Exporter(library).export("json", export)
    library.close()
    size = export.stat().st_size / 2**20
    kabar = [sys.executable, "-m", "reader", "--data-dir", str(work / "json-restored")]
    seconds, peak = child_peak([*kabar, "import", str(export), "--no-fetch"])
    whole_s, whole = child_peak([sys.executable, "-c", WHOLE_FILE, str(export)])
    print(f"\nKabar JSON restore: {count} articles, {count * per_article} pictures,"
          f" {size:.0f} MB file")  # fmt: skip
    print(f"{'':<44}{'seconds':>9}{'peak RSS':>12}")
    print(f"{'kabar import (streamed, whole restore)':<44}{seconds:>9.1f}{peak:>9} MB")
    print(f"{'baseline: json.load + decode, nothing saved':<44}{whole_s:>9.1f}{whole:>9} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument(
        "--webp", type=float, default=0.5, metavar="SHARE",
        help="share of articles with an 800x450 WebP photo (default 0.5)",
    )  # fmt: skip
    parser.add_argument("--keep", metavar="DIR", help="keep the library and exports here")
    parser.add_argument(
        "--json", type=int, metavar="N", help="only measure restoring an N-article JSON export"
    )
    args = parser.parse_args()
    if args.json:
        with tempfile.TemporaryDirectory(prefix="kabar-json-") as folder:
            json_memory(Path(args.keep or folder), args.json)
        return 0
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: skipped")
        return 0
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kabar-export-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        articles = real_articles(50)
        print(f"real articles extracted: {len(articles)}")

        # 1. validity of 50 real articles
        small = build(work / "small", articles, len(articles), args.webp)
        book = work / "real-50.epub"
        report = Exporter(small).export("epub", book, [COLLECTION])
        small.close()
        command = epubcheck_command()
        if command is None:
            print("epubcheck not installed (Debian package epubcheck): validity not checked")
        else:
            result = subprocess.run([*command, str(book)], capture_output=True, text=True,
                                    check=False)  # fmt: skip
            lines = (result.stdout + result.stderr).splitlines()
            errors = [line for line in lines if line.startswith(("ERROR", "FATAL"))]
            warnings = [line for line in lines if line.startswith("WARNING")]
            summary = next((line for line in lines if line.startswith("Messages:")), "")
            print(f"epubcheck on {report.articles} real articles: {len(errors)} errors,"
                  f" {len(warnings)} warnings ({summary.strip()})")  # fmt: skip
            for line in errors[:20]:
                print("  ", line)

        # 2. speed at library scale
        started = time.perf_counter()
        big = build(work / "big", articles, args.articles, args.webp)
        print(f"library of {args.articles} saved articles built in"
              f" {time.perf_counter() - started:.1f} s")  # fmt: skip
        load = os.getloadavg()[0]
        cpu = time.process_time()
        baseline = plain_zip(big, work / "plain.zip")
        baseline_cpu = time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        report = Exporter(big).export("epub", work / "library.epub", [COLLECTION])
        kabar, kabar_cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        size = (work / "library.epub").stat().st_size / 2**20
        webps, convert, convert_cpu = conversion_alone(big)
        print(f"\n{'':<34}{'wall s':>9}{'CPU s':>9}{'per article':>14}")
        print(
            f"{'Kabar EPUB export':<34}{kabar:>9.1f}{kabar_cpu:>9.1f}"
            f"{kabar / report.articles * 1000:>11.1f} ms"
            f"   ({report.articles} chapters, {report.pictures} pictures of which"
            f" {webps} WebP converted, {size:.0f} MB)"
        )
        print(
            f"{'baseline: plain zip, same files':<34}{baseline:>9.1f}{baseline_cpu:>9.1f}"
            f"{baseline / report.articles * 1000:>11.1f} ms"
        )
        if webps:
            print(
                f"{'baseline: Pillow WebP->JPEG alone':<34}{convert:>9.1f}{convert_cpu:>9.1f}"
                f"{convert / webps * 1000:>11.1f} ms per picture"
                f" ({convert_cpu / webps * 1000:.1f} ms CPU)"
            )
        print(f"load average at the start: {load:.1f} on {os.cpu_count()} cores")
        other = ebooklib_time(big, work / "ebooklib.epub")
        if other is None:
            print(f"{'ebooklib (same records)':<34}   not installed: skipped")
        else:
            print(
                f"{'ebooklib (same records)':<34}{other:>9.1f}"
                f"{other / report.articles * 1000:>11.1f} ms"
            )
        print(
            f"budget: under 60 s -> {'met' if kabar < 60 else 'MISSED'};"
            f" peak RSS after the export {peak} MB"
        )
        big.close()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
