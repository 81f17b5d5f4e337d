"""Story grouping benchmark: Kabar's grouping vs a naive online TF-IDF centroid, in one run.

Speed and memory (synthetic library, default 100,000 articles in ~45,000 stories of 1-9
outlets over two years; deterministic text):

* grouping a whole library from scratch, as after the upgrade that adds stories
  (``Library.group_pending`` on a real library file), and the peak RSS of that process;
* adding one article to the grouped library (the step every arrival path runs: features and
  the grouping, inside the arrival's transaction; its commit is the arrival's and is timed
  with the whole arrival), median and p95 over ``--adds`` arrivals.

Wall clock and CPU time are both printed: on a shared machine the wall clock mostly measures
the wait for a core (the load average is printed too); CPU time is the work itself.

The naive baseline keeps every story centroid in memory and compares each new article with
all of them (no term index, no window). It adds to the same 100,000-article state (built
from the true stories) and groups ``--baseline-articles`` from scratch (it is quadratic).

Quality (``--quality``, needs ``/work/shared/corpus/stories-dev``): BCubed P/R/F1 on the
stories-dev set, overall and per half, and on a fixed train/held-out split of its stories
(by a hash of the story id; ECB+ topics kept whole), beside the reference groupings.

Usage: ``python benchmarks/stories.py [--articles N] [--adds N] [--quality] [--only-quality]``
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from measure import corpus_root, pct, peak_rss_mb  # noqa: E402

SEED = 20261207
DAY = 86400.0
START = 1_767_225_600.0  # 2026-01-01
CORPUS = corpus_root() / "stories-dev"
OUTLETS = [
    ("NusaKini", "nusakini.example"), ("Warta Harian", "wartaharian.example"),
    ("Harbor Post", "harborpost.example"), ("Kabar Pagi", "kabarpagi.example"),
    ("Suara Timur", "suaratimur.example"), ("Berita Kota", "beritakota.example"),
    ("Jurnal Ekonomi", "jurnalekonomi.example"), ("Tempo Kini", "tempokini.example"),
    ("Harian Selat", "harianselat.example"),
]  # fmt: skip
_SYLLABLES = [a + b for a in "bkhlmnprstjgdwy" for b in "aeiou"]


# -- synthetic library ----------------------------------------------------------------------


class Synthetic:
    """Stories with their own names and numbers over a Zipf vocabulary of common words."""

    def __init__(self, n: int, seed: int = SEED) -> None:
        rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < 40000:
            words.add("".join(rng.choices(_SYLLABLES, k=rng.choice((2, 3, 3, 4)))))
        vocab = sorted(words)
        rng.shuffle(vocab)
        self.common = vocab[:8000]
        self.topics = [vocab[8000 + 40 * t : 8040 + 40 * t] for t in range(200)]
        self.names = vocab[16000:]
        self.cumulative = list(itertools.accumulate(1 / (r + 1) for r in range(len(self.common))))
        self.rng = rng
        self.articles: list[dict[str, Any]] = []
        self.truth: list[int] = []
        story = 0
        while len(self.articles) < n:
            size = min(n - len(self.articles), rng.choice((1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 9)))
            start = START + rng.random() * 730 * DAY
            event = self._event()
            for _ in range(size):
                when = start + rng.random() * 2 * DAY
                self.articles.append(self._article(event, when, len(self.articles)))
                self.truth.append(story)
            story += 1
        order = sorted(range(n), key=lambda i: self.articles[i]["published"])
        self.articles = [self.articles[i] for i in order]
        self.truth = [self.truth[i] for i in order]

    def _event(self) -> dict[str, Any]:
        rng = self.rng
        return {
            "names": [w.capitalize() for w in rng.sample(self.names, 4)],
            "numbers": [str(rng.randint(2, 999)) for _ in range(2)],
            "topic": rng.choice(self.topics),
        }

    def _sentence(self, event: dict[str, Any], length: int) -> str:
        rng = self.rng
        out = rng.choices(self.common, cum_weights=self.cumulative, k=length)
        for _ in range(3):
            pool = event["names"] if rng.random() < 0.4 else event["topic"]
            out[rng.randrange(1, length)] = rng.choice(pool)
        if rng.random() < 0.3:
            out[rng.randrange(1, length)] = rng.choice(event["numbers"])
        return " ".join(out).capitalize() + "."

    def _article(self, event: dict[str, Any], when: float, n: int) -> dict[str, Any]:
        outlet, host = self.rng.choice(OUTLETS)
        iso = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(when))
        return {
            "title": self._sentence(event, 9)[:-1], "description": self._sentence(event, 24),
            "text": "\n\n".join(self._sentence(event, 18) for _ in range(14)),
            "outlet": outlet, "published": iso, "url": f"https://{host}/berita/{n}",
            "at": when,
        }  # fmt: skip


def build_library(folder: Path, data: Synthetic) -> float:
    """A real Kabar library holding the articles, ungrouped (as before the upgrade)."""
    from reader.core.library import Library
    from reader.core.paths import DataPaths

    shutil.rmtree(folder, ignore_errors=True)
    library = Library.open(DataPaths(folder), check=False)
    t0 = time.perf_counter()
    with library.store.write() as conn:
        for n, a in enumerate(data.articles, start=1):
            conn.execute(
                "INSERT INTO articles (id, url, canonical_url, final_url, title, outlet, host,"
                " published, description, words, sort_at, fetched_at, checked_at, content_hash,"
                " size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0)",
                (n, a["url"], a["url"], a["url"], a["title"], a["outlet"],
                 a["url"].split("/")[2], a["published"], a["description"], 250, a["at"],
                 a["at"], a["at"]),
            )  # fmt: skip
            conn.execute(
                "INSERT INTO article_fts (rowid, title, outlet, body) VALUES (?, ?, ?, ?)",
                (n, a["title"], a["outlet"], a["text"]),
            )
    library.close()
    return time.perf_counter() - t0


# -- measuring children (fresh processes: RSS is the measured work's own) -------------------


def child_group(folder: Path) -> dict[str, float]:
    from reader.core.library import Library
    from reader.core.paths import DataPaths

    library = Library.open(DataPaths(folder), check=False)
    t0, c0 = time.perf_counter(), time.process_time()
    grouped = library.group_pending()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    stories = library.store.reader().execute("SELECT count(*) FROM stories").fetchone()[0]
    library.close()
    return {
        "seconds": seconds, "cpu": cpu, "grouped": grouped, "stories": stories,
        "rss": peak_rss_mb(),
    }  # fmt: skip


def child_add(folder: Path, adds: int, n: int) -> dict[str, float]:
    """Arrivals into the grouped library: the product's step, timed alone and in full."""
    from reader.core.library import Library
    from reader.core.models import Article, Validators
    from reader.core.paths import DataPaths
    from reader.core.store import articles as q

    data = Synthetic(n)  # the same stories: new tellings of late events, and new events
    library = Library.open(DataPaths(folder), check=False)
    rng = random.Random(SEED + 1)
    step, step_cpu, whole = [], [], []
    for k in range(adds):
        base = data.articles[len(data.articles) - 1 - rng.randrange(2000)]
        fresh = rng.random() < 0.5
        event = data._event() if fresh else None
        item = data._article(event, base["at"] + 3600, n + k) if event else dict(base)
        item["url"] = f"https://new.example/berita/{k}"
        article = Article(
            url=item["url"], canonical_url=item["url"], title=item["title"],
            html=f"<p>{item['text']}</p>", text=item["text"], site_name=item["outlet"],
            published=item["published"], description=item["description"],
        )  # fmt: skip
        if k % 2:  # the grouping step alone (features + its transaction)
            with library.store.write() as conn:
                article_id = q.put_article(
                    conn, key=item["url"], final_url=item["url"], aliases=(),
                    article=article, validators=Validators(), now=time.time(),
                )  # fmt: skip
            with library.store.write() as conn:  # its commit is the arrival's, timed below
                t0, c0 = time.perf_counter(), time.process_time()
                library.group_arrival(conn, article_id, item["url"], article)
                step.append((time.perf_counter() - t0) * 1000)
                step_cpu.append((time.process_time() - c0) * 1000)
        else:  # the whole arrival as refresh does it: store + group in one transaction
            t0 = time.perf_counter()
            library.store_article(article, images=[])
            whole.append((time.perf_counter() - t0) * 1000)
    library.close()
    return {
        "step_median": statistics.median(step), "step_p95": pct(step, 95),
        "step_cpu_median": statistics.median(step_cpu), "step_cpu_p95": pct(step_cpu, 95),
        "whole_median": statistics.median(whole), "whole_p95": pct(whole, 95),
        "rss": peak_rss_mb(),
    }  # fmt: skip


