"""A Google Reader API client over Kabar's one HTTP client (:class:`reader.core.net.Fetcher`).

It speaks the part of the protocol a syncing reader needs and turns every server's answers
into our own types (:class:`RemoteFeed`, :class:`RemoteTag`, :class:`RemoteItem`), so the
differences between servers stop here:

* item ids in three forms (long, decimal, bare hex) become one key (:mod:`.ids`); an id
  in contents that is only digits is read the way that names an item asked for;
* user ids in stream names (``user/1005921515/label/X`` on Inoreader, ``user/-/label/X``
  elsewhere) are read the same;
* ``continuation`` is handed back as given, whether the server meant an offset (Miniflux)
  or an item id (FreshRSS, BazQux); a page that brings nothing new ends the listing;
* an endpoint a server does not know may answer ``[]`` with 200: that is "not supported",
  never "empty" (an empty unread list would mark everything read);
* the action token ``T`` that every POST needs is fetched once, and fetched again once when
  the server says it expired; a second refusal is a :class:`SyncAuthError`;
* a server that wants to know the client application (Inoreader) gets its :class:`AppPair`
  as ``AppId`` / ``AppKey`` headers on every request, the login included.

Nothing secret is logged: the fetcher never logs headers or forms, and errors name the host.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from reader.core.errors import EmptyResponse, HTTPStatus, SyncAuthError, SyncError, TooLarge
from reader.core.net import Reach
from reader.core.sync.ids import item_key, wire_id

if TYPE_CHECKING:
    from reader.core.net import Fetcher

log = logging.getLogger(__name__)

READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"
LABEL_PREFIX = "user/-/label/"
_STREAM_USER = re.compile(r"^user/[^/]*/")

#: Ids asked for in one ``stream/items/contents`` POST (FreshRSS and Miniflux take
#: hundreds; a few large requests cost far less than many small ones).
CONTENTS_BATCH = 250
#: Ids named in one ``edit-tag`` POST.
EDIT_BATCH = 250
#: Ids asked for per ``stream/items/ids`` page.
IDS_PAGE = 10_000


def normal_stream(stream: str) -> str:
    """``user/1005921515/label/X`` → ``user/-/label/X`` (Inoreader names the user)."""
    return _STREAM_USER.sub("user/-/", stream.strip(), count=1)


def label_name(stream: str) -> str | None:
    """The label in a ``user/…/label/NAME`` stream, else None."""
    normal = normal_stream(stream)
    return normal[len(LABEL_PREFIX) :] if normal.startswith(LABEL_PREFIX) else None


@dataclass(frozen=True, slots=True)
class AppPair:
    """The application id and key a server such as Inoreader wants on every request.

    The id names an application and may be shown; the key is a secret (kept like the
    login token, never printed: it is left out of ``repr``)."""

    app_id: str
    app_key: str = field(repr=False)

    def headers(self) -> dict[str, str]:
        return {"AppId": self.app_id, "AppKey": self.app_key}


@dataclass(frozen=True, slots=True)
class RemoteFeed:
    """A subscription on the server; ``folders`` are its labels (categories)."""

    stream_id: str
    url: str
    title: str
    folders: tuple[str, ...] = ()
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class RemoteTag:
    """A label on the server; ``kind`` is ``folder``, ``tag`` or None when not said."""

    name: str
    kind: str | None


@dataclass(frozen=True, slots=True)
class RemoteItem:
    """An item's contents; ``key`` is its normalised id (:func:`.ids.item_key`)."""

    key: str
    stream_id: str
    url: str | None
    title: str
    content_html: str = ""
    author: str | None = None
    published: str | None = None
    labels: tuple[str, ...] = ()


@dataclass
class Counter:
    """Requests made, for reports and benchmarks."""

    requests: int = 0
    by_path: dict[str, int] = field(default_factory=dict)

    def add(self, path: str) -> None:
        self.requests += 1
        self.by_path[path] = self.by_path.get(path, 0) + 1


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _decode(body: bytes, what: str, url: str) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SyncError(
            f"The server at {_host(url)} sent {what} Kabar could not read (not JSON)."
        ) from error


