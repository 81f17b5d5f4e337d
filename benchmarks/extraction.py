"""Score article extractors side by side on the extraction corpora.

Usage::

    .venv/bin/python benchmarks/extraction.py [--corpus dragnet|mozilla|synthetic|testweb|all]
        [--split train|test|all] [--limit N] [--worst N] [--repeat N] [--only NAME,...]

Extractors: Kabar (``reader.core.page.extract``), raw readability-lxml
``Document(html, url=url).summary(html_partial=True)``, and trafilatura
``extract(include_comments=False)`` when it is installed. Metric and corpora are
described in ``benchmarks/shingles.py`` and ``../shared/corpus/*/README.md``.
Corpora live outside the repository (``KABAR_CORPUS_DIR`` or ``../shared/corpus``);
a missing one is skipped with one line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
import tomllib
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from shingles import (  # noqa: E402
    CorpusScore,
    PageScore,
    html_to_text,
    score_corpus,
    score_page,
)

CORPUS_ROOT = Path(os.environ.get("KABAR_CORPUS_DIR", REPO.parent / "shared" / "corpus"))
ACCEPTED_FILE = HERE / "accepted_regressions.toml"
SYNTHETIC_BASE = "https://warta-sukamaju.example/berita/"
MOZILLA_URL = "http://fakehost/test/page.html"
WORSE_MARGIN = 0.05

#: Labels that must never be left in a body (teasers and related-block headings).
LEAK_RE = re.compile(
    r"^\W*(baca juga|lihat juga|baca lebih lanjut|berita terkait|artikel terkait|"
    r"read more|also read|related|more on this)\b",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(slots=True)
class Page:
    id: str
    corpus: str
    split: str
    url: str
    html: str
    truth: str
    #: link texts in the page that are not in the truth (teasers, related titles)
    foreign_links: list[str] = field(default_factory=list)
    #: further pages of a split article: (url, html), extracted and joined in order
    extra_pages: list[tuple[str, str]] = field(default_factory=list)


# ----------------------------------------------------------------------------- corpora


def load_dragnet(split: str) -> Iterator[Page]:
    root = CORPUS_ROOT / "dev-extraction" / "dragnet"
    with (root / "manifest.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if split != "all" and item["split"] != split:
                continue
            html = gzip.decompress((root / item["html"]).read_bytes()).decode("utf-8", "replace")
            url = item["url"] or f"https://dragnet.invalid/{item['id']}"
            yield Page(item["id"], "dragnet", item["split"], url, html, item["text"])


def _expected_pages(folder: Path, corpus: str, url_for: Callable[[str], str]) -> Iterator[Page]:
    for sub in sorted(p for p in folder.iterdir() if (p / "source.html").is_file()):
        html = (sub / "source.html").read_text(encoding="utf-8", errors="replace")
        truth = html_to_text((sub / "expected.html").read_text(encoding="utf-8", errors="replace"))
        yield Page(sub.name, corpus, "all", url_for(sub.name), html, truth)


def load_mozilla(split: str) -> Iterator[Page]:
    yield from _expected_pages(
        CORPUS_ROOT / "readability-test-pages", "mozilla", lambda _name: MOZILLA_URL
    )


def load_synthetic(split: str) -> Iterator[Page]:
    import lxml.html

    for page in _expected_pages(
        CORPUS_ROOT / "synthetic-id", "synthetic", lambda name: SYNTHETIC_BASE + name
    ):
        doc = lxml.html.document_fromstring(page.html)
        truth_norm = " ".join(page.truth.split())
        for a in doc.iter("a", "h4"):
            text = " ".join("".join(str(t) for t in a.itertext()).split())
            if len(text.split()) >= 4 and text not in truth_norm:
                page.foreign_links.append(text)
        yield page


def load_testweb(split: str) -> Iterator[Page]:
    """Articles of the fictional test web (``tests/web``), served on 127.0.0.1.

    A split article's pages are joined into one page (``<hr>`` between them, each
    page's ``<body>`` kept), so every extractor is scored on the whole article,
    as ``web.truth(url)`` describes it.
    """
    import urllib.request

    from reader.core.net import decode_html
    from tests.web import TestWeb

    with TestWeb() as web:
        for url in web.article_urls():
            truth = web.truth(url)
            htmls = []
            for page_url in truth.page_urls:
                with urllib.request.urlopen(page_url, timeout=10) as reply:
                    htmls.append(decode_html(reply.read(), reply.headers.get("content-type")))
            page = Page(
                id=f"{truth.outlet}:{url.split('/', 3)[-1][:40]}",
                corpus="testweb",
                split="all",
                url=url,
                html=htmls[0],
                truth=truth.text,
                foreign_links=[t for _, t in truth.inline_related]
                + [t for _, t, _ in truth.block_related],
            )
            page.extra_pages = [(u, h) for u, h in zip(truth.page_urls[1:], htmls[1:], strict=True)]
            yield page


CORPORA: dict[str, tuple[Callable[[str], Iterator[Page]], Path]] = {
    "dragnet": (load_dragnet, CORPUS_ROOT / "dev-extraction" / "dragnet" / "manifest.jsonl"),
    "mozilla": (load_mozilla, CORPUS_ROOT / "readability-test-pages"),
    "synthetic": (load_synthetic, CORPUS_ROOT / "synthetic-id"),
    "testweb": (load_testweb, REPO / "tests" / "web" / "__init__.py"),
}


# -------------------------------------------------------------------------- extractors

Extractor = Callable[[str, str], str]


def kabar_extractor() -> Extractor | None:
    try:
        from reader.core.errors import ExtractError
        from reader.core.page import extract
    except ImportError as exc:
        print(f"(Kabar extractor not importable: {exc})")
        return None

    def run(html: str, url: str) -> str:
        try:
            return extract(html, url).html
        except ExtractError:
            return ""

    return run


def readability_extractor() -> Extractor | None:
    try:
        from readability import Document
        from readability.readability import Unparseable
    except ImportError:
        return None

    def run(html: str, url: str) -> str:
        try:
            return str(Document(html, url=url).summary(html_partial=True))
        except Unparseable:
            return ""

    return run


def trafilatura_extractor() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        print("(trafilatura not installed: skipped)")
        return None

    def run(html: str, url: str) -> str:
        out = trafilatura.extract(html, url=url, include_comments=False)
        # trafilatura returns text; keep lines as blocks for html_to_text.
        return "".join(f"<p>{_escape(line)}</p>" for line in (out or "").splitlines())

    return run


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


EXTRACTORS: dict[str, Callable[[], Extractor | None]] = {
    "kabar": kabar_extractor,
    "readability": readability_extractor,
    "trafilatura": trafilatura_extractor,
}


# ----------------------------------------------------------------------------- running


@dataclass(slots=True)
class Result:
    page: Page
    score: PageScore
    ms: float
    text: str


def run_extractor(run: Extractor, page: Page, repeat: int) -> Result:
    times: list[float] = []
    html_out = ""
    for _ in range(repeat):
        t0 = time.perf_counter()
        outputs = []
        for url, html in [(page.url, page.html), *page.extra_pages]:
            try:
                outputs.append(run(html, url))
            except Exception as exc:  # a crash is a bug, but the benchmark keeps going
                print(f"  !! {page.id}: {type(exc).__name__}: {exc}")
        html_out = "\n".join(outputs)
        times.append((time.perf_counter() - t0) * 1000 / (1 + len(page.extra_pages)))
    times.sort()
    text = html_to_text(html_out)
    return Result(page, score_page(text, page.truth), times[len(times) // 2], text)


def leaks(results: list[Result]) -> int:
    count = 0
    for r in results:
        count += len(LEAK_RE.findall(r.text))
        flat = " ".join(r.text.split())
        count += sum(1 for title in r.page.foreign_links if title in flat)
    return count


def load_accepted() -> dict[str, str]:
    if not ACCEPTED_FILE.is_file():
        return {}
    data = tomllib.loads(ACCEPTED_FILE.read_text(encoding="utf-8"))
    return {key: str(value) for key, value in data.get("pages", {}).items()}


def fmt_row(name: str, s: CorpusScore, extra: str = "") -> str:
    return (
        f"  {name:<12} {s.pages:>5} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
        f"{s.macro_f1:6.3f} {s.empty:>5} {s.median_ms:8.1f} {s.p95_ms:8.1f}{extra}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", default="all", choices=[*CORPORA, "all"])
    ap.add_argument("--split", default="all", choices=["train", "test", "all"])
    ap.add_argument("--limit", type=int, default=0, help="at most N pages per corpus")
    ap.add_argument("--worst", type=int, default=10, help="list the N worst Kabar pages")
    ap.add_argument("--repeat", type=int, default=1, help="timings per page (median kept)")
    ap.add_argument("--only", default="", help="comma-separated extractors to run")
    ap.add_argument("--ids", default="", help="comma-separated page ids to run")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)

    wanted = [n for n in EXTRACTORS if not args.only or n in args.only.split(",")]
    extractors = {n: ex for n in wanted if (ex := EXTRACTORS[n]()) is not None}
    accepted = load_accepted()
    corpora = list(CORPORA) if args.corpus == "all" else [args.corpus]
    ids = set(filter(None, args.ids.split(",")))
    unexplained = 0

    for corpus in corpora:
        loader, marker = CORPORA[corpus]
        if not marker.exists():
            print(f"[{corpus}] skipped: {marker} not found")
            continue
        pages = [p for p in loader(args.split) if not ids or p.id in ids]
        if args.limit:
            pages = pages[: args.limit]
        if not pages:
            print(f"[{corpus}] skipped: no pages")
            continue
        # Interleaved per page, so that load from other processes hits all extractors alike.
        results: dict[str, list[Result]] = {n: [] for n in extractors}
        for page in pages:
            for name, ex in extractors.items():
                results[name].append(run_extractor(ex, page, args.repeat))
        splits = sorted({p.split for p in pages})
        groups = [*splits, "all"] if len(splits) > 1 else splits
        for split in groups:
            print(f"\n[{corpus}] split={split}")
            print(
                f"  {'extractor':<12} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} "
                f"{'macro':>6} {'empty':>5} {'med ms':>8} {'p95 ms':>8}"
            )
            for name, res in results.items():
                sel = [r for r in res if split in ("all", r.page.split)]
                extra = f"  leaks={leaks(sel)}" if corpus in {"synthetic", "testweb"} else ""
                print(
                    fmt_row(name, score_corpus([r.score for r in sel], [r.ms for r in sel]), extra)
                )
        if "kabar" in results and "readability" in results:
            worse = [
                (k, r)
                for k, r in zip(results["kabar"], results["readability"], strict=True)
                if k.score.f1 < r.score.f1 - WORSE_MARGIN
            ]
            print(f"  pages where Kabar < readability - {WORSE_MARGIN}: {len(worse)}")
            for k, r in sorted(worse, key=lambda kr: kr[0].score.f1 - kr[1].score.f1):
                reason = accepted.get(k.page.id, "")
                unexplained += not reason
                print(
                    f"    {k.page.id:<28} {k.page.split:<5} kabar {k.score.f1:.3f} "
                    f"readability {r.score.f1:.3f}  {reason or 'UNEXPLAINED'}"
                )
        if args.worst and "kabar" in results:
            print(f"  worst {args.worst} Kabar pages:")
            for k in sorted(results["kabar"], key=lambda r: r.score.f1)[: args.worst]:
                others = "  ".join(
                    f"{n} {res[pages.index(k.page)].score.f1:.3f}"
                    for n, res in results.items()
                    if n != "kabar"
                )
                print(f"    {k.page.id:<28} {k.page.split:<5} kabar {k.score.f1:.3f}  {others}")
    if unexplained:
        print(f"\n{unexplained} page(s) worse than readability without a written reason")
    return 0


if __name__ == "__main__":
    sys.exit(main())
