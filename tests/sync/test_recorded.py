"""Servers that differ from FreshRSS, from answers we wrote after their documentation.

Miniflux answers item ids in decimal and contents in the long form, pages its id lists
by offset, names the user in stream ids (``user/1/label/…``) and puts the text in
``summary``; Inoreader names its user (``user/1005921515/…``), marks labels ``folder`` or
``tag`` and links items by ``canonical``. Unknown endpoints answer ``[]`` with 200.
A local server gives these answers (tests.sync.recorded); Kabar's real client and
service run against it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import FetchError, SyncAuthError, SyncError
from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.core.sync import SyncReport, item_key, wire_id
from tests.sync.recorded import RecordedServer, Request

API = "/reader/api/0/"
LOGIN = "SID=s\nLSID=null\nAuth=recorded-token-123\n"
FEED = "http://127.0.0.1:9/warta.xml"


def long_id(number: int) -> str:
    return f"tag:google.com,2005:reader/item/{number:016x}"


def item(number: int, stream: str, *, labels: tuple[str, ...] = (), key: str = "summary") -> dict:  # type: ignore[type-arg]
    return {
        "id": long_id(number),
        "title": f"Berita {number}",
        "published": 1796600000 + number,
        "canonical" if key == "content" else "alternate": [
            {"href": f"http://127.0.0.1:9/berita/{number}"}
        ],
        key: {"content": f"<p>Isi berita {number} dari server.</p>"},
        "origin": {"streamId": stream, "title": "Warta"},
        "categories": ["user/-/state/com.google/reading-list", *labels],
    }


@pytest.fixture
def core(data_dir: Path) -> Iterator[Services]:
    services = Services(paths=resolve_data_dir(data_dir))
    yield services
    services.close()


def miniflux_routes(edits: list[Request]) -> dict[str, object]:
    """Miniflux 2 (its Google Reader API at the server's root)."""
    pages = {"": (["101", "102"], "2"), "2": (["103"], None)}

    def ids(request: Request) -> str:
        stream = request.get("s")
        if stream == "user/-/state/com.google/starred":
            return json.dumps({"itemRefs": [{"id": "102"}]})
        refs, more = pages[request.get("c") or ""]  # an offset, as Miniflux pages
        answer: dict[str, object] = {"itemRefs": [{"id": i} for i in refs]}
        if more:
            answer["continuation"] = more
        return json.dumps(answer)

    def contents(request: Request) -> str:
        wanted = [item_key(i) for i in request.all("i")]
        found = [item(int(k), "feed/7") for k in wanted]
        return json.dumps({"id": "user/-/state/com.google/reading-list", "items": found})

    def edit(request: Request) -> str:
        edits.append(request)
        return "OK"

    return {
        "/accounts/ClientLogin": LOGIN,
        API + "token": "miniflux-action-token\n",
        API + "subscription/list": json.dumps(
            {
                "subscriptions": [
                    {
                        "id": "feed/7",
                        "title": "Warta",
                        "url": FEED,
                        "htmlUrl": "http://127.0.0.1:9/",
                        "categories": [{"id": "user/1/label/All", "label": "All"}],
                    }
                ]
            }
        ),
        API + "tag/list": json.dumps(
            {
                "tags": [
                    {"id": "user/1/state/com.google/starred"},
                    {"id": "user/1/label/All", "label": "All", "type": "folder"},
                ]
            }
        ),
        API + "stream/items/ids": ids,
        API + "stream/items/contents": contents,
        API + "edit-tag": edit,
    }


def test_item_ids_in_three_forms_are_one_item() -> None:
    assert item_key("tag:google.com,2005:reader/item/0000000000000065") == "101"
    assert item_key("101", decimal=True) == "101"
    assert item_key("65") == "65"  # bare digits are decimal unless zero-padded to 16
    assert item_key("0000000000000065") == "101"  # zero-padded hex (FreshRSS's rule)
    assert item_key("00000000000000ff".upper()) == "255"
    assert item_key("ff") == "255"
    assert item_key("-1", decimal=True) == str(2**64 - 1)  # signed 64-bit, as Google sent
    assert item_key(long_id(2**64 - 1)) == str(2**64 - 1)
    assert wire_id("101") == long_id(101)
    assert item_key("5d3f0a9e2c1b7f0012ab34cd") == "5d3f0a9e2c1b7f0012ab34cd"  # not 64-bit
    assert wire_id("5d3f0a9e2c1b7f0012ab34cd") == "5d3f0a9e2c1b7f0012ab34cd"
    # The Old Reader's ObjectIds are 24 hex digits; one made only of digits stays itself
    # (read as decimal it would wrap onto another item's 64-bit id).
    assert item_key("001573171929501265373791", decimal=True) == "001573171929501265373791"


def test_miniflux_decimal_ids_long_contents_offset_paging(core: Services) -> None:
    edits: list[Request] = []
    server = RecordedServer(miniflux_routes(edits))  # type: ignore[arg-type]
    try:
        account = core.sync.add_account(server.base + "/", "alice", "pw")
        assert account.server == server.base  # the root answered the login
        report = core.sync.sync()
        assert report.new_items == 3 and report.unread == 3 and report.starred == 1
        pages = [r.get("c") for r in server.requests if r.path.endswith("items/ids")]
        assert "2" in pages  # the offset continuation was handed back
        asked = [r.all("i") for r in server.requests if r.path.endswith("items/contents")]
        assert sorted(i for batch in asked for i in batch) == [long_id(n) for n in (101, 102, 103)]
        source = core.sources.get(FEED)
        assert source.folder == ("All",)
        rows = {h.url: h for h in core.sources.headlines(source.id)}
        assert rows["http://127.0.0.1:9/berita/102"].starred
        assert not any(h.read for h in rows.values())
        assert len(core.sync.synced_sources()) == 1

        core.library.set_read("http://127.0.0.1:9/berita/101")
        report = core.sync.sync()
        assert report.flags_there == 1 and report.new_items == 0
        assert [(e.all("i"), e.get("a"), e.get("T")) for e in edits] == [
            ([long_id(101)], "user/-/state/com.google/read", "miniflux-action-token")
        ]
        assert edits[0].headers["Authorization"] == "GoogleLogin auth=recorded-token-123"
    finally:
        server.stop()


def inoreader_routes() -> dict[str, object]:
    """Inoreader (its API at the server's root; the user named in stream ids)."""
    user = "user/1005921515/"

    def ids(request: Request) -> str:
        by_stream = {
            "user/-/state/com.google/reading-list": ["9001", "9002"],
            "user/-/state/com.google/starred": [],
            "user/-/label/Keep": ["9002"],
        }
        refs = by_stream.get(request.get("s") or "", [])
        return json.dumps(
            {
                "items": [],
                "itemRefs": [{"id": i, "directStreamIds": []} for i in refs],
                "continuation": "",
            }
        )

    def contents(request: Request) -> str:
        found = []
        for raw in request.all("i"):
            number = int(item_key(raw))
            labels = (user + "label/Keep",) if number == 9002 else ()
            found.append(item(number, "feed/" + FEED, labels=labels, key="content"))
        return json.dumps({"items": found})

    return {
        "/accounts/ClientLogin": "SID=null\nLSID=null\nAuth=G2UlCaIno\n",
        API + "token": "ino-token\n",
        API + "subscription/list": json.dumps(
            {
                "subscriptions": [
                    {
                        "id": "feed/" + FEED,
                        "title": "Warta",
                        "url": FEED,
                        "categories": [{"id": user + "label/News", "label": "News"}],
                    }
                ]
            }
        ),
        API + "tag/list": json.dumps(
            {
                "tags": [
                    {"id": user + "state/com.google/starred"},
                    {"id": user + "label/News", "type": "folder"},
                    {"id": user + "label/Keep", "type": "tag"},
                ]
            }
        ),
        API + "stream/items/ids": ids,
        API + "stream/items/contents": contents,
    }


def test_inoreader_user_ids_tags_and_canonical_links(core: Services) -> None:
    routes = inoreader_routes()
    server = RecordedServer(routes)  # type: ignore[arg-type]
    try:
        core.sync.add_account(server.base, "reader@example.org", "pw")
        report = core.sync.sync()
        assert report.new_items == 2
        assert core.sources.get(FEED).folder == ("News",)
        saved = core.library.headlines(collection="Keep")
        assert [h.url for h in saved] == ["http://127.0.0.1:9/berita/9002"]
        assert "News" not in [c.name for c in core.library.collections()]  # a folder
    finally:
        server.stop()


def test_unknown_endpoints_answer_an_empty_list(core: Services) -> None:
    edits: list[Request] = []
    routes = miniflux_routes(edits)
    routes[API + "tag/list"] = "[]"  # no labels here: collections are simply not synced
    server = RecordedServer(routes)  # type: ignore[arg-type]
    try:
        core.sync.add_account(server.base, "alice", "pw")
        assert core.sync.sync().new_items == 3
        routes[API + "stream/items/ids"] = "[]"  # no id lists: never read as "all read"
        core.library.set_starred("http://127.0.0.1:9/berita/101")
        with pytest.raises(SyncError, match="does not list item ids"):
            core.sync.sync()
        rows = {h.url: h for h in core.sources.headlines()}
        assert not any(h.read for h in rows.values())
        assert core.sync.account().pending_changes == 1  # type: ignore[union-attr]
    finally:
        server.stop()


def test_malformed_answers_change_nothing(core: Services) -> None:
    edits: list[Request] = []
    routes = miniflux_routes(edits)
    server = RecordedServer(routes)  # type: ignore[arg-type]
    try:
        core.sync.add_account(server.base, "alice", "pw")
        routes[API + "subscription/list"] = "<html><body>Maintenance</body></html>"
        with pytest.raises(SyncError, match="could not read"):
            core.sync.sync()
        routes[API + "subscription/list"] = json.dumps({"subscriptions": "nope"})
        with pytest.raises(SyncError, match="did not list its subscriptions"):
            core.sync.sync()
        routes[API + "subscription/list"] = miniflux_routes([])[API + "subscription/list"]
        routes[API + "stream/items/contents"] = '{"items": [{"id": '  # cut short
        with pytest.raises(SyncError, match="could not read"):
            core.sync.sync()
        assert core.sources.all() == []  # nothing half-applied
        assert "could not read" in (core.sync.account().last_error or "")  # type: ignore[union-attr]
    finally:
        server.stop()


def test_expired_action_token_is_renewed_once_then_said(core: Services) -> None:
    edits: list[Request] = []
    routes = miniflux_routes(edits)
    server = RecordedServer(routes)  # type: ignore[arg-type]
    try:
        core.sync.add_account(server.base, "alice", "pw")
        core.sync.sync()
        refusals = iter([(401, "Unauthorized"), "OK"])
        routes[API + "edit-tag"] = lambda request: next(refusals)
        core.library.set_read("http://127.0.0.1:9/berita/101")
        core.sync.sync()  # a new action token, and the change went through
        assert server.paths().count(API + "token") == 3
        routes[API + "edit-tag"] = (401, "Unauthorized")
        core.library.set_read("http://127.0.0.1:9/berita/102")
        with pytest.raises(SyncAuthError, match="no longer accepts"):
            core.sync.sync()
        assert core.library.state("http://127.0.0.1:9/berita/102").read  # kept, still queued
        assert core.sync.account().pending_changes == 1  # type: ignore[union-attr]
    finally:
        server.stop()


def test_server_down_is_said_and_changes_wait(core: Services) -> None:
    server = RecordedServer(miniflux_routes([]))  # type: ignore[arg-type]
    core.sync.add_account(server.base, "alice", "pw")
    core.sync.sync()
    server.stop()
    core.library.set_read("http://127.0.0.1:9/berita/103")
    with pytest.raises(FetchError):
        core.sync.sync()
    account = core.sync.account()
    assert account is not None and account.last_error and account.pending_changes == 1


def test_a_damaged_library_comes_back_with_its_sync_state(core: Services, data_dir: Path) -> None:
    """Accounts, the item id map and the marks both sides agreed on live in the user-state
    copy too: after the library file is damaged and rebuilt, a change made on the server
    is still told from one made here (without the base, marks would merge by union)."""
    unread = ["101", "102", "103"]
    routes = miniflux_routes([])

    def ids(request: Request) -> str:
        starred = request.get("s") == "user/-/state/com.google/starred"
        return json.dumps({"itemRefs": [{"id": i} for i in (["102"] if starred else unread)]})

    routes[API + "stream/items/ids"] = ids
    server = RecordedServer(routes)  # type: ignore[arg-type]
    try:
        core.sync.add_account(server.base, "alice", "pw")
        core.sync.sync()
        core.library.set_read("http://127.0.0.1:9/berita/101")
        assert core.sync.sync().flags_there == 1
        unread.remove("101")  # the server took it
        unread.append("101")  # and later the reader marked it unread on the phone
        core.close()
        library = resolve_data_dir(data_dir).library
        library.write_bytes(b"\x13\x37 not a database " * 4 + library.read_bytes()[100:])
        again = Services(paths=resolve_data_dir(data_dir))
        try:
            assert again.library.recovery is not None
            report = again.sync.sync()
            assert (report.flags_here, report.flags_there) == (1, 0)  # the phone's change
            assert not again.library.state("http://127.0.0.1:9/berita/101").read
            assert report.new_items == 3  # the headlines (feed cache) come back
            assert len(again.sources.headlines()) == 3
            server.requests.clear()
            assert again.sync.sync().new_items == 0
            assert API + "stream/items/contents" not in server.paths()
        finally:
            again.close()
    finally:
        server.stop()


def test_a_refresh_whose_sync_fails_reads_the_feeds_itself(data_dir: Path) -> None:
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from reader.app import main

    server = RecordedServer(miniflux_routes([]))  # type: ignore[arg-type]
    core = Services(paths=resolve_data_dir(data_dir))
    try:
        core.sync.add_account(server.base, "alice", "pw")
        core.sync.sync()
    finally:
        core.close()
        server.stop()  # the server is down for the refresh
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        assert main(["refresh", "--json"]) == 0
    report = json.loads(out.getvalue())
    assert report["sync_failed"] and "127.0.0.1" in report["sync"]
    assert [o["status"] for o in report["outcomes"]] == ["failed"]  # polled, not "synced"


def test_the_summary_counts_in_words_a_reader_would_use() -> None:
    one = SyncReport("alice@rss.example.org", requests=1, new_items=1, flags_here=1)
    assert one.summary() == (
        "Synced with alice@rss.example.org: 1 new item; 1 mark taken from the server, 0 sent"
        " (1 request, 0.0 s)."
    )
    many = SyncReport("a@b", requests=4, new_items=2, feeds_added_here=2, feeds_added_there=1)
    assert "2 new items; 2 subscription changes taken, 1 sent (4 requests" in many.summary()