def login(
    fetcher: Fetcher,
    base: str,
    user: str,
    password: str,
    *,
    app: AppPair | None = None,
    cancel: threading.Event | None = None,
) -> str:
    """``ClientLogin``: the ``Auth`` token for ``user``; :class:`SyncAuthError` if refused.

    Raises :class:`HTTPStatus` 404/405 and the like unchanged (discovery tries the next
    address); a 200 without ``Auth=`` is a :class:`SyncError`.
    """
    url = base.rstrip("/") + "/accounts/ClientLogin"
    try:
        result = fetcher.post(
            url, [("Email", user), ("Passwd", password)], reach=Reach.USER, cancel=cancel,
            headers=app.headers() if app else None,
        )  # fmt: skip
    except HTTPStatus as error:
        if error.status in (401, 403):
            hint = (
                "(Check the AppId and AppKey too.)" if app else
                "(FreshRSS needs its API password, set under Profile → API management; "
                "Inoreader needs an AppId and AppKey.)"
            )  # fmt: skip
            raise SyncAuthError(
                f"The server at {_host(url)} refused the user name or password for {user}. " + hint
            ) from error
        raise
    except EmptyResponse as error:
        raise SyncError(f"{_host(url)} is not a Google Reader API server.") from error
    for line in result.body.decode("utf-8", "replace").splitlines():
        name, _, value = line.partition("=")
        if name.strip().lower() == "auth" and value.strip():
            return value.strip()
    raise SyncError(f"{_host(url)} answered the login without a token; it is not a Google "
                    "Reader API server.")  # fmt: skip