# -- the naive baseline ---------------------------------------------------------------------

_WORD = re.compile(r"\w+")


class Naive:
    """Online TF-IDF centroids in memory, every new article compared with every story."""

    def __init__(self, threshold: float = 0.3) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        self.centroids: list[dict[str, float]] = []
        self.norms: list[float] = []
        self.threshold = threshold

    def vector(self, a: dict[str, Any]) -> dict[str, float]:
        text = " ".join((a.get("title") or "", a.get("description") or "",
                         (a.get("text") or "")[:1000])).lower()  # fmt: skip
        tf = Counter(_WORD.findall(text))
        self.n += 1
        self.df.update(tf.keys())
        v = {t: c * math.log((self.n + 1) / (self.df[t] + 1) + 1) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def join(self, story: int, v: dict[str, float]) -> None:
        if story == len(self.centroids):
            self.centroids.append({})
            self.norms.append(1.0)
        c = self.centroids[story]
        for t, x in v.items():
            c[t] = c.get(t, 0.0) + x
        self.norms[story] = math.sqrt(sum(x * x for x in c.values())) or 1.0

    def add(self, a: dict[str, Any]) -> int:
        v = self.vector(a)
        best, where = -1.0, -1
        for i, c in enumerate(self.centroids):
            s = sum(x * c.get(t, 0.0) for t, x in v.items()) / self.norms[i]
            if s > best:
                best, where = s, i
        story = where if best >= self.threshold else len(self.centroids)
        self.join(story, v)
        return story


def naive_group(articles: Sequence[dict[str, Any]]) -> list[int]:
    naive = Naive()
    return [naive.add(a) for a in articles]


def child_naive(n: int, scratch: int, adds: int) -> dict[str, float]:
    data = Synthetic(n)
    t0, c0 = time.perf_counter(), time.process_time()
    naive_group(data.articles[:scratch])
    scratch_seconds, scratch_cpu = time.perf_counter() - t0, time.process_time() - c0
    state = Naive()  # the 100,000-article state, from the true stories (cheap)
    ids: dict[int, int] = {}
    for a, story in zip(data.articles, data.truth, strict=True):
        state.join(ids.setdefault(story, len(ids)), state.vector(a))
    times, cpu = [], []
    rng = random.Random(SEED + 1)
    for k in range(adds):
        a = dict(data.articles[len(data.articles) - 1 - rng.randrange(2000)], url=f"n{k}")
        t0, c0 = time.perf_counter(), time.process_time()
        state.add(a)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return {
        "scratch_seconds": scratch_seconds, "scratch_cpu": scratch_cpu,
        "add_median": statistics.median(times), "add_p95": pct(times, 95),
        "add_cpu_median": statistics.median(cpu), "add_cpu_p95": pct(cpu, 95),
        "rss": peak_rss_mb(),
    }  # fmt: skip


def _run_child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# -- quality --------------------------------------------------------------------------------


def bcubed(truth: Sequence[object], pred: Sequence[object]) -> tuple[float, float, float]:
    by_pred: dict[object, list[int]] = defaultdict(list)
    by_true: dict[object, list[int]] = defaultdict(list)
    for i, (t, p) in enumerate(zip(truth, pred, strict=True)):
        by_pred[p].append(i)
        by_true[t].append(i)
    prec = rec = 0.0
    for t, p in zip(truth, pred, strict=True):
        correct = sum(1 for j in by_pred[p] if truth[j] == t)
        prec += correct / len(by_pred[p])
        rec += correct / len(by_true[t])
    n = len(truth)
    p, r = prec / n, rec / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def held_out(story: str) -> bool:
    """The fixed split: 3 in 10 story groups held out (an ECB+ topic's two events together)."""
    group = "ecb-" + story.split("-")[1] if story.startswith("ecb-") else story
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % 10 < 3


def quality() -> None:
    from reader.core.stories import group_stories

    path = CORPUS / "articles.jsonl"
    if not path.is_file():
        print(f"quality: {path} is absent, skipped")
        return
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    records.sort(key=lambda r: (r["published"] is None, r["published"] or ""))

    def titles(items: Sequence[dict[str, Any]]) -> list[str]:
        return [" ".join(_WORD.findall((a["title"] or "").lower())) for a in items]

    groupings: list[tuple[str, Callable[[Sequence[dict[str, Any]]], list[Any]]]] = [
        ("every article alone", lambda items: list(range(len(items)))),
        ("identical titles", titles),
        ("naive TF-IDF centroid 0.3", naive_group),
        ("Kabar", group_stories),
    ]
    subsets: list[tuple[str, Callable[[dict[str, Any]], bool]]] = [
        ("all", lambda r: True), ("g5", lambda r: r["id"].startswith("g5")),
        ("ecb", lambda r: r["id"].startswith("ecb")),
        ("train", lambda r: not held_out(r["story"])), ("held-out", lambda r: held_out(r["story"])),
        ("train g5", lambda r: not held_out(r["story"]) and r["id"].startswith("g5")),
        ("held-out g5", lambda r: held_out(r["story"]) and r["id"].startswith("g5")),
        ("train ecb", lambda r: not held_out(r["story"]) and r["id"].startswith("ecb")),
        ("held-out ecb", lambda r: held_out(r["story"]) and r["id"].startswith("ecb")),
    ]  # fmt: skip
    print(f"\nQuality on stories-dev ({len(records)} articles), BCubed P / R / F1:")
    print(f"{'':12}" + "".join(f"{name:>28}" for name, _ in groupings))
    for label, keep in subsets:
        chosen = [r for r in records if keep(r)]
        truth = [r["story"] for r in chosen]
        items = [{k: v for k, v in r.items() if k != "story"} for r in chosen]
        cells = []
        for _, group in groupings:
            p, r, f = bcubed(truth, group(items))
            cells.append(f"{p:.3f} / {r:.3f} / {f:.3f}")
        print(f"{label + f' ({len(chosen)})':12}" + "".join(f"{c:>28}" for c in cells))


# -- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--adds", type=int, default=300, help="arrivals timed")
    parser.add_argument("--baseline-articles", type=int, default=5_000,
                        help="articles the naive baseline groups from scratch")  # fmt: skip
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--quality", action="store_true", help="also score stories-dev")
    parser.add_argument("--only-quality", action="store_true")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "group":
            result = child_group(Path(rest[0]))
        elif kind == "add":
            result = child_add(Path(rest[0]), int(rest[1]), int(rest[2]))
        else:
            result = child_naive(int(rest[0]), int(rest[1]), int(rest[2]))
        print(json.dumps(result))
        return
    if args.only_quality:
        quality()
        return
    n = args.articles
    folder = args.dir or Path(tempfile.mkdtemp(prefix="kabar-stories-"))
    print(f"Kabar story benchmark: {n:,} synthetic articles, library in {folder}")
    t0 = time.perf_counter()
    data = Synthetic(n)
    print(f"  corpus: {len(set(data.truth)):,} true stories, made in "
          f"{time.perf_counter() - t0:.0f} s")  # fmt: skip
    print(f"  library written (ungrouped) in {build_library(folder / 'lib', data):.0f} s")
    group = _run_child("group", str(folder / "lib"))
    add = _run_child("add", str(folder / "lib"), str(args.adds), str(n))
    naive = _run_child("naive", str(n), str(args.baseline_articles), str(min(args.adds, 100)))
    per_article = group["seconds"] / max(1, group["grouped"])
    per_cpu = group["cpu"] / max(1, group["grouped"])
    naive_per = naive["scratch_seconds"] * 1000 / args.baseline_articles
    naive_per_cpu = naive["scratch_cpu"] * 1000 / args.baseline_articles
    print(f"  machine load (1 min average) at the end: {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores: wall clock waits for the CPU, CPU time does not")  # fmt: skip
    print(f"\n{'':50} {'Kabar':>12} {'naive':>12}   target")

    def row(label: str, kabar: str, naive_cell: str = "", target: str = "") -> None:
        print(f"{label:50} {kabar:>12} {naive_cell:>12}   {target}")

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    size = format(n, ",")
    row(f"group {size} from scratch, wall", f"{group['seconds']:.0f} s", "",
        "< 300 s " + verdict(group["seconds"] < 300))  # fmt: skip
    row(f"group {size} from scratch, CPU", f"{group['cpu']:.0f} s", "",
        "< 300 s " + verdict(group["cpu"] < 300))  # fmt: skip
    row("  per article, wall / CPU", f"{per_article * 1000:.2f}/{per_cpu * 1000:.2f} ms",
        f"{naive_per:.2f}/{naive_per_cpu:.2f} ms",
        f"(naive: first {args.baseline_articles:,} only; it is quadratic)")  # fmt: skip
    row(f"add one to {size}: grouping step, median wall", f"{add['step_median']:.2f} ms",
        f"{naive['add_median']:.1f} ms")  # fmt: skip
    row(f"add one to {size}: grouping step, p95 wall", f"{add['step_p95']:.2f} ms",
        f"{naive['add_p95']:.1f} ms", "< 20 ms " + verdict(add["step_p95"] < 20))  # fmt: skip
    row(f"add one to {size}: grouping step, median CPU", f"{add['step_cpu_median']:.2f} ms",
        f"{naive['add_cpu_median']:.1f} ms")  # fmt: skip
    cpu_p95 = add["step_cpu_p95"]
    row(f"add one to {size}: grouping step, p95 CPU", f"{cpu_p95:.2f} ms",
        f"{naive['add_cpu_p95']:.1f} ms", "< 20 ms " + verdict(cpu_p95 < 20))  # fmt: skip
    row("  whole arrival (store + group + commit), median / p95 wall",
        f"{add['whole_median']:.1f}/{add['whole_p95']:.1f} ms")  # fmt: skip
    row("peak RSS, grouping from scratch", f"{group['rss']:.0f} MB", f"{naive['rss']:.0f} MB",
        "< 200 MB " + verdict(group["rss"] < 200))  # fmt: skip
    row("peak RSS, adding", f"{add['rss']:.0f} MB")
    print(f"  stories formed: {group['stories']:,} (true: {len(set(data.truth)):,})")
    if args.dir is None:
        shutil.rmtree(folder, ignore_errors=True)
    if args.quality:
        quality()


if __name__ == "__main__":
    main()
