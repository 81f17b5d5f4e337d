"""The two-way merge where FreshRSS cannot show it: a server that keeps state and answers
the way other servers do (tests.sync.stateful), Kabar's real service against it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.paths import resolve_data_dir
from reader.core.services import Services
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
