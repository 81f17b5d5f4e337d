"""Offline-library benchmark: our store vs a naive SQLite baseline, in one run.

Builds N synthetic articles (default 100,000; realistic sizes: ~650 words, ~9 KB
of HTML, ~20 picture references each) twice -- once through Kabar's store
(compressed bodies, FTS5, indexes, image links) and once as a naive baseline
(one plain table, no indexes, search with ``LIKE '%q%'``) -- then measures each
in a *fresh process* so the numbers are what the app sees:

* open the store and list the newest 200 headlines,
* open a cached article (load + render-ready HTML), median and p95,
* search (100 queries; baseline fewer, it is slow), median and p95,
* bytes on disk per article, and the peak RSS of the measuring process,
* every kind of ``kabar`` command on the built library, each in a fresh process:
  wall time to its answer (target < 300 ms) and CPU time (user + system of the
  child, from ``wait4``: what a loaded machine barely inflates), the number of
  modules it imports and any heavy package among them, beside the interpreter's
  floor (``python -c pass``, ``-c "import sqlite3"``, ``-c "import reader"``) measured in
  the same run; ``--instructions`` adds instruction counts from valgrind (repeatable).

The library is then given what a reader's has besides articles: 104 subscribed feeds
listing every article (as a refresh leaves them), a little user state, and stories.

Usage: ``python benchmarks/library.py [--articles N] [--dir DIR] [--keep] [--cli-only]
[--runs N] [--stories N] [--instructions]``.
The text is deterministic (seeded) so runs compare.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import hashlib
import itertools
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from measure import pct, peak_rss_mb  # noqa: E402

from reader.core.models import Article, RelatedLink, Validators  # noqa: E402

SEED = 20261127
IMAGES_PER_ARTICLE = 20
OUTLETS = [
    ("NusaKini", "nusakini.example"),
    ("Warta Harian", "wartaharian.example"),
    ("Harbor Post", "harborpost.example"),
    ("Kabar Pagi", "kabarpagi.example"),
    ("Suara Timur", "suaratimur.example"),
    ("Berita Kota", "beritakota.example"),
    ("Jurnal Ekonomi", "jurnalekonomi.example"),
    ("Tempo Kini", "tempokini.example"),
]
_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "ja",
    "ji",
    "jo",
    "ga",
    "gi",
    "go",
    "da",
    "di",
    "do",
    "ha",
    "hi",
    "wa",
    "wi",
    "ya",
    "ng",
    "an",
    "in",
    "un",
    "ar",
    "er",
    "ir",
    "ur",
    "ah",
    "ih",
    "uh",
]
_ACCENTED = ["kopí", "café", "señal", "jalán", "pasár", "bérita", "résmi", "hárga", "désa", "kóta"]


# -- synthetic corpus ---------------------------------------------------------------------


class Corpus:
    """Deterministic Indonesian-looking text: a Zipf vocabulary, a sentence pool."""

    def __init__(self, seed: int = SEED) -> None:
        rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < 30000:
            words.add("".join(rng.choices(_SYLLABLES, k=rng.choice((2, 2, 3, 3, 3, 4)))))
        self.vocabulary = sorted(words)
        rng.shuffle(self.vocabulary)
        self.vocabulary[100:110] = _ACCENTED  # some accented words among the common ones
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))]
        self.cum_weights = list(itertools.accumulate(weights))
        self.sentences = []
        for _ in range(40000):
            length = rng.randint(8, 22)
            sentence = " ".join(
                rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=length)
            )
            self.sentences.append(sentence[0].upper() + sentence[1:] + ".")

    def article(self, n: int) -> tuple[Article, list[str]]:
        rng = random.Random(SEED + n)
        outlet, host = OUTLETS[n % len(OUTLETS)]
        title_words = rng.choices(self.vocabulary[:5000], k=rng.randint(6, 12))
        title = " ".join(title_words).capitalize() + f" {n}"
        paragraphs = []
        for _ in range(rng.randint(8, 16)):
            paragraphs.append(" ".join(rng.choices(self.sentences, k=rng.randint(2, 5))))
        text = "\n\n".join(paragraphs)
        images = [f"https://img.{host}/{n // 1000}/{n}-{i}.jpg" for i in range(IMAGES_PER_ARTICLE)]
        html_parts = []
        for i, paragraph in enumerate(paragraphs):
            html_parts.append(f"<p>{paragraph}</p>")
            if i < len(images):
                html_parts.append(
                    f'<figure><img src="{images[i]}" alt="Foto {i}"><figcaption>Foto {i} '
                    f"oleh Redaksi {outlet}</figcaption></figure>"
                )
        for src in images[len(paragraphs) :]:
            html_parts.append(f'<p><img src="{src}" alt=""></p>')
        url = f"https://{host}/berita/{2026 - n % 5}/{n}/{'-'.join(title_words[:5])}"
        day = 1 + n % 28
        article = Article(
            url=url,
            canonical_url=url,
            title=title,
            html="".join(html_parts),
            text=text,
            byline=f"Redaksi {outlet}",
            published=f"202{5 + n % 2}-{1 + n % 12:02d}-{day:02d}T{n % 24:02d}:{n % 60:02d}+07:00",
            site_name=outlet,
            language="id",
            lead_image=images[0],
            related=[
                RelatedLink(f"https://{host}/berita/r/{n}-{k}", f"Baca juga {k}", outlet, "block")
                for k in range(5)
            ],
            images=images,
        )
        return article, images

    def queries(self, count: int) -> list[str]:
        rng = random.Random(SEED - 1)
        out = []
        for i in range(count):
            kind = i % 5
            cum = self.cum_weights[:20000]
            word = rng.choices(self.vocabulary[:20000], cum_weights=cum)[0]
            if kind == 0:  # one common-ish word
                out.append(word)
            elif kind == 1:  # two words
                other = rng.choices(self.vocabulary[:20000], cum_weights=cum)[0]
                out.append(f"{word} {other}")
            elif kind == 2:  # a prefix
                out.append(word[: max(3, len(word) - 2)])
            elif kind == 3:  # a rarer word
                out.append(rng.choice(self.vocabulary[5000:30000]))
            else:  # folded accents
                out.append(rng.choice(_ACCENTED).replace("í", "i").replace("é", "e"))
        return out


# -- building ---------------------------------------------------------------------------


def build_ours(folder: Path, corpus: Corpus, count: int) -> float:
    from reader.core.store import ImageRef, Store, put_article

    started = time.perf_counter()
    store = Store.open(folder / "library.sqlite3", folder / "backups")
    now = 1_780_000_000.0
    batch = 2000
    try:
        for start in range(0, count, batch):
            with store.write() as conn:
                for n in range(start, min(count, start + batch)):
                    article, images = corpus.article(n)
                    refs = [
                        ImageRef(
                            url,
                            hashlib.blake2b(url.encode(), digest_size=32).digest(),
                            60_000 + (hash(url) % 80_000),
                            "image/jpeg",
                            1200,
                            675,
                        )
                        for url in images
                    ]
                    put_article(
                        conn,
                        key=article.url,
                        final_url=article.url,
                        aliases=(),
                        article=article,
                        validators=Validators(f'"{n}"'),
                        now=now + n,
                        images=refs,
                    )
            print(f"  ours: {min(count, start + batch)}/{count}", end="\r", file=sys.stderr)
        with store.write() as conn:
            for n in range(0, count, 997):  # some user state, as a real library has
                url = corpus.article(n)[0].url
                conn.execute(
                    "INSERT INTO article_state (url, read, starred) VALUES (?, 1, ?)",
                    (url, n % 2),
                )
        store.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        store.close()
    print(file=sys.stderr)
    return time.perf_counter() - started


BASELINE_SCHEMA = """
CREATE TABLE articles (url TEXT, title TEXT, outlet TEXT, byline TEXT, published TEXT,
    lead_image TEXT, html TEXT, text TEXT, related TEXT, images TEXT, fetched_at REAL,
    etag TEXT, read INTEGER DEFAULT 0, starred INTEGER DEFAULT 0);
