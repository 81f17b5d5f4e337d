"""The whole sync round trip against a real FreshRSS (its Google Reader API).

FreshRSS reads its feeds from the test web on 127.0.0.1, like a real server reads the
outlets; a second client ("the phone") changes things on the server; Kabar runs its real
commands (``kabar account|sync|mark|refresh|headlines``) in this process.
"""

from __future__ import annotations

import io
import json
import signal
import stat
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from reader.app import main
from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.core.urls import canonicalize
from tests.sync.freshrss import FreshRSS, Phone
from tests.web.server import TestWeb

pytestmark = pytest.mark.slow

READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"


def kabar(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def add_account(server: FreshRSS, user: str, password: str, url: str | None = None) -> None:
    """``kabar account add`` with the API address (finding it from the home page is
    tested once, in the first test: it costs a few requests more)."""
    code, _out, err = kabar(
        "account", "add", url or server.api, "--user", user, "--password-stdin",
        stdin=password + "\n",
    )  # fmt: skip
    assert code == 0, err


def sync() -> dict:  # type: ignore[type-arg]
    code, out, err = kabar("sync", "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def headlines() -> dict[str, dict]:  # type: ignore[type-arg]
    code, out, err = kabar("headlines", "--json", "--limit", "500")
    assert code == 0, err
    return {canonicalize(item["url"]): item for item in json.loads(out)}


def services(data_dir: Path) -> Services:
    return Services(paths=resolve_data_dir(data_dir))


def test_account_keeps_a_token_never_the_password(
    freshrss: FreshRSS, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    user, password = freshrss.user  # nothing changes on the server: its own user will do
    caplog.set_level("DEBUG")
    add_account(freshrss, user, password, freshrss.base + "/i/")  # finds /api/greader.php
    code, out, _ = kabar("account", "--json")
    listed = json.loads(out)
    assert [a["server"] for a in listed] == [freshrss.api]
    assert listed[0]["token_store"] == "file"  # no keyring daemon on a test machine
    tokens = list((data_dir / "accounts").iterdir())
    assert len(tokens) == 1
    assert stat.S_IMODE(tokens[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "accounts").stat().st_mode) == 0o700
    token = tokens[0].read_text().strip()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path
    assert password not in caplog.text and token not in caplog.text
    assert token not in out and password not in out
    code, out, _ = kabar("account", "remove", listed[0]["name"])
    assert code == 0
    assert not list((data_dir / "accounts").iterdir())
    assert json.loads(kabar("account", "--json")[1]) == []


def test_wrong_password_is_said_and_nothing_is_kept(freshrss: FreshRSS, data_dir: Path) -> None:
    user, _ = freshrss.user
    code, _, err = kabar(
        "account", "add", freshrss.api, "--user", user, "--password-stdin", stdin="wrong-one\n"
    )
    assert code == 1
    assert "refused the user name or password" in err
    assert json.loads(kabar("account", "--json")[1]) == []


def test_subscriptions_both_ways(
    freshrss: FreshRSS, account: tuple[str, str], data_dir: Path, web: TestWeb
) -> None:
    user, password = account
    nusa, nasional, regional = web.feed_urls("nusa")[:3]
    assert kabar("add", nusa, "--folder", "Berita")[0] == 0
    add_account(freshrss, user, password)
    phone = Phone(freshrss.api, user, password)
    phone.subscribe(nasional, label="Daerah")

    first = sync()  # first sync merges both lists
    assert first["feeds_added_there"] == 1 and first["feeds_added_here"] == 1
    on_server = phone.feed(nusa)
    assert on_server is not None
    assert [c["label"] for c in on_server["categories"]] == ["Berita"]
    mine = {s["url"]: s for s in json.loads(kabar("sources", "--json")[1])}
    assert mine[nasional]["folder"] == ["Daerah"]

    # Renamed and moved here, renamed there, a new one there, one removed here.
    assert kabar("rename", nusa, "Nusa Pagi")[0] == 0
    assert kabar("move", nasional, "Luar")[0] == 0
    phone.subscribe(regional)
    report = sync()
    assert report["feeds_changed_there"] == 2 and report["feeds_added_here"] == 1
    assert phone.feed(nusa)["title"] == "Nusa Pagi"  # type: ignore[index]
    assert [c["label"] for c in phone.feed(nasional)["categories"]] == ["Luar"]  # type: ignore[index]
    mine = {s["url"]: s for s in json.loads(kabar("sources", "--json")[1])}
    assert set(mine) == {nusa, nasional, regional}

    phone.unsubscribe(phone.feed(regional)["id"])  # type: ignore[index]
    assert kabar("remove", nusa)[0] == 0
    report = sync()
    assert report["feeds_removed_here"] == 1 and report["feeds_removed_there"] == 1
    assert phone.feed(nusa) is None
    mine = {s["url"]: s for s in json.loads(kabar("sources", "--json")[1])}
    assert set(mine) == {nasional}
    again = sync()  # nothing left to do: only the listing requests
    assert again["feeds_added_here"] == again["feeds_added_there"] == 0
    assert "subscription/edit" not in again["requests_by_path"]


def _with_items(freshrss: FreshRSS, web: TestWeb, user: str, password: str) -> Phone:
    """An account whose server follows one feed of four articles and has read them."""
    phone = Phone(freshrss.api, user, password)
    phone.subscribe(web.generated_feed_url(0, items=4), label="Berita")
    freshrss.fetch_feeds(user)
    add_account(freshrss, user, password)
    return phone


def test_read_and_starred_both_ways(
    freshrss: FreshRSS, account: tuple[str, str], data_dir: Path, web: TestWeb
) -> None:
    user, password = account
    phone = _with_items(freshrss, web, user, password)
    items = phone.items()
    assert len(items) >= 4
    report = sync()
    assert report["new_items"] == len(items)
    rows = headlines()
    links = sorted(canonicalize(url) for url in items)
    items = {canonicalize(url): key for url, key in items.items()}
    assert set(links) <= set(rows)
    assert not any(rows[url]["read"] or rows[url]["starred"] for url in links)

    # On the phone: one read, one starred. Here: one read, one starred, offline.
    phone.tag([items[links[0]]], add=READ)
    phone.tag([items[links[1]]], add=STARRED)
    assert kabar("--offline", "mark", links[2], "--read")[0] == 0
    assert kabar("mark", links[3], "--star")[0] == 0
    pending = json.loads(kabar("account", "--json")[1])[0]["pending_changes"]
    assert pending == 2  # queued until the next sync
    report = sync()
    assert report["flags_here"] == 2 and report["flags_there"] == 2
    rows = headlines()
    assert rows[links[0]]["read"] and rows[links[1]]["starred"]
    assert items[links[2]] not in phone.unread()
    assert items[links[3]] in phone.starred()
    assert json.loads(kabar("account", "--json")[1])[0]["pending_changes"] == 0

    # Both sides change the same flag: the later change (here, after the sync) wins.
    phone.tag([items[links[0]]], remove=READ)
    assert kabar("mark", links[0], "--unread")[0] == 0
    assert kabar("mark", links[0], "--read")[0] == 0
    sync()
    assert headlines()[links[0]]["read"]
    assert items[links[0]] not in phone.unread()

    # The server stops listing a starred item that was saved here: it stays, unstarred.
    assert kabar("save", links[1])[0] == 0
    phone.tag([items[links[1]]], remove=STARRED)
    sync()
    _code, out, _ = kabar("collections", "Read later", "--json")
    assert links[1] in out
    assert not headlines()[links[1]]["starred"]


def test_collections_and_labels(
    freshrss: FreshRSS, account: tuple[str, str], data_dir: Path, web: TestWeb
) -> None:
    user, password = account
    phone = _with_items(freshrss, web, user, password)
    items = {canonicalize(url): key for url, key in phone.items().items()}
    links = sorted(items)
    sync()
    # Saved here to "Read later" and a collection of its own; labelled there.
    assert kabar("save", links[0])[0] == 0
    assert kabar("save", links[1], "--to", "Kopi")[0] == 0
    phone.tag([items[links[2]]], add="user/-/label/Jalan-jalan")
    report = sync()
    assert report["labels_there"] == 2 and report["labels_here"] == 1
    assert phone.label("Read later") == {items[links[0]]}
    assert phone.label("Kopi") == {items[links[1]]}
    code, out, _ = kabar("collections", "Jalan-jalan", "--json")
    assert code == 0 and links[2] in out

    # Removed there: no longer in the collection here, still in the library.
    phone.tag([items[links[1]]], remove="user/-/label/Kopi")
    sync()
    code, out, _ = kabar("collections", "Kopi", "--json")
    assert links[1] not in out
    assert kabar("--offline", "read", links[1], "--format", "json")[0] == 0

    # A collection deleted here deletes its label there; a label deleted there, its
    # collection here (its articles stay in the library).
    core = services(data_dir)  # (the window's Delete Collection; no CLI command for it)
    try:
        core.library.delete_collection("Jalan-jalan")
    finally:
        core.close()
    phone.tag([items[links[3]]], add="user/-/label/Teh")
    sync()
    assert "Teh" in kabar("collections", "--json")[1]
    phone.disable_tag("Teh")
    sync()
    tags = phone.tags()
    assert "Jalan-jalan" not in tags and "Teh" not in tags
    listed = kabar("collections", "--json")[1]
    assert "Teh" not in listed and "Jalan-jalan" not in listed
    assert {links[2], links[3]} <= set(headlines())  # their items stay


def test_refresh_syncs_then_fetches_full_articles(
    freshrss: FreshRSS, account: tuple[str, str], data_dir: Path, web: TestWeb
) -> None:
    user, password = account
    phone = _with_items(freshrss, web, user, password)
    items = phone.items()
    code, out, err = kabar("refresh", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["sync"].startswith("Synced with") and not report["sync_failed"]
    assert {o["status"] for o in report["outcomes"]} == {"synced"}
    assert report["articles_fetched"] >= len(items)
    url = sorted(items)[0]
    code, out, _ = kabar("--offline", "read", url, "--format", "json")
    assert code == 0
    article = json.loads(out)
    assert article["text"].startswith(web.truth(url).paragraphs[0][:40])


KILLED_SYNC = """
import os, signal, sys
from reader.core.paths import resolve_data_dir
from reader.core.services import Services

def progress(text):
    if text.endswith("saving"):
        os.kill(os.getpid(), signal.SIGKILL)

Services(paths=resolve_data_dir(sys.argv[1])).sync.sync(on_progress=progress)
"""


def test_a_sync_cut_short_applies_nothing_and_the_next_completes_it(
    freshrss: FreshRSS, account: tuple[str, str], data_dir: Path, web: TestWeb
) -> None:
    import threading

    from reader.core.errors import Cancelled

    user, password = account
    phone = _with_items(freshrss, web, user, password)
    items = {canonicalize(url): key for url, key in phone.items().items()}
    links = sorted(items)
    sync()
    assert kabar("mark", links[0], "--star")[0] == 0
    phone.tag([items[links[1]]], add=READ)
    core = services(data_dir)
    try:
        cancel = threading.Event()

        def progress(text: str) -> None:
            if text.endswith("saving"):  # changes sent, nothing applied yet
                cancel.set()

        with pytest.raises(Cancelled):
            core.sync.sync(cancel=cancel, on_progress=progress)
        assert items[links[0]] in phone.starred()  # sent before the cut
        assert not core.library.state(links[1]).read  # not applied
        assert core.sync.account().pending_changes == 1  # type: ignore[union-attr]
        # Killed for real at the same point (SIGKILL, no clean-up): still nothing applied.
        phone.tag([items[links[2]]], add=STARRED)
        killed = subprocess.run(
            [sys.executable, "-c", KILLED_SYNC, str(data_dir)],
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        assert not core.library.state(links[1]).read
        assert not core.library.state(links[2]).starred
        report = core.sync.sync()
        assert core.library.state(links[1]).read
        assert core.library.state(links[0]).starred
        assert core.library.state(links[2]).starred
        assert report.flags_there == 0  # already sent; nothing to send twice
        assert core.sync.account().pending_changes == 0  # type: ignore[union-attr]
    finally:
        core.close()


def test_a_login_the_server_no_longer_accepts_is_said(
    freshrss: FreshRSS, account: tuple[str, str], data_dir: Path
) -> None:
    user, password = account
    add_account(freshrss, user, password)
    assert kabar("sync")[0] == 0
    freshrss.set_api_password(user, "changed-elsewhere-1")
    code, _, err = kabar("sync")
    assert code == 1
    assert "no longer accepts Kabar's login" in err
    listed = json.loads(kabar("account", "--json")[1])[0]
    assert "no longer accepts" in listed["last_error"]
    add_account(freshrss, user, "changed-elsewhere-1")  # logging in again mends it
    assert kabar("sync")[0] == 0
