"""A small Google Reader API server that keeps state, for what FreshRSS cannot show.

FreshRSS is the real server of the round-trip tests; this one, written by us after the
protocol, answers the way other servers do where they differ (ids in any form, odd
answers on demand) and keeps feeds, items, marks and labels so a test can change the
server's side directly and check what Kabar sent. It runs on :class:`RecordedServer`,
so every request is recorded too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from tests.sync.recorded import Answer, RecordedServer, Request

API = "/reader/api/0/"
LONG = "tag:google.com,2005:reader/item/"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"
LABEL = "user/-/label/"
AUTH = "stateful-token"


@dataclass
class Item:
    number: int
    stream: str
    url: str
    read: bool = False
    starred: bool = False
    labels: set[str] = field(default_factory=set)


def number_of(raw: str) -> int:
    """An id in the form Kabar sends (long) or any other, as this server's number."""
    if raw.startswith(LONG):
        return int(raw[len(LONG) :], 16)
    return int(raw) if raw.isdigit() else int(raw, 16)


def _page(number: int) -> Answer:
    sentence = f"Kalimat ke-{number} dari berita yang cukup panjang untuk dibaca dengan tenang."
    text = "".join(f"<p>{sentence * 6}</p>" for _ in range(4))
    head = f"<head><title>Berita {number}</title></head>"
    return f"<html>{head}<body><article><h1>Berita {number}</h1>{text}</article></body></html>"


class StatefulServer(RecordedServer):
    """Feeds (stream -> (url, title, folder)) and items; ``id_form`` is how item
    contents name their ids: ``long``, ``hex`` (bare) or ``decimal``."""

    def __init__(self, *, id_form: str = "long") -> None:
        self.feeds: dict[str, tuple[str, str, str]] = {}
        self.items: dict[int, Item] = {}
        self.tags: set[str] = set()
        self.id_form = id_form
        super().__init__(
            {
                "/accounts/ClientLogin": f"SID=x\nLSID=x\nAuth={AUTH}\n",
                API + "token": "stateful-action\n",
                API + "subscription/list": self._subscriptions,
                API + "tag/list": self._tags,
                API + "stream/items/ids": self._ids,
                API + "stream/items/contents": self._contents,
                API + "edit-tag": self._edit_tag,
                API + "disable-tag": self._disable_tag,
                API + "subscription/edit": self._edit_subscription,
            }
        )

    # -- the server's side, changed by tests ------------------------------------------

    def feed(self, stream: str, url: str, title: str = "Warta", folder: str = "") -> str:
        self.feeds[stream] = (url, title, folder)
        return stream

    def item(self, number: int, stream: str, url: str | None = None, **marks: object) -> Item:
        found = Item(number, stream, url if url is not None else f"{self.base}/berita/{number}")
        self.routes[f"/berita/{number}"] = _page(number)
        for name, value in marks.items():
            setattr(found, name, value)
        self.items[number] = found
        self.tags |= found.labels
        return found

    def label(self, number: int, name: str) -> None:
        self.items[number].labels.add(name)
        self.tags.add(name)

    # -- answers ------------------------------------------------------------------------

    def _subscriptions(self, _request: Request) -> Answer:
        subscriptions = [
            {
                "id": stream, "title": title, "url": url,
                "categories": [{"id": LABEL + folder, "label": folder}] if folder else [],
            }
            for stream, (url, title, folder) in self.feeds.items()
        ]  # fmt: skip
        return json.dumps({"subscriptions": subscriptions})

    def _tags(self, _request: Request) -> Answer:
        folders = {folder for _url, _title, folder in self.feeds.values() if folder}
        tags = [{"id": STARRED}, *({"id": LABEL + n, "type": "folder"} for n in sorted(folders))]
        tags += [{"id": LABEL + n, "type": "tag"} for n in sorted(self.tags)]
        return json.dumps({"tags": tags})

    def _ids(self, request: Request) -> Answer:
        stream, numbers = request.get("s") or "", sorted(self.items, reverse=True)
        if stream == STARRED:
            numbers = [n for n in numbers if self.items[n].starred]
        elif stream.startswith(LABEL):
            numbers = [n for n in numbers if stream[len(LABEL) :] in self.items[n].labels]
        if request.get("xt") == READ:
            numbers = [n for n in numbers if not self.items[n].read]
        start, size = int(request.get("c") or 0), int(request.get("n") or 1000)
        answer: dict[str, object] = {
            "itemRefs": [{"id": str(n)} for n in numbers[start : start + size]]
        }
        if start + size < len(numbers):
            answer["continuation"] = str(start + size)
        return json.dumps(answer)

    def _id(self, number: int) -> str:
        if self.id_form == "hex":
            return f"{number:x}"
        return str(number) if self.id_form == "decimal" else f"{LONG}{number:016x}"

    def _contents(self, request: Request) -> Answer:
        found = []
        for raw in request.all("i"):
            item = self.items.get(number_of(raw))
            if item is None:
                continue
            found.append(
                {
                    "id": self._id(item.number), "title": f"Berita {item.number}",
                    "published": 1796600000 + item.number,
                    "alternate": [{"href": item.url}] if item.url else [],
                    "summary": {"content": f"<p>Isi berita {item.number}.</p>"},
                    "origin": {"streamId": item.stream},
                    "categories": [READING_LIST, *(LABEL + n for n in sorted(item.labels))],
                }
            )  # fmt: skip
        return json.dumps({"items": found})

    def _edit_tag(self, request: Request) -> Answer:
        for raw in request.all("i"):
            item = self.items.get(number_of(raw))
            for tag, on in ((request.get("a"), True), (request.get("r"), False)):
                if item is None or not tag:
                    continue
                if tag == READ:
                    item.read = on
                elif tag == STARRED:
                    item.starred = on
                elif tag.startswith(LABEL) and on:
                    self.label(item.number, tag[len(LABEL) :])
                elif tag.startswith(LABEL):
                    item.labels.discard(tag[len(LABEL) :])
        return "OK"

    def _disable_tag(self, request: Request) -> Answer:
        name = (request.get("s") or "")[len(LABEL) :]
        self.tags.discard(name)
        for item in self.items.values():
            item.labels.discard(name)
        return "OK"

    def _edit_subscription(self, request: Request) -> Answer:
        action, streams = request.get("ac"), request.all("s")
        label = (request.get("a") or "")[len(LABEL) :]
        if action == "subscribe":
            for stream in streams:
                self.feed(f"feed/{len(self.feeds) + 100}", stream[len("feed/") :], folder=label)
        elif action == "unsubscribe":
            for stream in streams:
                self.feeds.pop(stream, None)
        elif action == "edit" and streams and streams[0] in self.feeds:
            url, title, folder = self.feeds[streams[0]]
            folder = label or ("" if request.get("r") else folder)
            self.feeds[streams[0]] = (url, request.get("t") or title, folder)
        return "OK"