"""


def build_baseline(folder: Path, corpus: Corpus, count: int) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(folder / "baseline.sqlite3", isolation_level=None)
    conn.executescript(BASELINE_SCHEMA)
    batch = 2000
    for start in range(0, count, batch):
        conn.execute("BEGIN")
        rows = []
        for n in range(start, min(count, start + batch)):
            a, images = corpus.article(n)
            related = json.dumps([[r.url, r.title, r.source, r.kind] for r in a.related])
            rows.append(
                (a.url, a.title, a.site_name, a.byline, a.published, a.lead_image, a.html,
                 a.text, related, json.dumps(images), 1_780_000_000.0 + n, f'"{n}"')
            )  # fmt: skip
        conn.executemany("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,0)", rows)
        conn.execute("COMMIT")
        print(f"  baseline: {min(count, start + batch)}/{count}", end="\r", file=sys.stderr)
    conn.close()
    print(file=sys.stderr)
    return time.perf_counter() - started


# -- measuring (in a fresh process) ------------------------------------------------------


def measure_ours(folder: Path, urls: list[str], queries: list[str]) -> dict[str, float]:
    from reader.core.library import Library
    from reader.core.page import render_article
    from reader.core.paths import DataPaths

    started = time.perf_counter()
    library = Library.open(DataPaths(folder), check=False)
    heads = library.headlines(limit=200)
    open_ms = (time.perf_counter() - started) * 1000
    assert len(heads) == 200
    article_ms = []
    for url in urls:
        t = time.perf_counter()
        result = library.open_article(url, offline=True)
        html = render_article(result.article)
        article_ms.append((time.perf_counter() - t) * 1000)
        assert result.from_cache and len(html) > 1000
    search_ms, found = [], 0
    for query in queries:
        t = time.perf_counter()
        hits = library.search(query, limit=20)
        search_ms.append((time.perf_counter() - t) * 1000)
        found += bool(hits)
    t = time.perf_counter()
    page2 = library.headlines(after=heads[-1], limit=200)
    page_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    counts = library.counts()
    counts_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    library.store.quick_check()
    check_ms = (time.perf_counter() - t) * 1000
    library.close()
    assert len(page2) == 200 and counts.articles > 0
    return {
        "open_headlines_ms": open_ms,
        "article_median_ms": statistics.median(article_ms),
        "article_p95_ms": pct(article_ms, 95),
        "search_median_ms": statistics.median(search_ms),
        "search_p95_ms": pct(search_ms, 95),
        "search_queries": len(queries),
        "search_with_hits": found,
        "next_page_ms": page_ms,
        "counts_ms": counts_ms,
        "quick_check_ms": check_ms,
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_baseline(folder: Path, urls: list[str], queries: list[str]) -> dict[str, float]:
    from reader.core.page import render_article

    started = time.perf_counter()
    conn = sqlite3.connect(folder / "baseline.sqlite3")
    heads = conn.execute(
        "SELECT url, title, outlet, published, read, starred FROM articles"
        " ORDER BY published DESC LIMIT 200"
    ).fetchall()
    open_ms = (time.perf_counter() - started) * 1000
    assert len(heads) == 200
    article_ms = []
    for url in urls:
        t = time.perf_counter()
        row = conn.execute(
            "SELECT url, title, html, text, byline, published, outlet, lead_image, related"
            " FROM articles WHERE url = ?",
            (url,),
        ).fetchone()
        related = [RelatedLink(*r) for r in json.loads(row[8])]
        article = Article(
            url=row[0], canonical_url=row[0], title=row[1], html=row[2], text=row[3],
            byline=row[4], published=row[5], site_name=row[6], lead_image=row[7],
            related=related,
        )  # fmt: skip
        html = render_article(article)
        article_ms.append((time.perf_counter() - t) * 1000)
        assert len(html) > 1000
    search_ms, found = [], 0
    for query in queries:
        t = time.perf_counter()
        like = f"%{query}%"
        hits = conn.execute(
            "SELECT url, title, substr(text, 1, 200) FROM articles"
            " WHERE title LIKE ? OR text LIKE ? LIMIT 20",
            (like, like),
        ).fetchall()
        search_ms.append((time.perf_counter() - t) * 1000)
        found += bool(hits)
    conn.close()
    return {
        "open_headlines_ms": open_ms,
        "article_median_ms": statistics.median(article_ms),
        "article_p95_ms": pct(article_ms, 95),
        "search_median_ms": statistics.median(search_ms),
        "search_p95_ms": pct(search_ms, 95),
        "search_queries": len(queries),
        "search_with_hits": found,
        "peak_rss_mb": peak_rss_mb(),
    }


CLI_RUNS = 5
#: Packages no command measured here needs (they serve fetching, extraction, feeds, sync,
#: import/export or the window); one of them loading shows in the figures' last column.
HEAVY = ("requests", "urllib3", "lxml", "readability", "feedparser", "nh3", "dateparser",
         "htmldate", "keyring", "yaml", "ijson", "PySide6", "markdownify", "charset_normalizer",
         "platformdirs")  # fmt: skip


@dataclasses.dataclass
class CliFigure:
    """One command's figures: medians over fresh processes, and what it imported."""

    label: str
    wall_ms: float
    cpu_ms: float
    modules: int = 0
    heavy: tuple[str, ...] = ()
    instructions: int | None = None
    baseline: bool = False


