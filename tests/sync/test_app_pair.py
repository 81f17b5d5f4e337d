"""Inoreader's application pair: ``AppId`` and ``AppKey`` headers on every request.

Inoreader answers a request without its registered application's id and key with
403, the login included. A local server with Inoreader's answers (tests.sync.recorded)
refuses any request without the pair; Kabar's real commands and service run against it.
The id is shown with the account; the key is a secret, kept like the login token and
never printed, logged or written to the library.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.errors import SyncAuthError, SyncError
from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.core.sync import AppPair
from tests.sync.recorded import Answer, RecordedServer, Request
from tests.sync.test_freshrss import kabar
from tests.sync.test_recorded import inoreader_routes

APP_ID = "1000001234"
APP_KEY = "kS3cr3tAppKeyZq9"


def inoreader_with_app() -> RecordedServer:
    """Inoreader's answers, each given only to a request carrying the application pair."""

    def guarded(route: object) -> Callable[[Request], Answer]:
        def answer(request: Request) -> Answer:
            if request.headers.get("AppId") != APP_ID or request.headers.get("AppKey") != APP_KEY:
                return (403, "Forbidden: AppId and AppKey required")
            return route(request) if callable(route) else route  # type: ignore[return-value]

        return answer

    routes = {path: guarded(route) for path, route in inoreader_routes().items()}
    return RecordedServer(routes)  # type: ignore[arg-type]


@pytest.fixture
def server() -> Iterator[RecordedServer]:
    recorded = inoreader_with_app()
    yield recorded
    recorded.stop()


@pytest.fixture
def core(data_dir: Path) -> Iterator[Services]:
    services = Services(paths=resolve_data_dir(data_dir))
    yield services
    services.close()


def test_the_key_never_shows_in_a_repr() -> None:
    pair = AppPair(APP_ID, APP_KEY)
    assert APP_ID in repr(pair) and APP_KEY not in repr(pair)
    assert pair.headers() == {"AppId": APP_ID, "AppKey": APP_KEY}


def test_without_the_pair_the_login_is_refused_and_the_reader_told_why(
    core: Services, server: RecordedServer
) -> None:
    with pytest.raises(SyncAuthError, match="AppId and AppKey"):
        core.sync.add_account(server.base, "reader@example.org", "pw")
    assert core.sync.account() is None
    with pytest.raises(SyncError, match="needs its AppKey"):
        core.sync.add_account(server.base, "reader@example.org", "pw", app_id=APP_ID)
    with pytest.raises(SyncError, match="goes with its AppId"):
        core.sync.add_account(server.base, "reader@example.org", "pw", app_key=APP_KEY)
    assert server.requests[-1].path == "/accounts/ClientLogin"  # the last two asked nothing


def test_every_request_carries_the_pair_and_the_key_is_kept_like_the_token(
    core: Services, server: RecordedServer, data_dir: Path
) -> None:
    account = core.sync.add_account(
        server.base, "reader@example.org", "pw", app_id=APP_ID, app_key=APP_KEY
    )
    assert account.app_id == APP_ID and APP_KEY not in repr(account)
    report = core.sync.sync()
    assert report.new_items == 2
    assert core.library.headlines(collection="Keep")  # the labels came through too
    # Discovery's first look at the home page is a page read, not the API: it carries
    # nothing; every API request carries the pair.
    api = [r for r in server.requests if r.path != "/"]
    assert len(api) >= 6 and all(
        (r.headers.get("AppId"), r.headers.get("AppKey")) == (APP_ID, APP_KEY) for r in api
    )
    files = sorted((data_dir / "accounts").iterdir())  # no keyring in tests: private files
    assert sorted(f.read_text() for f in files) == sorted(["G2UlCaIno", APP_KEY])
    for path in data_dir.rglob("*.sqlite3*"):  # the library and its user-state copy
        assert APP_KEY.encode() not in path.read_bytes(), path

    # Logging in again with the same AppId and no key keeps the key kept.
    core.sync.add_account(server.base, "reader@example.org", "pw", app_id=APP_ID)
    assert core.sync.sync().new_items == 0
    core.sync.remove_account()
    assert not list((data_dir / "accounts").iterdir())  # token and key both forgotten


def test_a_cleared_key_is_said_at_the_next_sync(core: Services, server: RecordedServer) -> None:
    core.sync.add_account(server.base, "reader@example.org", "pw", app_id=APP_ID, app_key=APP_KEY)
    name = core.sync.account().name  # type: ignore[union-attr]
    core.sync.tokens.delete_app_key(name)
    asked = len(server.requests)
    with pytest.raises(SyncAuthError, match="no AppKey"):
        core.sync.sync()
    assert len(server.requests) == asked


def test_the_command_takes_the_key_from_stdin_and_never_prints_it(
    server: RecordedServer, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    code, out, err = kabar(
        "account", "add", server.base, "--user", "reader@example.org", "--password-stdin",
        "--app-id", APP_ID, "--app-key-stdin", "--json", stdin=f"pw\n{APP_KEY}\n",
    )  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    assert added["app_id"] == APP_ID and added["name"] == "reader@example.org@127.0.0.1:" + str(
        server.httpd.server_address[1]
    )
    code, out, err = kabar("sync", "--json")
    assert code == 0, err
    assert json.loads(out)["new_items"] == 2
    code, listed, err = kabar("account")
    assert code == 0 and f"application id {APP_ID}" in listed
    code, listed_json, _ = kabar("account", "--json")
    everything = "".join([out, err, listed, listed_json, caplog.text])
    assert APP_KEY not in everything and "pw\n" not in everything

    code, _, err = kabar(
        "account", "add", server.base, "--user", "x", "--password-stdin", "--app-key-stdin",
        stdin=f"pw\n{APP_KEY}\n",
    )  # fmt: skip
    assert code != 0 and "--app-id" in err
