"""Score article extractors side by side on every extraction corpus, in one run.

Usage::

    .venv/bin/python benchmarks/extraction.py [--corpus NAME[,NAME...]|all] [--split train|test|all]
        [--limit N] [--ids ID,...] [--only kabar,readability,trafilatura] [--worst N]
        [--repeat N] [--save OUT.json] [--compare OLD.json] [-v]

Corpora (each skipped with one line when absent; none is copied into the repository):

  dragnet    dev-extraction/dragnet: full-text truth, 4-token shingle P/R/F1 (``shingles.py``)
  mozilla    readability-test-pages: the same metric, truth = expected.html
  synthetic  synthetic-id: the same metric, plus leaked teaser/related titles
  testweb    the fictional test web of ``tests/web`` (served on 127.0.0.1), as synthetic
  related    related-dev: related-link P/R/F1, titles, body keep and teaser/heading/
             boilerplate leak, scored by that folder's own ``score_related.py``
  trafeval   dev-extraction/trafilatura-eval: "with"/"without" snippets scored like the
             folder's ``score.py``; title, date and authors like its ``score_metadata.py``

Extractors: Kabar (``reader.core.page.extract``; body, related links and metadata all come
from that one call), raw readability-lxml ``Document(html, url=url).summary(html_partial=True)``
(title from ``Document.title()``; on ``related`` the corpus' naive baseline: links after the
body with 5+ words, computed outside the timing) and trafilatura
``extract(include_comments=False)`` when installed (metadata from ``bare_extraction``,
outside the timing; no related links). "med ms" is the median time of one extractor call per
page, "x rdb" its ratio to readability's median in the same run (pages are interleaved, so
load from other processes hits all extractors alike).

``--save`` writes every per-page score as JSON; ``--compare`` reads such a file and lists
the pages whose Kabar score moved, with the corpus figures before and after.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import statistics
import sys
import time
import tomllib
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from measure import corpus_root  # noqa: E402
from shingles import (  # noqa: E402
    PageScore,
    html_to_text,
    score_corpus,
    score_page,
)

CORPUS_ROOT = corpus_root()
ACCEPTED_FILE = HERE / "accepted_regressions.toml"
SYNTHETIC_BASE = "https://warta-sukamaju.example/berita/"
MOZILLA_URL = "http://fakehost/test/page.html"
WORSE_MARGIN = 0.05
RELATED_DIR = CORPUS_ROOT / "related-dev"
TRAFEVAL_DIR = CORPUS_ROOT / "dev-extraction" / "trafilatura-eval"

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
    html: str | bytes
    #: full text truth (shingle corpora)
    truth: str = ""
    #: related-dev label, or trafilatura-eval item (snippets and metadata truth)
    label: dict[str, Any] = field(default_factory=dict)
    #: link texts in the page that are not in the truth (teasers, related titles)
    foreign_links: list[str] = field(default_factory=list)
    #: further pages of a split article: (url, html), extracted and joined in order
    extra_pages: list[tuple[str, str]] = field(default_factory=list)


def _load_module(path: Path, name: str) -> ModuleType:
    """A scorer that lives beside its corpus (never copied here)."""
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


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

    A split article's pages are extracted one by one and joined, so every extractor is
    scored on the whole article, as ``web.truth(url)`` describes it.
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


def load_related(split: str) -> Iterator[Page]:
    scorer = _load_module(RELATED_DIR / "score_related.py", "score_related")
    for page_id, label in scorer.load_labels(RELATED_DIR / "labels"):
        html = scorer.read_page(RELATED_DIR / "pages", label["file"])
        yield Page(page_id, "related", "all", label.get("url") or "", html, label=label)


def load_trafeval(split: str) -> Iterator[Page]:
    data = json.loads((TRAFEVAL_DIR / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in data.items():
        # bytes, as the corpus' score.py passes them: each extractor decodes the page itself
        html = gzip.decompress((TRAFEVAL_DIR / "pages" / (item["file"] + ".gz")).read_bytes())
        yield Page(item["file"], "trafeval", "all", url, html, label=item)


@dataclass(frozen=True, slots=True)
class Corpus:
    load: Callable[[str], Iterator[Page]]
    marker: Path
    #: "shingles", "related" or "snippets": which metric scores it
    kind: str


CORPORA: dict[str, Corpus] = {
    "dragnet": Corpus(
        load_dragnet, CORPUS_ROOT / "dev-extraction" / "dragnet" / "manifest.jsonl", "shingles"
    ),
    "mozilla": Corpus(load_mozilla, CORPUS_ROOT / "readability-test-pages", "shingles"),
    "synthetic": Corpus(load_synthetic, CORPUS_ROOT / "synthetic-id", "shingles"),
    "testweb": Corpus(load_testweb, REPO / "tests" / "web" / "__init__.py", "shingles"),
    "related": Corpus(load_related, RELATED_DIR / "score_related.py", "related"),
    "trafeval": Corpus(load_trafeval, TRAFEVAL_DIR / "evaldata.json", "snippets"),
}


# -------------------------------------------------------------------------- extractors


@dataclass(slots=True)
class Output:
    """What one extractor made of one page."""

    html: str = ""
    #: plain text, when the extractor gives text rather than HTML
    text: str | None = None
    #: None: this extractor finds no related links (left out of the related figures)
    related: list[dict[str, Any]] | None = None
    title: str | None = None
    date: str | None = None
    authors: list[str] | str | None = None

    def body_text(self) -> str:
        return self.text if self.text is not None else html_to_text(self.html)


@dataclass(slots=True)
class Extractor:
    #: the timed call
    run: Callable[[str | bytes, str], Output]
    #: untimed additions a baseline needs for a measure it does not make itself
    extras: Callable[[Page, Output], None] | None = None


def kabar_extractor() -> Extractor | None:
    try:
        from reader.core.errors import ExtractError
        from reader.core.page import extract
    except ImportError as exc:
        print(f"(Kabar extractor not importable: {exc})")
        return None

    def run(html: str | bytes, url: str) -> Output:
        try:
            article = extract(html, url)
        except ExtractError:
            return Output(related=[])
        authors = getattr(article, "authors", None) or article.byline
        return Output(
            html=article.html,
            text=article.text,
            related=[{"url": r.url, "title": r.title, "source": r.source} for r in article.related],
            title=article.title,
            date=article.published,
            authors=authors,
        )

    return Extractor(run)


def readability_extractor() -> Extractor | None:
    try:
        from readability import Document
        from readability.readability import Unparseable
    except ImportError:
        return None

    def run(html: str | bytes, url: str) -> Output:
        doc = Document(html, url=url)
        try:
            return Output(html=str(doc.summary(html_partial=True)), title=doc.title())
        except Unparseable:
            return Output()

    def extras(page: Page, out: Output) -> None:
        if page.corpus == "related":
            baseline = _load_module(RELATED_DIR / "baseline_readability.py", "baseline_readability")
            out.related = baseline.extract(page.html, page.url)["related"]

    return Extractor(run, extras)


def trafilatura_extractor() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        print("(trafilatura not installed: skipped)")
        return None

    def run(html: str | bytes, url: str) -> Output:
        text = trafilatura.extract(html, url=url, include_comments=False)
        return Output(text=text or "")

    def extras(page: Page, out: Output) -> None:
        if page.corpus != "trafeval":
            return
        doc = trafilatura.bare_extraction(
            page.html, url=page.url, include_comments=False, with_metadata=True
        )
        if doc is not None:
            out.title = getattr(doc, "title", None)
            out.date = getattr(doc, "date", None)
            out.authors = getattr(doc, "author", None)

    return Extractor(run, extras)


EXTRACTORS: dict[str, Callable[[], Extractor | None]] = {
    "kabar": kabar_extractor,
    "readability": readability_extractor,
    "trafilatura": trafilatura_extractor,
}


# ----------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Result:
    page: Page
    ms: float
    out: Output
    #: shingle corpora
    score: PageScore | None = None
    #: related-dev: the row of score_related.score_page; trafilatura-eval: snippet counts
    row: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> float:
        """The one per-page figure the worst list and --compare sort by (higher is better)."""
        if self.score is not None:
            return self.score.f1
        if self.page.corpus == "related":
            f1 = self.row["f1"]
            keep = self.row["keep_rate"]
            parts = [x for x in (f1, keep, 1 - (self.row["leak_rate"] or 0.0)) if x is not None]
            return statistics.fmean(parts) if parts else 1.0
        return float(self.row["f1"])


def score_result(corpus: str, res: Result) -> None:
    page, out = res.page, res.out
    if CORPORA[corpus].kind == "shingles":
        res.score = score_page(out.body_text(), page.truth)
    elif corpus == "related":
        scorer = _load_module(RELATED_DIR / "score_related.py", "score_related")
        text = out.text if out.text is not None else scorer.html_to_text(out.html)
        links = scorer.result_links({"related": out.related or []}, page.url)
        res.row = scorer.score_page(page.label, text, links)
    else:
        snip = _load_module(TRAFEVAL_DIR / "score.py", "trafeval_score")
        got = snip.norm(out.body_text())
        item = page.label
        tp = sum(snip.norm(w) in got for w in item["with"])
        fp = sum(snip.norm(w) in got for w in item["without"])
        fn, tn = len(item["with"]) - tp, len(item["without"]) - fp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        res.row = {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "f1": f1, **_metadata_row(page, out)}


def _metadata_row(page: Page, out: Output) -> dict[str, Any]:
    meta = _load_module(TRAFEVAL_DIR / "score_metadata.py", "trafeval_score_metadata")
    item, row = page.label, {}
    if item.get("title"):
        row["title_ok"] = meta.norm_text(out.title) == meta.norm_text(item["title"])
    if item.get("date"):
        row["date_ok"] = str(out.date or "")[:10] == str(item["date"])[:10]
    if item.get("author"):
        row["authors_f1"] = meta.names_f1(meta.names(item["author"]), meta.names(out.authors))
    return row


def run_extractor(ex: Extractor, page: Page, repeat: int) -> Result:
    times: list[float] = []
    out = Output()
    for _ in range(repeat):
        outputs: list[Output] = []
        t0 = time.perf_counter()
        for url, html in [(page.url, page.html), *page.extra_pages]:
            try:
                outputs.append(ex.run(html, url))
            except Exception as exc:  # a crash is a bug, but the benchmark keeps going
                print(f"  !! {page.id}: {type(exc).__name__}: {exc}")
                outputs.append(Output())
        times.append((time.perf_counter() - t0) * 1000 / (1 + len(page.extra_pages)))
        out = outputs[0]
        if len(outputs) > 1:
            out.html = "\n".join(o.html for o in outputs)
            if out.text is not None:
                out.text = "\n".join(o.text or "" for o in outputs)
    if ex.extras is not None:
        try:
            ex.extras(page, out)
        except Exception as exc:
            print(f"  !! {page.id} (untimed extras): {type(exc).__name__}: {exc}")
    return Result(page, statistics.median(times), out)


def leaks(results: list[Result]) -> int:
    count = 0
    for r in results:
        text = r.out.body_text()
        count += len(LEAK_RE.findall(text))
        flat = " ".join(text.split())
        count += sum(1 for title in r.page.foreign_links if title in flat)
    return count


def load_accepted() -> dict[str, str]:
    if not ACCEPTED_FILE.is_file():
        return {}
    data = tomllib.loads(ACCEPTED_FILE.read_text(encoding="utf-8"))
    return {key: str(value) for key, value in data.get("pages", {}).items()}


def _median_ms(res: list[Result]) -> float:
    return statistics.median(r.ms for r in res) if res else 0.0


def _ratio(res: list[Result], base: list[Result] | None) -> str:
    if not base or not _median_ms(base):
        return f"{'':>6}"
    return f"{_median_ms(res) / _median_ms(base):5.2f}x"


def _f(x: float | None) -> str:
    return "    - " if x is None else f"{x:6.3f}"


# ---------------------------------------------------------------------------- reports


def report_shingles(corpus: str, results: dict[str, list[Result]]) -> dict[str, dict[str, Any]]:
    summary: dict[str, dict[str, Any]] = {}
    splits = sorted({r.page.split for r in next(iter(results.values()))})
    groups = [*splits, "all"] if len(splits) > 1 else splits
    base = results.get("readability")
    for split in groups:
        print(f"\n[{corpus}] split={split}")
        print(
            f"  {'extractor':<12} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} "
            f"{'macro':>6} {'empty':>5} {'med ms':>8} {'x rdb':>6} {'p95 ms':>8}"
        )
        for name, res in results.items():
            sel = [r for r in res if split in ("all", r.page.split)]
            bsel = [r for r in base if split in ("all", r.page.split)] if base else None
            s = score_corpus([r.score for r in sel if r.score], [r.ms for r in sel])
            extra = f"  leaks={leaks(sel)}" if corpus in {"synthetic", "testweb"} else ""
            print(
                f"  {name:<12} {s.pages:>5} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                f"{s.macro_f1:6.3f} {s.empty:>5} {s.median_ms:8.1f} {_ratio(sel, bsel)} "
                f"{s.p95_ms:8.1f}{extra}"
            )
            summary.setdefault(name, {})[split] = {"f1": s.f1, "macro": s.macro_f1}
    return summary


def report_related(results: dict[str, list[Result]]) -> dict[str, dict[str, Any]]:
    scorer = _load_module(RELATED_DIR / "score_related.py", "score_related")
    base = results.get("readability")
    print("\n[related] related links (firm; doubtful neutral), body keep and leak")
    print(
        f"  {'extractor':<12} {'pages':>5} {'relP':>6} {'relR':>6} {'relF1':>6} {'title':>6} "
        f"{'keep':>6} {'leak':>6} {'teaser':>6} {'head':>6} {'boiler':>6} {'inl-t':>6} "
        f"{'med ms':>8} {'x rdb':>6}"
    )
    summary: dict[str, dict[str, Any]] = {}
    for name, res in results.items():
        tot = scorer.totals([r.row for r in res])
        finds_links = any(r.out.related is not None for r in res)
        kinds = tot["leak_rate_by_kind"]
        rel = (tot["precision"], tot["recall"], tot["f1"], tot["title_acc"])
        if not finds_links:
            rel = (None, None, None, None)
        print(
            f"  {name:<12} {tot['pages']:>5} {_f(rel[0])} {_f(rel[1])} {_f(rel[2])} {_f(rel[3])} "
            f"{_f(tot['keep_rate'])} {_f(tot['leak_rate'])} {_f(kinds.get('teaser'))} "
            f"{_f(kinds.get('heading'))} {_f(kinds.get('boilerplate'))} "
            f"{_f(tot['inline_title_leak'])} {_median_ms(res):8.1f} {_ratio(res, base)}"
        )
        summary[name] = {
            "f1": rel[2],
            "keep": tot["keep_rate"],
            "leak": tot["leak_rate"],
        }
    return summary


def report_snippets(results: dict[str, list[Result]]) -> dict[str, dict[str, Any]]:
    base = results.get("readability")
    print("\n[trafeval] text snippets (the corpus' score.py metric)")
    print(
        f"  {'extractor':<12} {'pages':>5} {'P':>6} {'R':>6} {'acc':>6} {'F1':>6} "
        f"{'med ms':>8} {'x rdb':>6}"
    )
    summary: dict[str, dict[str, Any]] = {}
    for name, res in results.items():
        tp, fp, fn, tn = (sum(r.row[k] for r in res) for k in ("tp", "fp", "fn", "tn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        acc = (tp + tn) / max(1, tp + tn + fp + fn)
        print(
            f"  {name:<12} {len(res):>5} {p:6.3f} {rec:6.3f} {acc:6.3f} {f1:6.3f} "
            f"{_median_ms(res):8.1f} {_ratio(res, base)}"
        )
        summary[name] = {"f1": f1}
    print("[trafeval] metadata (the corpus' score_metadata.py metric)")
    print(f"  {'extractor':<12} {'title':>12} {'date':>12} {'authors F1':>12}")
    for name, res in results.items():
        cells = []
        for key in ("title_ok", "date_ok", "authors_f1"):
            vals = [float(r.row[key]) for r in res if key in r.row]
            cells.append(f"{statistics.fmean(vals):.3f} ({len(vals):>3})" if vals else "-")
            summary[name][key] = statistics.fmean(vals) if vals else None
        print(f"  {name:<12} {cells[0]:>12} {cells[1]:>12} {cells[2]:>12}")
    return summary


def describe(res: Result) -> str:
    """One page's figure for the worst list."""
    if res.score is not None:
        return f"{res.score.f1:.3f}"
    row = res.row
    if res.page.corpus == "related":
        if res.out.related is None:
            return f"keep {_f(row['keep_rate']).strip()} leak {_f(row['leak_rate']).strip()}"
        return (
            f"F1 {_f(row['f1']).strip()} keep {_f(row['keep_rate']).strip()} "
            f"leak {_f(row['leak_rate']).strip()}"
        )
    return f"with {row['tp']}/{row['tp'] + row['fn']} without {row['fp']}/{row['fp'] + row['tn']}"