def cli_commands(folder: Path, url: str, query: str) -> list[tuple[str, list[str], bool]]:
    """(label, argv, is-a-baseline): the interpreter's floor first, then every kind of command
    that answers from the library (not those that fetch, import, export or check it all)."""
    source = f"{OUTLETS[0][0]} {SECTIONS[0]}"
    kabar = [sys.executable, "-m", "reader", "--data-dir", str(folder)]
    return [
        ("python -c pass (floor)", [sys.executable, "-c", "pass"], True),
        ("python -c 'import sqlite3' (floor)", [sys.executable, "-c", "import sqlite3"], True),
        ("python -c 'import reader' (floor)", [sys.executable, "-c", "import reader"], True),
        ("kabar --version", [sys.executable, "-m", "reader", "--version"], False),
        ("kabar collections", [*kabar, "collections"], False),
        ("kabar collections 'Read later'", [*kabar, "collections", "Read later"], False),
        ("kabar search QUERY", [*kabar, "search", query], False),
        ("kabar read --offline URL", [*kabar, "read", "--offline", url], False),
        ("kabar search QUERY --json", [*kabar, "search", query, "--json"], False),
        ("kabar headlines", [*kabar, "headlines"], False),
        ("kabar headlines --each --json", [*kabar, "headlines", "--each", "--json"], False),
        ("kabar headlines SOURCE", [*kabar, "headlines", source], False),
        ("kabar sources", [*kabar, "sources"], False),
        ("kabar folders", [*kabar, "folders"], False),
        ("kabar stories", [*kabar, "stories"], False),
        ("kabar cache stats", [*kabar, "cache", "stats"], False),
        ("kabar save --offline URL", [*kabar, "save", "--offline", url, "--to", "Bench"], False),
    ]