class GReaderClient:
    """One logged-in session with a server (``auth``: the ClientLogin token)."""

    def __init__(
        self,
        fetcher: Fetcher,
        base: str,
        auth: str,
        *,
        app: AppPair | None = None,
        cancel: threading.Event | None = None,
        counter: Counter | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.base = base.rstrip("/")
        self.auth = auth
        self.app = app
        self.cancel = cancel
        self.counter = counter or Counter()
        self._token: str | None = None

    # ------------------------------------------------------------------ transport

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"GoogleLogin auth={self.auth}"}
        if self.app is not None:
            headers.update(self.app.headers())
        return headers

    def _url(self, path: str, params: Sequence[tuple[str, str]] = ()) -> str:
        url = f"{self.base}/reader/api/0/{path}"
        query = urlencode([*params, ("output", "json")]) if path != "token" else ""
        return f"{url}?{query}" if query else url

    def _refused(self, error: HTTPStatus) -> SyncAuthError:
        return SyncAuthError(
            f"The server at {_host(self.base)} no longer accepts Kabar's login ({error.status}); "
            "add the account again with its password (kabar account add, or Preferences → "
            "Accounts)."
        )

    def get(self, path: str, params: Sequence[tuple[str, str]] = ()) -> bytes:
        self.counter.add(path)
        try:
            return self.fetcher.get(
                self._url(path, params), reach=Reach.USER, kind="any", headers=self._headers(),
                cancel=self.cancel,
            ).body  # fmt: skip
        except HTTPStatus as error:
            if error.status in (401, 403):
                raise self._refused(error) from error
            raise

    def token(self, *, fresh: bool = False) -> str:
        if self._token is None or fresh:
            text = self.get("token").decode("utf-8", "replace").strip()
            if not text or "\n" in text or len(text) > 400:
                raise SyncError(f"The server at {_host(self.base)} sent no usable action token.")
            self._token = text
        return self._token

    def post(self, path: str, data: Sequence[tuple[str, str]]) -> bytes:
        """POST with the action token; an expired token is renewed once, then it is said."""
        for attempt in (0, 1):
            form = [*data, ("T", self.token(fresh=attempt == 1))]
            self.counter.add(path)
            try:
                return self.fetcher.post(
                    self._url(path), form, reach=Reach.USER, headers=self._headers(),
                    cancel=self.cancel,
                ).body  # fmt: skip
            except EmptyResponse:
                return b""
            except HTTPStatus as error:
                if error.status not in (401, 403):
                    raise
                if attempt == 1:
                    raise self._refused(error) from error
                log.info("action token refused by %s; fetching a new one", _host(self.base))
        raise AssertionError("unreachable")

    def _json(self, path: str, params: Sequence[tuple[str, str]] = ()) -> Any:
        return _decode(self.get(path, params), f"a {path} answer", self.base)

    # ------------------------------------------------------------------ lists

    def subscriptions(self) -> list[RemoteFeed]:
        data = self._json("subscription/list")
        if not isinstance(data, dict) or not isinstance(data.get("subscriptions"), list):
            raise SyncError(
                f"The server at {_host(self.base)} did not list its subscriptions "
                "(subscription/list is missing or malformed); nothing was changed."
            )
        feeds = []
        for entry in data["subscriptions"]:
            if not isinstance(entry, dict):
                continue
            stream = str(entry.get("id") or "")
            url = str(entry.get("url") or "") or (stream[5:] if stream.startswith("feed/") else "")
            if not stream or not url.startswith(("http://", "https://")):
                continue
            folders = tuple(
                name
                for cat in entry.get("categories") or ()
                if isinstance(cat, dict)
                for name in [label_name(str(cat.get("id") or "")) or str(cat.get("label") or "")]
                if name
            )
            site = entry.get("htmlUrl")
            feeds.append(
                RemoteFeed(
                    stream_id=stream, url=url, title=str(entry.get("title") or url).strip(),
                    folders=folders, site_url=site if isinstance(site, str) and site else None,
                )
            )  # fmt: skip
        return feeds

    def tags(self) -> list[RemoteTag] | None:
        """Labels, or None when the server does not offer ``tag/list``."""
        data = self._json("tag/list")
        if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
            return None
        found = []
        for entry in data["tags"]:
            if not isinstance(entry, dict):
                continue
            name = label_name(str(entry.get("id") or ""))
            if name:
                kind = entry.get("type")
                found.append(RemoteTag(name, kind if kind in ("folder", "tag") else None))
        return found

    def item_ids(
        self, stream: str, *, exclude: str | None = None, cap: int = 10_000
    ) -> list[str] | None:
        """Ids in ``stream`` (newest first, at most ``cap``), or None if not supported."""
        keys: list[str] = []
        seen: set[str] = set()
        continuation = ""
        used: set[str] = set()
        while len(keys) < cap:
            params = [("s", stream), ("n", str(min(IDS_PAGE, cap - len(keys))))]
            if exclude:
                params.append(("xt", exclude))
            if continuation:
                params.append(("c", continuation))
            data = self._json("stream/items/ids", params)
            if isinstance(data, list) and not data and not keys:
                return None  # an endpoint the server does not know
            if not isinstance(data, dict):
                raise SyncError(f"The server at {_host(self.base)} sent a malformed id list.")
            refs = data.get("itemRefs") or []
            if not isinstance(refs, list):
                raise SyncError(f"The server at {_host(self.base)} sent a malformed id list.")
            added = 0
            for ref in refs:
                raw = ref.get("id") if isinstance(ref, dict) else None
                if raw is None or raw == "":
                    continue
                key = item_key(str(raw), decimal=True)
                if key not in seen:
                    seen.add(key)
                    keys.append(key)
                    added += 1
            nxt = data.get("continuation")
            continuation = str(nxt) if nxt not in (None, "") else ""
            if not continuation or not added or continuation in used:
                break
            used.add(continuation)
        return keys[:cap]

    def contents(self, keys: Iterable[str]) -> list[RemoteItem]:
        """Contents of the given items, in batches (a POST each).

        A server may answer for fewer ids than asked (some cap an answer): the rest are
        asked again as long as each answer brings some of them. Ids it does not answer
        for at all are simply absent from the result.
        """
        queue = list(dict.fromkeys(keys))
        items: list[RemoteItem] = []
        while queue:
            batch, queue = queue[:CONTENTS_BATCH], queue[CONTENTS_BATCH:]
            asked = set(batch)
            found = self._contents(batch, asked)
            items.extend(found)
            got = {item.key for item in found} & asked
            if got and len(got) < len(batch):
                queue = [k for k in batch if k not in got] + queue
        return items

    def _contents(self, batch: list[str], asked: set[str]) -> list[RemoteItem]:
        try:
            body = self.post("stream/items/contents", [("i", wire_id(k)) for k in batch])
        except TooLarge:
            # Long full-text items can make a batch larger than a fetch may be: halve it
            # (else the same batch fails every sync). One item too large is left out.
            if len(batch) == 1:
                log.info("%s sent an item too large to read; left out", _host(self.base))
                return []
            half = len(batch) // 2
            return self._contents(batch[:half], asked) + self._contents(batch[half:], asked)
        data = _decode(body, "item contents", self.base)
        if not isinstance(data, dict) or not isinstance(data.get("items", []), list):
            raise SyncError(f"The server at {_host(self.base)} sent malformed item contents.")
        return [item for entry in data.get("items", []) if (item := _item(entry, asked))]

    # ------------------------------------------------------------------ changes

    def edit_tag(self, keys: Iterable[str], *, add: str | None = None,
                 remove: str | None = None) -> None:  # fmt: skip
        wanted = list(keys)
        for start in range(0, len(wanted), EDIT_BATCH):
            form = [("i", wire_id(k)) for k in wanted[start : start + EDIT_BATCH]]
            if add:
                form.append(("a", add))
            if remove:
                form.append(("r", remove))
            self.post("edit-tag", form)

    def disable_tag(self, label: str) -> None:
        """Delete a label (its items keep everything else); a server without tags may
        refuse, which changes nothing."""
        try:
            self.post("disable-tag", [("s", LABEL_PREFIX + label)])
        except HTTPStatus as error:
            if error.status not in (400, 404, 405, 501):
                raise
            log.info("%s did not delete the label %r (%s)", _host(self.base), label, error.status)

    def subscribe(self, urls: Sequence[str], *, folder: str = "",
                  titles: Mapping[str, str] | None = None) -> None:  # fmt: skip
        form: list[tuple[str, str]] = [("ac", "subscribe")]
        for url in urls:
            form.append(("s", f"feed/{url}"))
            form.append(("t", (titles or {}).get(url, "")))
        if folder:
            form.append(("a", LABEL_PREFIX + folder))
        self.post("subscription/edit", form)

    def unsubscribe(self, streams: Sequence[str]) -> None:
        self.post("subscription/edit", [("ac", "unsubscribe"), *(("s", s) for s in streams)])

    def edit_subscription(
        self, stream: str, *, title: str | None = None, add: str | None = None,
        remove: str | None = None,
    ) -> None:  # fmt: skip
        form = [("ac", "edit"), ("s", stream)]
        if title is not None:
            form.append(("t", title))
        if add:
            form.append(("a", LABEL_PREFIX + add))
        if remove:
            form.append(("r", LABEL_PREFIX + remove))
        self.post("subscription/edit", form)


