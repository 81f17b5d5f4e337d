"""The two-way merge where FreshRSS cannot show it: a server that keeps state and answers
the way other servers do (tests.sync.stateful), Kabar's real service against it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from tests.sync.recorded import Answer, Request
from tests.sync.stateful import API, StatefulServer

FEED = "http://127.0.0.1:9/warta.xml"


@pytest.fixture
def core(data_dir: Path) -> Iterator[Services]:
    services = Services(paths=resolve_data_dir(data_dir))
    yield services
    services.close()


@pytest.fixture
def server() -> Iterator[StatefulServer]:
    found = StatefulServer()
    found.feed("feed/1", FEED)
    for number in (1, 2, 3):
        found.item(number, "feed/1")
    yield found
    found.stop()


def contents_asked(server: StatefulServer) -> int:
    return sum(len(r.all("i")) for r in server.requests if r.path == API + "stream/items/contents")


def test_a_feed_subscribed_again_on_the_server_keeps_its_source(
    core: Services, server: StatefulServer
) -> None:
    """Unsubscribed and subscribed again elsewhere, the feed has a new stream id: the
    source here is the same feed, kept with its articles (it was deleted, and the sync
    then failed for ever on the sync base's link to it)."""
    core.sync.add_account(server.base, "alice", "pw")
    core.sync.sync()
    source = core.sources.get(FEED)
    server.feeds.pop("feed/1")
    server.feed("feed/9", FEED, title="Warta lagi")
    for item in server.items.values():
        item.stream = "feed/9"
    server.item(4, "feed/9")
    report = core.sync.sync()
    assert (report.feeds_removed_here, report.new_items) == (0, 1)
    assert [s.id for s in core.sources.all()] == [source.id]
    assert len(core.sources.headlines(source.id)) == 4
    assert core.sync.sync().new_items == 0


def test_saving_to_one_collection_leaves_the_servers_other_labels_alone(
    core: Services, server: StatefulServer
) -> None:
    """A change here to one collection is the later change of that label only: a label
    the phone put on the same article meanwhile stays (it was taken off again)."""
    core.sync.add_account(server.base, "alice", "pw")
    core.sync.sync()
    url = server.items[1].url
    core.library.save_to_collection(url, ["Kopi"])
    server.label(1, "Teh")
    report = core.sync.sync()
    assert (report.labels_there, report.labels_here) == (1, 1)
    assert server.items[1].labels == {"Kopi", "Teh"}
    assert [h.url for h in core.library.headlines(collection="Teh")] == [url]
    assert [h.url for h in core.library.headlines(collection="Kopi")] == [url]
    # Taken out of one here, out of the other there: each side's change is kept.
    core.library.remove_from_collection(url, "Kopi")
    server.items[1].labels.discard("Teh")
    core.sync.sync()
    assert server.items[1].labels == set()
    assert core.library.headlines(collection="Teh") == []


def test_bare_hex_ids_made_of_digits_are_the_items_asked_for(core: Services) -> None:
    """Contents naming items in bare hex: ``1234`` is 0x1234 here, not decimal 1234
    (read as decimal, every item looked new, read and unlisted at every sync)."""
    server = StatefulServer(id_form="hex")
    try:
        server.feed("feed/1", FEED)
        for number in (0x1234, 0x42, 0xAB):
            server.item(number, "feed/1")
        core.sync.add_account(server.base, "alice", "pw")
        assert core.sync.sync().new_items == 3
        headlines = core.sources.headlines()
        assert len(headlines) == 3 and not any(h.read for h in headlines)
        core.library.set_read(server.items[0x42].url)
        server.requests.clear()
        report = core.sync.sync()
        assert (report.new_items, report.flags_there, contents_asked(server)) == (0, 1, 0)
        assert [n for n, item in server.items.items() if item.read] == [0x42]
    finally:
        server.stop()


def test_items_without_contents_or_link_are_not_asked_for_at_every_sync(
    core: Services, server: StatefulServer
) -> None:
    server.item(4, "feed/1", url="")  # no link to an article
    server.item(5, "feed/1")
    answer = server.routes[API + "stream/items/contents"]

    def without_five(request: Request) -> Answer:  # listed, but no contents for it
        form = [(k, v) for k, v in request.form if not (k == "i" and v.endswith("5"))]
        return answer(replace(request, form=form))  # type: ignore[operator]

    server.routes[API + "stream/items/contents"] = without_five
    core.sync.add_account(server.base, "alice", "pw")
    assert core.sync.sync().new_items == 3
    server.requests.clear()
    assert core.sync.sync().new_items == 0
    assert contents_asked(server) == 0


def test_a_server_that_answers_part_of_a_batch_is_asked_for_the_rest(
    core: Services, server: StatefulServer
) -> None:
    answer = server.routes[API + "stream/items/contents"]

    def two_at_most(request: Request) -> Answer:
        form = [pair for pair in request.form if pair[0] == "i"][:2]
        return answer(replace(request, form=form))  # type: ignore[operator]

    server.routes[API + "stream/items/contents"] = two_at_most
    core.sync.add_account(server.base, "alice", "pw")
    assert core.sync.sync().new_items == 3
    assert contents_asked(server) == 3 + 1  # 3 asked, 2 answered; the 1 left asked again


def test_contents_too_large_for_one_answer_come_in_smaller_batches(
    core: Services, server: StatefulServer
) -> None:
    """Full-text items can make a batch of contents larger than a fetch may read: the
    batch is halved (it failed the same way at every sync); a single item too large
    is left out, the others arrive."""
    server.item(4, "feed/1")
    answer = server.routes[API + "stream/items/contents"]

    def padded(request: Request) -> Answer:
        data = json.loads(answer(request))  # type: ignore[operator, arg-type]
        for entry in data["items"]:
            size = 90_000 if entry["id"].endswith("4") else 30_000
            entry["summary"]["content"] += "<p>" + "isi " * (size // 4) + "</p>"
        return json.dumps(data)

    server.routes[API + "stream/items/contents"] = padded
    core.fetcher.max_bytes = 80_000
    core.sync.add_account(server.base, "alice", "pw")
    report = core.sync.sync()
    assert report.new_items == 3
    assert server.items[4].url not in {h.url for h in core.sources.headlines()}