def run_timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall ms and CPU ms (user + system, from ``wait4``) of one fresh process.

    CPU time is what the load on a shared machine cannot inflate much: waiting for a core
    adds to the wall time only.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    assert child.stderr is not None
    errors = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed ({child.returncode}): {errors[-500:]}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def imported(argv: list[str], env: dict[str, str]) -> tuple[int, tuple[str, ...]]:
    """How many modules a command loads (``-X importtime``) and which heavy packages."""
    out = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]], capture_output=True, text=True, cwd=ROOT,
        env=env, check=True,
    )  # fmt: skip
    names = [
        line.rsplit("|", 1)[1].strip()
        for line in out.stderr.splitlines()
        if line.startswith("import time:") and "self [us]" not in line
    ]
    top = {name.split(".")[0] for name in names}
    return len(names), tuple(h for h in HEAVY if h in top)


def instructions(argv: list[str], env: dict[str, str]) -> int | None:
    """Instructions executed, counted by valgrind (repeatable whatever the machine's load)."""
    if shutil.which("valgrind") is None:
        return None
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        capture_output=True, text=True, cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    found = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    return int(found.group(1)) if found else None


def compile_bytecode() -> None:
    """Installed Kabar runs from compiled bytecode (pip compiles it); so do the figures,
    even where ``PYTHONDONTWRITEBYTECODE`` is set (each run would compile every module)."""
    compileall.compile_dir(ROOT / "reader", quiet=1)


