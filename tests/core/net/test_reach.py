"""The private-address policy: what is private, what an origin is, who may reach what,
and that the check is made on the address actually connected to (after DNS)."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from reader.core.errors import PrivateAddress
from reader.core.models import FetchResult
from reader.core.net import Fetcher, Reach, is_private_address
from reader.core.urls import origin_of, same_origin
from tests.web.server import TestWeb


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "0.0.0.0", "255.255.255.255", "224.0.0.1", "239.255.255.250",
        "100.64.0.1", "192.0.2.1", "198.18.0.1", "240.0.0.1",
        "::1", "::", "fe80::1", "fe80::1%1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1", "64:ff9b::7f00:1",
        "2001:db8::1", "not an address",
    ],
)  # fmt: skip
def test_private_and_reserved_addresses(address: str) -> None:
    assert is_private_address(address)


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses(address: str) -> None:
    assert not is_private_address(address)


def test_origins_compare_scheme_host_and_port() -> None:
    assert origin_of("http://2130706433:8080/a") == ("http", "127.0.0.1", 8080)
    assert origin_of("http://0x7f.0.0.1/") == ("http", "127.0.0.1", 80)
    assert origin_of("HTTPS://News.Example./x") == ("https", "news.example", 443)
    assert same_origin("http://[::1]:81/a", "http://[0:0::1]:81/b")
    assert same_origin("http://127.0.0.1:80/a", "http://127.0.0.1/b")
    assert not same_origin("http://127.0.0.1:8080/", "http://127.0.0.1:8081/")
    assert not same_origin("http://127.0.0.1/", "http://127.0.0.2/")
    assert not same_origin("http://127.0.0.1/", "http://localhost/")
    assert not same_origin("http://a.example/", "https://a.example/")
    assert not same_origin("javascript:alert(1)", "javascript:alert(1)")


def _served(url: str, *, private: bool) -> FetchResult:
    return FetchResult(url, url, 200, "text/html", b"x", private_peer=private)


def test_who_may_reach_a_private_address() -> None:
    feed = "http://127.0.0.1:8080/feed"
    own, other = "http://127.0.0.1:8080/item", "http://127.0.0.1:9090/item"
    assert Reach.USER.permits(other)
    assert Reach.named_by(_served(feed, private=True)).permits(own)
    assert not Reach.named_by(_served(feed, private=True)).permits(other)
    assert Reach.named_by(_served(feed, private=True), allow_private=True).permits(other)
    # Content served from a public address never vouches for a private one, even on
    # "its own" name: that is DNS rebinding.
    assert not Reach.named_by(_served(feed, private=False)).permits(own)
    # A bare address (content Kabar did not fetch itself) vouches only when its host
    # cannot be anything but private: an IP literal or localhost, never a name.
    assert Reach.named_by(feed).permits(own)
    assert not Reach.named_by(feed).permits(other)
    assert not Reach.named_by("http://news.example:8080/feed").permits(
        "http://news.example:8080/item"
    )
    assert Reach.named_by("http://localhost:8080/feed").permits("http://localhost:8080/item")
    # Redirects: the hop that sent it named the target.
    assert not Reach.USER.permits(other, via=("http://news.example/", False))
    assert Reach.USER.permits(other, via=(own, True))  # the user's own network
    assert not Reach.named_by(_served(feed, private=True)).permits(other, via=(own, True))
    assert Reach.named_by(_served(feed, private=True)).permits(own, via=(feed, True))


def _resolving(mapping: dict[str, str]) -> Any:
    """A resolver that maps some names to addresses (a stand-in for DNS)."""

    def resolve(host: str, port: int, *args: Any) -> Any:
        return socket.getaddrinfo(mapping.get(host, host), port, *args)

    return resolve


def test_a_public_looking_name_resolving_to_loopback_is_refused(web: TestWeb) -> None:
    target = web.outlet("nusa")
    fetcher = Fetcher(resolver=_resolving({"news.example": "127.0.0.1"}))
    url = f"http://news.example:{target.port}/"
    feed = _served(web.outlet("warta").url("/feed"), private=True)
    try:
        before = len(web.requests_for("nusa"))
        with pytest.raises(PrivateAddress, match="private network"):
            fetcher.get(url, reach=Reach.named_by(feed))
        assert len(web.requests_for("nusa")) == before
        # What the user typed is fetched, wherever it resolves.
        assert fetcher.get(url, reach=Reach.USER).private_peer
    finally:
        fetcher.close()


def test_a_name_rebinding_to_loopback_between_feed_and_item_is_refused(web: TestWeb) -> None:
    """The feed came from a public address; its item, on the same name, now resolves to
    127.0.0.1. Same origin, but the content never came from a private address."""
    port = web.outlet("nusa").port
    feed = _served(f"http://rebind.example:{port}/feed", private=False)
    fetcher = Fetcher(resolver=_resolving({"rebind.example": "127.0.0.1"}))
    try:
        before = len(web.requests_for("nusa"))
        with pytest.raises(PrivateAddress):
            fetcher.get(f"http://rebind.example:{port}/item", reach=Reach.named_by(feed))
        assert len(web.requests_for("nusa")) == before
    finally:
        fetcher.close()


def test_a_kept_alive_connection_is_judged_again_before_reuse(web: TestWeb) -> None:
    url = web.article_urls("nusa")[0]
    fetcher = Fetcher()
    try:
        fetcher.get(url, reach=Reach.USER)  # leaves a kept-alive connection to nusa
        hits = web.hits(url)
        with pytest.raises(PrivateAddress):
            fetcher.get(url, reach=Reach.named_by("http://news.example/feed"))
        assert web.hits(url) == hits
    finally:
        fetcher.close()
