"""The refresh engine against the test web, with a real library in ``tmp_path``.

Custom feeds are served at run time under unique paths (``web.serve``) and list
real articles of the test web, so full-text fetching is real too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.models import RefreshProgress
from reader.core.refresh import RefreshConfig
from reader.core.store import sources as sq
from tests.core.libkit import RefreshKit
from tests.web.server import TestWeb


class Kit(RefreshKit):
    """A library, its source list and a refresher, all on ``tmp_path``."""

    def __init__(self, root: Path, config: RefreshConfig | None = None) -> None:
        super().__init__(root, config, seed=7)

    def entries(self, source_id: int) -> list[tuple[str, str | None, str]]:
        return [
            (r[0], r[1], r[2])
            for r in self.library.store.reader().execute(
                "SELECT guid, article_url, fetch_state FROM entries WHERE source_id = ?"
                " ORDER BY id",
                (source_id,),
            )
        ]


@pytest.fixture
def kit(tmp_path: Path) -> Iterator[Kit]:
    made = Kit(tmp_path)
    try:
        yield made
    finally:
        made.close()


def rss(title: str, links: list[str], *, site: str = "https://example.invalid/") -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>{link}</link><guid isPermaLink='false'>"
        f"{title}-{i}</guid><description>Teaser {i}</description></item>"
        for i, link in enumerate(links)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>"
        f"<link>{site}</link>{items}</channel></rss>"
    )


def serve_feed(
    web: TestWeb, name: str, body: str, *, origin: str = "harbor", **options: object
) -> str:
    """Serve a feed on ``origin``: the test web is all on 127.0.0.1, a private network,
    so a feed may name items only on its own origin (private-address policy)."""
    url = web.outlets[origin].url(f"/kabar-refresh/{name}.xml")
    web.serve(url, body, content_type="application/rss+xml; charset=utf-8", **options)  # type: ignore[arg-type]
    return url


def test_new_items_arrive_with_their_full_text_and_pictures(web: TestWeb, kit: Kit) -> None:
    feed = web.feed_urls("harbor")[0]
    source = kit.sources.add(feed)
    seen: list[RefreshProgress] = []
    report = kit.refresher.refresh(on_progress=seen.append)
    [outcome] = report.outcomes
    assert outcome.status == "updated" and outcome.new_entries > 0
    assert report.articles_fetched == outcome.new_entries and report.articles_failed == 0
    headlines = kit.sources.headlines(source.id)
    assert len(headlines) == outcome.new_entries
    for headline in headlines:
        assert headline.in_library, headline.url
        stored = kit.library.get(headline.url)
        assert stored is not None
        assert stored.article.text.startswith(web.truth(headline.url).paragraphs[0][:40])
    assert any(kit.library.get(h.url).images > 0 for h in headlines)  # type: ignore[union-attr]
    assert all(state == "done" for _, _, state in kit.entries(source.id))
    after = kit.sources.get(source.id)
    assert after.status == "ok" and after.kind == "atom" and after.title == "The Daily Harbor"
    assert after.last_success_at is not None and after.last_error is None
    # Progress: sources and articles counted up, in order, ending finished.
    assert seen[0].sources_done == 0 and seen[-1].finished and not seen[-1].cancelled
    assert [p.sources_done for p in seen] == sorted(p.sources_done for p in seen)
    assert seen[-1].articles_done == seen[-1].articles_total == report.articles_fetched


def test_an_unchanged_feed_is_a_304_and_is_not_parsed_again(web: TestWeb, kit: Kit) -> None:
    feed = web.feed_urls("warta")[0]
    source = kit.sources.add(feed)
    kit.refresher.refresh()
    entries = kit.entries(source.id)
    hits = web.hits(feed)
    assert kit.refresher.refresh().outcomes[0].status == "skipped", "not due yet"
    report = kit.refresher.refresh(force=True)
    assert [o.status for o in report.outcomes] == ["not-modified"]
    assert report.articles_fetched == 0 and report.new_entries == 0
    assert web.hits(feed) == hits + 1
    last = [r for r in web.requests_for("warta") if r.path == "/rss"][-1]
    assert "If-None-Match" in last.headers or "if-none-match" in last.headers
    assert kit.entries(source.id) == entries


def test_a_server_without_validators_is_caught_by_the_content_hash(web: TestWeb, kit: Kit) -> None:
    links = web.article_urls("harbor")[:2]
    url = serve_feed(web, "no-validators", rss("NoTag", links), conditional=False)
    try:
        source = kit.sources.add(url)
        first = kit.refresher.refresh()
        second = kit.refresher.refresh(force=True)
    finally:
        web.unserve(url)
    assert first.outcomes[0].status == "updated"
    assert second.outcomes[0].status == "unchanged"
    assert len(kit.entries(source.id)) == 2


@pytest.mark.parametrize("status", [301, 308])
def test_a_feed_that_moved_permanently_is_fetched_from_its_new_address(
    web: TestWeb, kit: Kit, status: int
) -> None:
    links = web.article_urls("harbor")[:2]
    old = serve_feed(web, f"moved-old-{status}", rss("Moving", links))
    new = serve_feed(web, f"moved-new-{status}", rss("Moving", links))
    try:
        source = kit.sources.add(old)
        kit.refresher.refresh()
        web.serve(old, "", status=status, headers={"Location": new})
        moved = kit.refresher.refresh(force=True)
        old_hits, new_hits = web.hits(old), web.hits(new)
        again = kit.refresher.refresh(force=True)
        assert web.hits(old) == old_hits, "the old address is not asked again"
        assert web.hits(new) == new_hits + 1
    finally:
        web.unserve(old)
        web.unserve(new)
    assert moved.outcomes[0].status != "failed" and again.outcomes[0].status != "failed"
    assert kit.sources.get(source.id).url == new
    assert len(kit.entries(source.id)) == 2


@pytest.mark.parametrize(
    "status, body, content_type",
    [
        (302, None, None),  # temporary: the subscription stays
        (301, "<!doctype html><html><body><p>Domain for sale</p></body></html>", "text/html"),
    ],
    ids=["temporary", "to-a-web-page"],
)
def test_a_redirect_that_is_not_a_move_of_the_feed_keeps_the_address(
    web: TestWeb, kit: Kit, status: int, body: str | None, content_type: str | None
) -> None:
    links = web.article_urls("harbor")[:2]
    old = serve_feed(web, f"kept-old-{status}", rss("Staying", links))
    target = serve_feed(web, f"kept-new-{status}", rss("Staying", links))
    try:
        source = kit.sources.add(old)
        kit.refresher.refresh()
        if body is not None:
            web.serve(target, body, content_type=content_type or "text/html")
        web.serve(old, "", status=status, headers={"Location": target})
        kit.refresher.refresh(force=True)
    finally:
        web.unserve(old)
        web.unserve(target)
    assert kit.sources.get(source.id).url == old
    assert len(kit.entries(source.id)) == 2


@pytest.mark.parametrize(
    "case",
    [
        ("<!doctype html><html><body>Maintenance</body></html>", 200, "text/html", "web page"),
        ("", 200, "application/rss+xml", "empty"),
        ("\x00\x01 garbage \xff", 200, "application/rss+xml", "not a feed"),
        (rss("Empty now", []), 200, "application/rss+xml", "listed no items"),
        ("oops", 500, "text/plain", "500"),
        ("gone", 404, "text/plain", "404"),
    ],
    ids=["html", "empty", "garbage", "no-items", "500", "404"],
)
def test_a_feed_gone_bad_never_wipes_what_was_there(
    web: TestWeb, kit: Kit, case: tuple[str, int, str, str]
) -> None:
    body, status, content_type, error = case
    links = web.article_urls("harbor")[:3]
    url = serve_feed(web, f"goes-bad-{status}-{len(body)}", rss("Good", links))
    try:
        source = kit.sources.add(url)
        kit.refresher.refresh()
        before = kit.entries(source.id)
        headlines = kit.sources.headlines(source.id)
        web.serve(url, body, status=status, content_type=content_type)
        report = kit.refresher.refresh(force=True)
    finally:
        web.unserve(url)
    [outcome] = report.outcomes
    assert outcome.status == "failed" and error in (outcome.error or "")
    assert kit.entries(source.id) == before
    assert kit.sources.headlines(source.id) == headlines
    after = kit.sources.get(source.id)
    assert after.status == "failing" and after.failures == 1
    assert after.last_error and error in after.last_error and after.last_error_at is not None
    assert after.last_success_at is not None, "the last success is still shown"


def test_429_waits_as_long_as_the_server_asks_even_when_forced(web: TestWeb, kit: Kit) -> None:
    url = serve_feed(web, "busy", "slow down", status=429, headers={"Retry-After": "120"})
    try:
        source = kit.sources.add(url)
        started = time.time()
        report = kit.refresher.refresh()
        assert report.outcomes[0].status == "failed"
        after = kit.sources.get(source.id)
        assert after.status == "waiting"
        assert after.retry_after_until is not None
        assert started + 119 <= after.retry_after_until.timestamp() <= time.time() + 121
        hits = web.hits(url)
        again = kit.refresher.refresh(force=True)
        named = kit.refresher.refresh([source.id])
    finally:
        web.unserve(url)
    assert [o.status for o in again.outcomes + named.outcomes] == ["skipped", "skipped"]
    assert "wait" in (again.outcomes[0].error or "")
    assert web.hits(url) == hits, "no request while the server asked to wait"


def test_failures_back_off_exponentially_with_jitter(web: TestWeb, tmp_path: Path) -> None:
    clock = [1_000_000.0]
    made = Kit(tmp_path)
    made.refresher.clock = lambda: clock[0]
    made.sources.clock = lambda: clock[0]
    url = serve_feed(web, "flaky", "down", status=503)
    delays = []
    try:
        source = made.sources.add(url, interval_seconds=600)
        for _ in range(4):
            made.refresher.refresh(force=True)
            state = made.sources.get(source.id)
            assert state.next_due is not None
            delays.append(state.next_due.timestamp() - clock[0])
            clock[0] += 10
        web.unserve(url)
        web.serve(
            url, rss("Back", web.article_urls("harbor")[:1]), content_type="application/rss+xml"
        )
        made.refresher.refresh(force=True)
        healed = made.sources.get(source.id)
    finally:
        web.unserve(url)
        made.close()
    for n, delay in enumerate(delays):
        expected = 600 * 2**n
        assert expected * 0.8 <= delay <= expected * 1.2, (n, delay)
    assert len(set(delays)) == 4
    assert healed.status == "ok" and healed.failures == 0 and healed.last_error is None


def test_410_stops_polling(web: TestWeb, kit: Kit) -> None:
    source = kit.sources.add(web.fault_url("gone"))
    kit.refresher.refresh()
    gone = kit.sources.get(source.id)
    assert gone.status == "gone" and "410" in (gone.last_error or "")
    assert [s.id for s in kit.refresher.due()] == []
    hits = web.hits(web.fault_url("gone"))
    assert kit.refresher.refresh(force=True).outcomes[0].status == "skipped"
    assert web.hits(web.fault_url("gone")) == hits
    assert kit.refresher.refresh([source.id]).outcomes[0].status == "failed", "named: tried"


def test_the_same_article_in_two_feeds_is_fetched_once(web: TestWeb, kit: Kit) -> None:
    article = web.article_urls("harbor")[5]
    one = serve_feed(web, "dedup-one", rss("One", [article + "?utm_source=one&utm_medium=rss"]))
    two = serve_feed(web, "dedup-two", rss("Two", [article + "?fbclid=abc", article + "#top"]))
    try:
        a = kit.sources.add(one)
        b = kit.sources.add(two)
        hits = web.hits(article)
        report = kit.refresher.refresh()
    finally:
        web.unserve(one)
        web.unserve(two)
    assert web.hits(article) - hits == 1, "fetched once for both feeds"
    assert report.articles_fetched == 1 and report.new_entries == 2
    everything = kit.sources.headlines()  # only these two feeds' items: one article
    assert len(everything) == 1 and everything[0].in_library
    assert len(kit.sources.headlines(a.id)) == len(kit.sources.headlines(b.id)) == 1
    assert {state for _, _, state in kit.entries(a.id) + kit.entries(b.id)} == {"done"}


def test_failed_articles_are_retried_on_later_refreshes_then_given_up(
    web: TestWeb, kit: Kit
) -> None:
    missing = web.outlets["harbor"].url("/news/2026/01/01/no-such-story")
    url = serve_feed(web, "missing-article", rss("Missing", [missing]))
    try:
        source = kit.sources.add(url)
        for attempt in range(1, 5):
            report = kit.refresher.refresh(force=True)
            row = (
                kit.library.store.reader()
                .execute(
                    "SELECT fetch_state, fetch_attempts, fetch_error FROM entries"
                    " WHERE source_id = ?",
                    (source.id,),
                )
                .fetchone()
            )
            assert row[0] == "failed" and row[1] == min(attempt, 3) and "404" in row[2]
            assert report.articles_failed == (1 if attempt <= 3 else 0)
    finally:
        web.unserve(url)
    assert web.hits(missing) == 3


def test_a_news_sitemap_is_a_source(web: TestWeb, kit: Kit) -> None:
    sitemap = web.sitemap_urls("nusa")[0]
    source = kit.sources.add(sitemap)
    report = kit.refresher.refresh()
    assert report.outcomes[0].status == "updated" and report.articles_fetched > 0
    assert kit.sources.get(source.id).kind == "sitemap"
    assert all(h.in_library for h in kit.sources.headlines(source.id))


def test_deleting_a_source_keeps_starred_and_saved_articles(web: TestWeb, kit: Kit) -> None:
    source = kit.sources.add(web.feed_urls("harbor")[0])
    kit.refresher.refresh()
    first, second = kit.sources.headlines(source.id)[:2]
    kit.library.set_starred(first.url)
    kit.library.save_to_collection(second.url, ["Simpan"])
    assert kit.sources.delete(source.id) > 0
    assert kit.sources.all() == [] and kit.sources.headlines() == []
    assert kit.library.state(first.url).starred
    assert [h.url for h in kit.library.headlines(collection="Simpan")] == [second.url]
    assert kit.library.get(first.url) is not None and kit.library.get(second.url) is not None


# -- concurrency and cancel, on a test web of our own with latency -----------------------


class CountingWeb(TestWeb):
    """A test web that counts requests in flight per origin, at the server.

    ``delay`` runs in the server's handler thread before each answer: holding
    the count across the simulated latency measures real concurrent requests.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.counter_lock = threading.Lock()
        self.inflight: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.first_request = threading.Event()

    def delay(self, origin: str) -> float:
        if origin == "faults":
            return 0.0
        with self.counter_lock:
            self.inflight[origin] = self.inflight.get(origin, 0) + 1
            self.peak[origin] = max(self.peak.get(origin, 0), self.inflight[origin])
        self.first_request.set()
        threading.Event().wait(self.seconds)  # the simulated network latency of this response
        with self.counter_lock:
            self.inflight[origin] -= 1
        return 0.0