def measure_cli(
    folder: Path, url: str, query: str, *, count_instructions: bool = False, runs: int = CLI_RUNS
) -> list[CliFigure]:
    """Each command on the library, in fresh processes: median wall and CPU time.

    The commands take turns (one round runs each once), so a burst of load from other
    work on the machine falls on all of them alike rather than on a few.
    """
    compile_bytecode()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = cli_commands(folder, url, query)
    for _, argv, _ in commands:
        run_timed(argv, env)  # warm the page cache and the bytecode
    timings: list[list[tuple[float, float]]] = [[] for _ in commands]
    for round_ in range(runs):
        for timing, (_, argv, _) in zip(timings, commands, strict=True):
            timing.append(run_timed(argv, env))
        print(f"  round {round_ + 1}/{runs}", end="\r", file=sys.stderr)
    figures = []
    for timing, (label, argv, is_baseline) in zip(timings, commands, strict=True):
        figure = CliFigure(
            label,
            statistics.median(w for w, _ in timing),
            statistics.median(c for _, c in timing),
            baseline=is_baseline,
        )
        figure.modules, figure.heavy = imported(argv, env)
        if count_instructions:
            figure.instructions = instructions(argv, env)
        figures.append(figure)
    print(file=sys.stderr)
    return figures


def print_cli(figures: list[CliFigure], runs: int = CLI_RUNS) -> None:
    print(
        f"CLI commands on this library, median of {runs} fresh processes (target < 300 ms to "
        "the answer). Wall time grows with the machine's load; CPU time (user + system) barely."
    )
    one, five, _ = os.getloadavg()
    print(f"  load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs")
    counted = any(f.instructions is not None for f in figures)
    head = f"  {'':38} {'wall ms':>8} {'CPU ms':>7} {'modules':>8}"
    print(head + (f" {'Minstr':>8}" if counted else "") + "   wall < 300   heavy imports")
    for f in figures:
        line = f"  {f.label:38} {f.wall_ms:>8.0f} {f.cpu_ms:>7.0f} {f.modules:>8}"
        if counted:
            line += f" {f.instructions / 1e6:>8.0f}" if f.instructions else f" {'-':>8}"
        if f.baseline:
            print(line)
            continue
        mark = "ok" if f.wall_ms < 300 else "over"
        print(f"{line}   {mark:<11} {', '.join(f.heavy) or 'none'}")
    commands = [f for f in figures if not f.baseline]
    worst = max(commands, key=lambda f: f.cpu_ms)
    print(
        f"  estimate for a quiet machine (wall ~ CPU, files in the page cache): slowest is "
        f"{worst.label} at ~{worst.cpu_ms:.0f} ms, "
        + ("under" if worst.cpu_ms < 300 else "OVER")
        + " the 300 ms target"
    )


def _measure_child(kind: str, folder: Path) -> None:
    """Runs in a fresh process: only the store and the reader, so RSS is the app's."""
    work = json.loads((folder / f"work-{kind}.json").read_text("utf-8"))
    fn = measure_ours if kind == "ours" else measure_baseline
    print(json.dumps(fn(folder, work["urls"], work["queries"])))


def _run_child(
    kind: str, folder: Path, corpus: Corpus, count: int, *, samples: int, queries: int
) -> dict[str, float]:
    rng = random.Random(SEED + 7)
    urls = [corpus.article(rng.randrange(count))[0].url for _ in range(samples)]
    work = {"urls": urls, "queries": corpus.queries(queries)}
    (folder / f"work-{kind}.json").write_text(json.dumps(work), "utf-8")
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--dir", str(folder)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


SECTIONS = ("nasional", "ekonomi", "dunia", "olahraga", "teknologi", "hiburan", "daerah",
            "politik", "hukum", "kesehatan", "otomotif", "gaya-hidup")  # fmt: skip