def _first_href(value: object) -> str | None:
    if isinstance(value, list):
        for entry in value:
            href = entry.get("href") if isinstance(entry, dict) else None
            if isinstance(href, str) and href.startswith(("http://", "https://")):
                return href
    return None


def _key(raw: str, asked: set[str]) -> str:
    """The key of an id in contents: the one of the ids asked for that it can be.

    Digits alone are ambiguous (``1234`` is decimal, or bare hex for 0x1234): a server
    answers for the ids it was asked, so the reading that names one of them is right."""
    key = item_key(raw)
    if key not in asked:
        for other in (item_key(raw, decimal=False), item_key(raw, decimal=True)):
            if other in asked:
                return other
    return key


def _item(entry: object, asked: set[str]) -> RemoteItem | None:
    if not isinstance(entry, dict) or not entry.get("id"):
        return None
    origin = entry.get("origin") if isinstance(entry.get("origin"), dict) else {}
    stream = str(origin.get("streamId") or "") if isinstance(origin, dict) else ""
    body = ""
    for name in ("content", "summary"):
        part = entry.get(name)
        if isinstance(part, dict) and isinstance(part.get("content"), str):
            body = part["content"]
            break
    published = entry.get("published")
    when = None
    if isinstance(published, int | float) or (isinstance(published, str) and published.isdigit()):
        seconds = float(published)
        if 0 < seconds < 1e11:
            when = datetime.fromtimestamp(seconds, UTC).isoformat()
    labels = tuple(
        name
        for cat in entry.get("categories") or ()
        if isinstance(cat, str)
        for name in [label_name(cat)]
        if name
    )
    author = entry.get("author")
    return RemoteItem(
        key=_key(str(entry["id"]), asked),
        stream_id=stream,
        url=_first_href(entry.get("canonical")) or _first_href(entry.get("alternate")),
        title=str(entry.get("title") or "").strip(),
        content_html=body,
        author=author.strip() or None if isinstance(author, str) else None,
        published=when,
        labels=labels,
    )