def report_worst(results: dict[str, list[Result]], worst: int, verbose: bool) -> None:
    if "kabar" not in results or not worst:
        return
    kabar = results["kabar"]
    order = sorted(range(len(kabar)), key=lambda i: (kabar[i].key, kabar[i].page.id))
    print(f"  worst {min(worst, len(kabar))} Kabar pages:")
    for i in order[:worst]:
        k = kabar[i]
        others = "  ".join(f"{n} {describe(res[i])}" for n, res in results.items() if n != "kabar")
        print(f"    {k.page.id[:44]:<44} {k.page.split:<5} kabar {describe(k)}  |  {others}")
        if verbose and k.page.corpus == "related":
            for kind in ("missing_phrases", "leaked_phrases", "missed_links", "false_positives"):
                for item in k.row[kind][:8]:
                    print(f"        {kind}: {item}")


def report_regressions(
    corpus: str, results: dict[str, list[Result]], accepted: dict[str, str]
) -> int:
    """Pages where Kabar is clearly worse than raw readability, each with its written reason."""
    if CORPORA[corpus].kind != "shingles" or "kabar" not in results or "readability" not in results:
        return 0
    worse = [
        (k, r)
        for k, r in zip(results["kabar"], results["readability"], strict=True)
        if k.score and r.score and k.score.f1 < r.score.f1 - WORSE_MARGIN
    ]
    print(f"  pages where Kabar < readability - {WORSE_MARGIN}: {len(worse)}")
    unexplained = 0
    for k, r in sorted(worse, key=lambda kr: kr[0].key - kr[1].key):
        reason = accepted.get(k.page.id, "")
        unexplained += not reason
        print(
            f"    {k.page.id:<28} {k.page.split:<5} kabar {k.key:.3f} "
            f"readability {r.key:.3f}  {reason or 'UNEXPLAINED'}"
        )
    return unexplained


