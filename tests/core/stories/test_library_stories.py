"""Stories in the library: grouped on arrival, listed once, read together, split and merged."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.core.library import Library
from reader.core.models import Article
from reader.core.stories import group_stories
from tests.core.libkit import open_library
from tests.core.stories.berita import items

REPO = Path(__file__).resolve().parents[3]


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def _article(item: dict[str, Any]) -> Article:
    return Article(
        url=item["url"], canonical_url=item["url"], title=item["title"],
        html="".join(f"<p>{p.rstrip('.')}.</p>" for p in item["text"].split(". ")),
        text=item["text"],
        site_name=item["outlet"], published=item["published"], description=item["description"],
    )  # fmt: skip


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=Clock())
    for item in items():
        lib.store_article(_article(item), images=[])
    yield lib
    lib.close()


def _story_of(library: Library, url: str) -> int | None:
    versions = library.story_versions(url)
    rows = library.headlines(limit=100)
    ids = {h.url: h.story for h in rows}
    return ids.get(library.state_key(url)) if versions else None


def test_the_library_groups_as_articles_arrive_exactly_like_group_stories(
    library: Library,
) -> None:
    berita = items()
    expected = group_stories(berita)
    stored = {h.url: h.story for h in library.headlines(limit=100)}
    got = [stored[b["url"]] for b in berita]
    # Same partition (ids are the library's own, in the same order of creation).
    assert got == expected


def test_the_list_shows_each_story_once_with_its_outlets(library: Library) -> None:
    rows = library.headlines(limit=100, by_story=True)
    assert len(rows) == 6  # six events
    cianjur = next(r for r in rows if "Cianjur" in r.title)
    assert cianjur.title.startswith("Gempa magnitudo 5,6")  # the earliest telling
    assert (cianjur.story_size, cianjur.story_outlets) == (3, 3)
    assert len(library.headlines(limit=100)) == len(items())  # every article without by_story


def test_also_reported_by_lists_the_other_outlets_versions(library: Library) -> None:
    url = items()[0]["url"]
    others = library.also_reported(url)
    assert [v.outlet for v in others] == ["Kabar Pagi", "Suara Timur"]
    assert all(library.get(v.url) is not None for v in others)  # one click: in the library


def test_reading_one_telling_marks_the_story_read_unless_turned_off(library: Library) -> None:
    berita = items()
    maluku = [b["url"] for b in berita if b["event"] == "gempa-maluku"]
    library.set_read(maluku[0])  # a mark from elsewhere (sync, kabar mark): this one only
    assert [library.state(u).read for u in maluku] == [True, False, False]
    library.set_read(berita[0]["url"], story=True)  # the reader read it
    assert all(library.state(v.url).read for v in library.story_versions(berita[0]["url"]))
    unread = library.headlines(unread_only=True, by_story=True, limit=100)
    assert all("Cianjur" not in r.title and "Cugenang" not in r.title for r in unread)

    library.set_story_read_together(False)
    rina = [b["url"] for b in berita if b["event"] == "rehab-rina"]
    library.set_read(rina[0], story=True)
    assert [library.state(u).read for u in rina] == [True, False]


def test_split_and_merge_hold_when_the_article_is_fetched_again(library: Library) -> None:
    berita = items()
    cianjur = [b for b in berita if b["event"] == "gempa-cianjur"]
    rina = [b for b in berita if b["event"] == "rehab-rina"]
    library.split_story(cianjur[2]["url"])
    assert len(library.story_versions(cianjur[0]["url"])) == 2
    assert [v.url for v in library.story_versions(cianjur[2]["url"])] == [cianjur[2]["url"]]
    library.merge_stories(rina[0]["url"], cianjur[0]["url"])
    assert len(library.story_versions(cianjur[0]["url"])) == 4

    # A refresh fetches them again: stored again, the reader's choices stay.
    for item in (cianjur[2], rina[1]):
        library.store_article(_article(item), images=[])
    assert len(library.story_versions(cianjur[0]["url"])) == 4
    assert len(library.story_versions(cianjur[2]["url"])) == 1


def test_search_shows_a_story_once(library: Library) -> None:
    hits = library.search("gempa")
    stories = [h.story for h in hits if h.story is not None]
    assert len(stories) == len(set(stories)) == 2
    assert {h.story_size for h in hits} == {3}


#: Unrelated news told at the same minute, after every item of the set: stories that tie on
#: their latest telling.
SAME_MINUTE = [
    ("Tim voli putri juara liga", "Tim voli putri memenangi final liga di Surabaya."),
    ("Harga cabai turun di pasar", "Pedagang pasar induk menurunkan harga cabai rawit pekan ini."),
    ("Jalur kereta baru dibuka", "Jalur kereta antara dua kota pelabuhan dibuka untuk umum."),
]


def test_stories_are_listed_by_their_latest_telling_whatever_the_limit(
    library: Library,
) -> None:
    for n, (title, text) in enumerate(SAME_MINUTE):
        library.store_article(
            Article(url=f"https://tepi.example/{n}", canonical_url=f"https://tepi.example/{n}",
                    title=title, html=f"<p>{text}</p>", text=text, site_name="Tepi",
                    published="2026-12-01T08:00:00+07:00"),
            images=[],
        )  # fmt: skip
    # The reader puts the last into the first one's story: met first going back in time,
    # it must still come after the other story of that minute, the later one.
    library.merge_stories("https://tepi.example/2", "https://tepi.example/0")
    # What the list must be, worked out from every story's tellings.
    told = {h.story: library.story_versions(h.url) for h in library.headlines(limit=1000)}
    latest = {story: max(v.sort_at for v in versions) for story, versions in told.items()}
    expected = sorted(told, key=lambda story: (latest[story], story), reverse=True)
    assert len(expected) == 6 + 2
    assert latest[expected[0]] == latest[expected[1]]  # the tie is there
    for limit in range(1, len(expected) + 2):
        assert [s.story for s in library.stories(limit=limit)] == expected[:limit]
    several = [s for s in expected if len({v.outlet for v in told[s]}) >= 2]
    assert [s.story for s in library.stories(limit=50, min_outlets=2)] == several


def test_search_pages_count_stories_so_no_story_comes_back(library: Library) -> None:
    pages = [library.search("gempa", limit=1, offset=n) for n in range(3)]
    assert [len(p) for p in pages] == [1, 1, 0]  # two earthquakes, three tellings each
    assert pages[0][0].story != pages[1][0].story


def test_a_library_from_before_stories_is_grouped_once(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "old", clock=Clock())
    for item in items():
        lib.store_article(_article(item), images=[])
    with lib.store.write() as conn:  # as if written by a Kabar without stories
        conn.execute("DELETE FROM story_articles")
    assert all(h.story is None for h in lib.headlines(limit=100))
    assert lib.group_pending() == len(items())
    assert lib.group_pending() == 0
    assert len(lib.headlines(limit=100, by_story=True)) == 6
    lib.close()


def test_kabar_stories_lists_recent_stories_with_their_outlets(
    library: Library, tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), "stories",
         "--json", "--min-outlets", "3"],
        capture_output=True, text=True, timeout=120, check=False, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [sorted(s["outlets"]) for s in found] == [
        ["Harian Selat", "Kabar Pagi", "Warta Nusa"],
        ["Kabar Pagi", "Suara Timur", "Warta Nusa"],
    ]
    assert all(isinstance(s["story"], int) and s["size"] == 3 for s in found)
