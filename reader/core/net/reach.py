"""Which addresses a fetch may connect to: Kabar's private-address policy.

Third-party content must not steer Kabar into the machine it runs on or the
local network: a feed listing ``http://169.254.169.254/latest/meta-data/``, an
article whose picture is ``http://127.0.0.1:631/``, a redirect to a router's
admin page (issue 13 §1; the rule browsers and Miniflux apply).

**Private** addresses: loopback, private (10/8, 172.16/12, 192.168/16,
fc00::/7), link-local (169.254/16, fe80::/10), unspecified (0.0.0.0, ::),
multicast, carrier-grade NAT (100.64/10) and every other reserved or
non-global range, IPv4 and IPv6 alike; IPv4 inside IPv6 (``::ffff:127.0.0.1``,
6to4, NAT64) is judged by the IPv4 address it carries. Host names are judged by
what they resolve to, so ``localhost``, ``2130706433`` (127.0.0.1 in decimal),
``0x7f.1`` and a public-looking name that resolves to 127.0.0.1 are private.

**The rule.** A connection to a private address is made only when

* the user chose the address (typed, clicked, subscribed to it): :data:`Reach.USER`;
* or the source the fetch works for allows private addresses (``allow_private``,
  ``kabar add --allow-private``, the source's settings in the window);
* or the content that named the address came from the *same origin* (scheme,
  host and port) *and was itself served from a private address*: a self-hosted
  feed may link its own pages and pictures. The second half is what stops DNS
  rebinding: a feed served from a public address cannot make its own name point
  at 127.0.0.1 for the items.

Each redirect hop is content naming the next address, so the hop that sent it
is judged as above; in a fetch the user chose, a redirect *from* a private
address may go on to another private one (the user already went there), but a
public server redirecting into the private network is refused.

**Where it is checked**: in the connection itself (``reader.core.net.fetch``).
The host is resolved once, every address is checked, and the socket connects
only to an address that passed; a kept-alive connection is checked again
before it is reused. A refusal raises :class:`~reader.core.errors.PrivateAddress`
before any byte is sent.

Callers pass one :class:`Reach` to every ``Fetcher.get``::

    fetcher.get(typed_url, reach=Reach.USER)
    fetcher.get(item_url, reach=Reach.named_by(feed_result, allow_private=source.allow_private))
    fetcher.get(picture_url, reach=Reach.named_by(page_result))
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import ClassVar, Protocol

from reader.core.urls import origin_of, same_origin

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, compatible)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address
    return None


def is_private_address(address: str | Address) -> bool:
    """True unless ``address`` is an ordinary public unicast address.

    Anything that does not parse as an IP address counts as private: when in
    doubt, refuse.
    """
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return True
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return is_private_address(inner)
        if ip.is_site_local:
            return True
    elif ip in _CGNAT:
        return True
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified


def names_private_host(url: str) -> bool:
    """True when ``url``'s host can only be a private address whatever DNS says: a
    private IP literal (in any spelling) or ``localhost`` / ``*.localhost``."""
    origin = origin_of(url)
    if origin is None:
        return False
    host = origin[1]
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return is_private_address(ipaddress.ip_address(host))
    except ValueError:
        return False


class _Named(Protocol):
    """What :meth:`Reach.named_by` reads of a fetch result (``FetchResult``, ``FetchedArticle``)."""

    @property
    def final_url(self) -> str: ...

    @property
    def private_peer(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Reach:
    """Who chose an address, and so which addresses its fetch may connect to.

    Build one with :data:`Reach.USER` (the user typed, clicked or subscribed to
    the address) or :meth:`Reach.named_by` (an automatic fetch of an address
    some content named: item pages, pictures, next pages, enclosures, favicons,
    synced or imported items). See the module docstring for the rule.
    """

    #: The user chose the address: the first hop may go anywhere.
    user: bool = False
    #: Final URL of the content that named the address (None: unknown, treat as foreign).
    source_url: str | None = None
    #: That content was served from a private address (a self-hosted feed or page).
    source_private: bool = False
    #: The user allowed private addresses for the source this fetch works for.
    allow_private: bool = False

    USER: ClassVar[Reach]

    @classmethod
    def named_by(cls, content: _Named | str, *, allow_private: bool = False) -> Reach:
        """An automatic fetch of an address named by ``content``.

        ``content`` is the fetch result (``FetchResult`` or ``FetchedArticle``)
        of the feed or page that named the address, so its origin and whether
        it came from a private address are known. A bare URL (content Kabar did
        not fetch itself: a synced item's feed) counts as served privately only
        when its host is a private IP literal or ``localhost``, which no DNS
        answer can change; a name counts as public. Pass the result whenever you
        have it.
        """
        if isinstance(content, str):
            return cls(
                source_url=content,
                source_private=names_private_host(content),
                allow_private=allow_private,
            )
        return cls(
            source_url=content.final_url,
            source_private=content.private_peer,
            allow_private=allow_private,
        )

    def permits(self, target: str, *, via: tuple[str, bool] | None = None) -> bool:
        """May a fetch under this reach connect to a *private* address for ``target``?

        ``via`` is ``(url, served_privately)`` of the redirect that named
        ``target``; None for the address the fetch started with.
        """
        if self.allow_private:
            return True
        if via is None:
            if self.user:
                return True
            return self._same_private_origin(self.source_url, self.source_private, target)
        url, private = via
        if self.user and private:
            return True  # the user went into the private network; its redirects may stay there
        return self._same_private_origin(url, private, target)

    @staticmethod
    def _same_private_origin(source: str | None, private: bool, target: str) -> bool:
        return source is not None and private and same_origin(source, target)


Reach.USER = Reach(user=True)