def add_sources(folder: Path, corpus: Corpus, count: int, *, stories: int) -> None:
    """Subscriptions as a reader of this many articles has: a feed per outlet and section
    (96), each article an item of one of them and every 30th also of its outlet's
    "latest" feed; the first ``stories`` articles (in publication order) grouped into stories
    as on arrival, the rest by a fixed pattern (:func:`_pattern_stories`). Skipped when the
    library already has sources."""
    from reader.core.library import Library
    from reader.core.models import ParsedEntry
    from reader.core.paths import DataPaths
    from reader.core.store import sources as sources_sql

    library = Library.open(DataPaths(folder), check=False)
    try:
        if library.store.reader().execute("SELECT count(*) FROM sources").fetchone()[0]:
            return
        now = 1_780_000_000.0 + count
        with library.store.write() as conn:
            feeds = {}
            for outlet, host in OUTLETS:
                for section in (*SECTIONS, "terkini"):
                    feeds[host, section] = sources_sql.insert_source(
                        conn, url=f"https://{host}/rss/{section}", title=f"{outlet} {section}",
                        folder_id=None, now=now, kind="rss",
                    )  # fmt: skip
        batch = 2000
        for start in range(0, count, batch):
            items: dict[int, list[ParsedEntry]] = {}
            for n in range(start, min(count, start + batch)):
                a, _ = corpus.article(n)
                host = OUTLETS[n % len(OUTLETS)][1]
                entry = ParsedEntry(
                    guid=a.url, url=a.url, title=a.title, summary=a.text[:240],
                    published=a.published, image=a.lead_image,
                )  # fmt: skip
                section = SECTIONS[(n // len(OUTLETS)) % len(SECTIONS)]
                items.setdefault(feeds[host, section], []).append(entry)
                if n % 30 == 0:
                    items.setdefault(feeds[host, "terkini"], []).append(entry)
            with library.store.write() as conn:
                for source_id, entries in items.items():
                    sources_sql.merge_entries(conn, source_id, entries, now, full_text=True)
                conn.execute("UPDATE entries SET fetch_state = 'done' WHERE fetch_state <> 'done'")
            print(f"  sources: {min(count, start + batch)}/{count}", end="\r", file=sys.stderr)
        print(file=sys.stderr)
        if stories:
            started = time.perf_counter()
            library.group_pending(limit=stories)
            print(f"  stories: {stories} articles grouped in "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)  # fmt: skip
        with library.store.write() as conn:
            _pattern_stories(conn)
        library.store.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        library.close()


def _pattern_stories(conn: sqlite3.Connection) -> None:
    """Put the articles left ungrouped in stories of 1 to 4 by a fixed pattern, so the
    story tables are as large as in a library where every article was grouped (grouping
    100,000 articles for real takes a quarter of an hour; its cost is what
    benchmarks/stories.py measures, not this one)."""
    ids = [
        (int(r[0]), float(r[1]))
        for r in conn.execute(
            "SELECT a.id, a.sort_at FROM articles a LEFT JOIN story_articles sa"
            " ON sa.article_id = a.id WHERE sa.article_id IS NULL ORDER BY a.sort_at, a.id"
        )
    ]
    story = int(conn.execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0])
    at = 0
    while at < len(ids):
        members = ids[at : at + 1 + story % 4]
        at += len(members)
        story += 1
        conn.execute(
            "INSERT INTO stories (id, first_at, last_at, size, norm, centroid, title_norm, titles)"
            " VALUES (?, ?, ?, ?, 1.0, x'', 1.0, x'')",
            (story, members[0][1], members[-1][1], len(members)),
        )
        conn.executemany(
            "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)",
            [(article_id, story) for article_id, _ in members],
        )


def _prepare(folder: Path) -> None:
    """Bring a kept library up to the current schema outside the timed open."""
    from reader.core.library import Library
    from reader.core.paths import DataPaths

    Library.open(DataPaths(folder), check=False).close()
    shutil.rmtree(folder / "backups", ignore_errors=True)  # a pre-migration copy, if any


def _files(folder: Path, name: str) -> Iterator[Path]:
    for suffix in ("", "-wal", "-shm"):
        path = folder / f"{name}{suffix}"
        if path.exists():
            yield path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200, help="articles opened")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--baseline-samples", type=int, default=20)
    parser.add_argument("--baseline-queries", type=int, default=20)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) built libraries")
    parser.add_argument("--stories", type=int, default=5000, help="articles grouped into stories")
    parser.add_argument(
        "--runs", type=int, default=CLI_RUNS, help="fresh processes per CLI command (median)"
    )
    parser.add_argument("--measure", choices=("ours", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--cli-only", action="store_true", help="only the CLI commands (on a kept library)"
    )
    parser.add_argument(
        "--instructions", action="store_true",
        help="also count each command's instructions under valgrind (slow, repeatable)",
    )  # fmt: skip
    args = parser.parse_args()
    if args.measure:
        _measure_child(args.measure, args.dir)
        return
    folder = args.dir or Path(tempfile.mkdtemp(prefix="kabar-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    n = args.articles
    print(
        f"Kabar library benchmark: {n:,} articles, {IMAGES_PER_ARTICLE} pictures each, in {folder}"
    )
    corpus = Corpus()
    build = {}
    if not (args.keep and (folder / "library.sqlite3").exists()):
        build["ours"] = build_ours(folder, corpus, n)
    if not (args.keep and (folder / "baseline.sqlite3").exists()) and not args.cli_only:
        build["baseline"] = build_baseline(folder, corpus, n)
    build_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _prepare(folder)
    add_sources(folder, corpus, n, stories=min(n, args.stories))
    url, query = corpus.article(random.Random(SEED + 7).randrange(n))[0].url, corpus.queries(1)[0]
    if args.cli_only:
        figures = measure_cli(
            folder, url, query, count_instructions=args.instructions, runs=args.runs
        )
        print_cli(figures, args.runs)
        return
    ours = _run_child("ours", folder, corpus, n, samples=args.samples, queries=args.queries)
    base = _run_child(
        "baseline", folder, corpus, n, samples=args.baseline_samples, queries=args.baseline_queries
    )
    ours["bytes_per_article"] = sum(p.stat().st_size for p in _files(folder, "library.sqlite3")) / n
    base["bytes_per_article"] = (
        sum(p.stat().st_size for p in _files(folder, "baseline.sqlite3")) / n
    )

    rows = [
        ("store open + newest 200 headlines", "open_headlines_ms", "ms", 300),
        ("open cached article, median", "article_median_ms", "ms", None),
        ("open cached article, p95", "article_p95_ms", "ms", 20),
        ("search, median", "search_median_ms", "ms", None),
        ("search, p95", "search_p95_ms", "ms", 50),
        ("bytes on disk per article", "bytes_per_article", "B", None),
        ("peak RSS (measuring process)", "peak_rss_mb", "MB", 200),
    ]
    print()
    print(f"{'':36} {'Kabar':>12} {'baseline':>12}   target")
    for label, key, unit, target in rows:
        mark = ""
        if target is not None:
            mark = f"< {target} {unit} " + ("ok" if ours[key] < target else "MISSED")
        print(f"{label:36} {ours[key]:>10.1f}{unit:>2} {base[key]:>10.1f}{unit:>2}   {mark}")
    print()
    print(f"searches with hits: Kabar {ours['search_with_hits']:.0f}/{ours['search_queries']:.0f}, "
          f"baseline {base['search_with_hits']:.0f}/{base['search_queries']:.0f} "
          "(baseline: LIKE, no accent folding, no ranking, no snippets)")  # fmt: skip
    print(f"samples: Kabar {args.samples} articles / {args.queries} queries; baseline "
          f"{args.baseline_samples} / {args.baseline_queries} (full scans are slow)")  # fmt: skip
    print(f"Kabar also: next page (keyset) {ours['next_page_ms']:.1f} ms, counts "
          f"{ours['counts_ms']:.1f} ms, quick_check {ours['quick_check_ms']:.0f} ms")  # fmt: skip
    print()
    figures = measure_cli(folder, url, query, count_instructions=args.instructions, runs=args.runs)
    print_cli(figures, args.runs)
    if build:
        print("build: " + ", ".join(f"{k} {v:.0f} s" for k, v in build.items())
              + f"; builder peak RSS {build_rss:.0f} MB")  # fmt: skip
    if not args.keep and args.dir is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