def report_compare(corpus: str, results: dict[str, list[Result]], old: dict[str, Any]) -> None:
    """Kabar's pages that moved since a saved run (--compare)."""
    before = old.get("pages", {}).get(corpus, {}).get("kabar")
    if not before or "kabar" not in results:
        return
    moved = []
    for r in results["kabar"]:
        if r.page.id in before and abs(r.key - before[r.page.id]["key"]) > 0.005:
            moved.append((r.key - before[r.page.id]["key"], r))
    moved.sort(key=lambda m: m[0])
    ups = sum(1 for d, _ in moved if d > 0)
    print(f"  vs saved run: {ups} pages better, {len(moved) - ups} worse")
    for delta, r in moved[:15] + (moved[-10:] if len(moved) > 15 else []):
        print(
            f"    {delta:+.3f}  {r.page.id[:44]:<44} was {before[r.page.id]['key']:.3f} "
            f"now {r.key:.3f}"
        )
    print(f"  saved figures: {json.dumps(old.get('summary', {}).get(corpus, {}).get('kabar'))}")


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", default="all", help=f"comma-separated: {', '.join(CORPORA)}, all")
    ap.add_argument("--split", default="all", choices=["train", "test", "all"])
    ap.add_argument("--limit", type=int, default=0, help="at most N pages per corpus")
    ap.add_argument("--worst", type=int, default=20, help="list the N worst Kabar pages")
    ap.add_argument("--repeat", type=int, default=1, help="timings per page (median kept)")
    ap.add_argument("--only", default="", help="comma-separated extractors to run")
    ap.add_argument("--ids", default="", help="comma-separated page ids to run")
    ap.add_argument("--save", type=Path, help="write per-page scores and summaries as JSON")
    ap.add_argument("--compare", type=Path, help="a --save file: list pages whose score moved")
    ap.add_argument("-v", "--verbose", action="store_true", help="details of the worst pages")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)

    corpora = list(CORPORA) if args.corpus == "all" else args.corpus.split(",")
    if unknown := [c for c in corpora if c not in CORPORA]:
        ap.error(f"unknown corpus {', '.join(unknown)}; choose from {', '.join(CORPORA)}")
    wanted = [n for n in EXTRACTORS if not args.only or n in args.only.split(",")]
    extractors = {n: ex for n in wanted if (ex := EXTRACTORS[n]()) is not None}
    accepted = load_accepted()
    ids = set(filter(None, args.ids.split(",")))
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else {}
    saved: dict[str, Any] = {"summary": {}, "pages": {}}
    unexplained = 0

    for corpus in corpora:
        spec = CORPORA[corpus]
        if not spec.marker.exists():
            print(f"[{corpus}] skipped: {spec.marker} not found")
            continue
        pages = [p for p in spec.load(args.split) if not ids or p.id in ids]
        if args.limit:
            pages = pages[: args.limit]
        if not pages:
            print(f"[{corpus}] skipped: no pages")
            continue
        t0 = time.perf_counter()
        # Interleaved per page, so that load from other processes hits all extractors alike.
        results: dict[str, list[Result]] = {n: [] for n in extractors}
        for page in pages:
            for name, ex in extractors.items():
                res = run_extractor(ex, page, args.repeat)
                score_result(corpus, res)
                results[name].append(res)
        if spec.kind == "shingles":
            summary = report_shingles(corpus, results)
        elif spec.kind == "related":
            summary = report_related(results)
        else:
            summary = report_snippets(results)
        unexplained += report_regressions(corpus, results, accepted)
        report_worst(results, args.worst, args.verbose)
        if old:
            report_compare(corpus, results, old)
        print(f"  ({len(pages)} pages in {time.perf_counter() - t0:.0f} s)")
        saved["summary"][corpus] = summary
        saved["pages"][corpus] = {
            name: {r.page.id: {"key": r.key, "ms": round(r.ms, 2)} for r in res}
            for name, res in results.items()
        }
        if args.save:  # after each corpus, so a long run can be read (or compared) early
            args.save.write_text(json.dumps(saved, indent=1), encoding="utf-8")
    if unexplained:
        print(f"\n{unexplained} page(s) worse than readability without a written reason")
    return 0


if __name__ == "__main__":
    sys.exit(main())