@pytest.fixture(scope="module")
def slow_web() -> Iterator[CountingWeb]:
    started = CountingWeb(0.05)
    started.start()
    try:
        yield started
    finally:
        started.stop()


def test_per_host_and_overall_limits_hold_at_the_server(
    slow_web: CountingWeb, tmp_path: Path
) -> None:
    config = RefreshConfig(
        feed_concurrency=6, article_concurrency=4, per_host=2, article_workers=12
    )
    made = Kit(tmp_path, config)
    try:
        for n in range(12):
            made.sources.add(slow_web.generated_feed_url(n, items=3))
        for name in ("nusa", "warta", "harbor"):
            made.sources.add(slow_web.feed_urls(name)[0])
        slow_web.peak.clear()
        report = made.refresher.refresh()
    finally:
        made.close()
    assert report.articles_failed == 0 and report.articles_fetched >= 36
    assert slow_web.peak["gen"] == 2, slow_web.peak
    assert all(peak <= 2 for peak in slow_web.peak.values()), slow_web.peak
    assert sum(slow_web.peak.values()) > 2, "several hosts were served at once"


def test_cancel_stops_promptly_and_leaves_no_threads(slow_web: CountingWeb, tmp_path: Path) -> None:
    made = Kit(tmp_path, RefreshConfig(per_host=4))
    progressed = threading.Event()

    def on_progress(progress: RefreshProgress) -> None:
        if progress.articles_done >= 1:
            progressed.set()

    try:
        for n in range(100, 130):
            made.sources.add(slow_web.generated_feed_url(n, items=10))
        run = made.refresher.start(on_progress=on_progress)
        assert progressed.wait(30)
        cancelled_at = time.monotonic()
        run.cancel()
        report = run.wait(10)
        took = time.monotonic() - cancelled_at
        requests = len(slow_web.requests)
        # What was not fetched is still pending, for the next refresh to pick up.
        pending = (
            made.library.store.reader()
            .execute("SELECT count(*) FROM entries WHERE fetch_state = 'pending'")
            .fetchone()[0]
        )
    finally:
        made.close()
    assert report.cancelled and report.articles_fetched < 300
    # Liveness, not speed: the uncancelled run needs > 7 s (300 pages, 2 per host, 50 ms each).
    assert took < 5, f"cancel took {took:.2f} s"
    assert not [t.name for t in threading.enumerate() if t.name.startswith("kabar-")]
    assert len(slow_web.requests) == requests, "nothing was requested after the run ended"
    assert pending > 0


