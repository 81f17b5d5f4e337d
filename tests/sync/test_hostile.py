"""Servers that misbehave: redirects elsewhere, endless listings, answers too large.

Kabar's login token, the app's credentials and the password go to the server the reader
added and nowhere else, whatever it answers; an odd answer costs one clear error or a
few requests, never a sync that cannot end or one that fails for ever.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.core.errors import BadRedirect, SyncAuthError
from reader.core.net import Fetcher
from reader.core.sync import GReaderClient, login
from tests.sync.recorded import RecordedServer

API = "/reader/api/0/"


@pytest.fixture
def elsewhere() -> Iterator[RecordedServer]:
    """Another server (another port of the same machine: another origin)."""
    server = RecordedServer({API + "subscription/list": (401, "Unauthorized")})
    yield server
    server.stop()


def test_the_login_token_never_follows_a_redirect_to_another_origin(
    elsewhere: RecordedServer,
) -> None:
    fetcher = Fetcher()
    for host in ("127.0.0.1", "localhost"):  # another port; another host name
        target = f"http://{host}:{elsewhere.base.rsplit(':', 1)[1]}{API}subscription/list"
        server = RecordedServer({API + "subscription/list": (302, "")}, location=target)
        try:
            client = GReaderClient(fetcher, server.base, "secret-auth")
            with pytest.raises(SyncAuthError):  # the other server does not know Kabar
                client.subscriptions()
        finally:
            server.stop()
    assert [r.path for r in elsewhere.requests] == [API + "subscription/list"] * 2
    assert not any("Authorization" in r.headers for r in elsewhere.requests)
    fetcher.close()


def test_a_redirect_within_the_server_keeps_the_login(elsewhere: RecordedServer) -> None:
    server = RecordedServer(
        {
            API + "subscription/list": (301, ""),
            API + "subscriptions": '{"subscriptions": []}',
        },
        location=f"{API}subscriptions",
    )
    fetcher = Fetcher()
    try:
        assert GReaderClient(fetcher, server.base, "secret-auth").subscriptions() == []
        moved = server.requests[-1]
        assert moved.headers["Authorization"] == "GoogleLogin auth=secret-auth"
    finally:
        server.stop()
        fetcher.close()


def test_the_password_is_never_posted_on_to_another_origin(elsewhere: RecordedServer) -> None:
    server = RecordedServer(
        {"/accounts/ClientLogin": (307, "")}, location=f"{elsewhere.base}/accounts/ClientLogin"
    )
    fetcher = Fetcher()
    try:
        with pytest.raises(BadRedirect, match="another server"):
            login(fetcher, server.base, "alice", "the-password")
    finally:
        server.stop()
        fetcher.close()
    assert elsewhere.requests == []