def test_merge_keeps_entries_when_guids_change_on_every_fetch(tmp_path: Path) -> None:
    """F9: a feed whose GUIDs change each time must not duplicate its items."""
    from reader.core.models import ParsedEntry

    made = Kit(tmp_path)
    try:
        source = made.sources.add("https://churn.example/feed")
        for round_ in range(3):
            entries = [
                ParsedEntry(
                    guid=f"r{round_}-{i}",
                    url=f"https://churn.example/a/{i}?utm_source=x",
                    title=f"A{i}",
                )
                for i in range(3)
            ]
            with made.library.store.write() as conn:
                new = sq.merge_entries(conn, source.id, entries, 1000.0 + round_, full_text=True)
            assert len(new) == (3 if round_ == 0 else 0)
        rows = made.entries(source.id)
    finally:
        made.close()
    assert [r[1] for r in rows] == [f"https://churn.example/a/{i}" for i in (2, 1, 0)]


def test_items_that_are_not_articles_fail_clearly_and_others_still_arrive(
    web: TestWeb, kit: Kit
) -> None:
    good = web.article_urls("harbor")[4]
    links = [web.fault_url("pdf_as_html"), web.fault_url("binary_as_html"), good]
    url = serve_feed(web, "not-articles", rss("Mixed", links))
    try:
        # The fault routes are another origin of the loopback test web: allowed here.
        source = kit.sources.add(url, allow_private=True)
        report = kit.refresher.refresh()
    finally:
        web.unserve(url)
    assert report.articles_fetched == 1 and report.articles_failed == 2
    rows = (
        kit.library.store.reader()
        .execute(
            "SELECT url, fetch_state, fetch_error FROM entries WHERE source_id = ? ORDER BY id",
            (source.id,),
        )
        .fetchall()
    )
    states = {row[0]: (row[1], row[2] or "") for row in rows}
    assert states[good][0] == "done"
    assert states[web.fault_url("pdf_as_html")][0] == "failed"
    assert "PDF" in states[web.fault_url("pdf_as_html")][1]
    assert kit.sources.get(source.id).status == "ok", "an article's failure is not the feed's"


def test_two_refreshes_at_once_fetch_each_article_once(web: TestWeb, tmp_path: Path) -> None:
    """Two refreshes of the same library at the same time (the window's and one from cron,
    here two Refreshers on two Library objects): the second waits for the first, then finds
    everything done (issue 13 §4)."""
    links = web.article_urls("warta")[:6]
    url = serve_feed(web, "twice-at-once", rss("Twice", links), origin="warta")
    first, second = Kit(tmp_path), Kit(tmp_path)
    try:
        source = first.sources.add(url)
        before = {link: web.hits(link) for link in links}
        waits: list[RefreshProgress] = []
        one = first.refresher.start(force=True, on_progress=waits.append)
        two = second.refresher.start(force=True, on_progress=waits.append)
        reports = [one.wait(60), two.wait(60)]
        assert first.sources.get(source.id).entries == len(links)
    finally:
        web.unserve(url)
        first.close()
        second.close()
    assert all(web.hits(link) - before[link] == 1 for link in links), "fetched twice"
    assert sum(r.articles_fetched for r in reports) == len(links)
    assert any(p.current == "waiting for another refresh to finish" for p in waits)
