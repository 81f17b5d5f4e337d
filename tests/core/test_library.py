"""The Library service without a network: storing, state, collections, lists, search, eviction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import CollectionError, NotInLibrary
from reader.core.library import Library
from reader.core.paths import DataPaths
from reader.core.settings import DEFAULT_CACHE_BUDGET
from reader.core.store import ImageRef, ImageStore
from tests.core.libkit import article, open_library, png


class Clock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=Clock())
    yield lib
    lib.close()


URL = "https://nusa.example/berita/{}"


def test_a_stored_article_opens_from_the_library_under_any_of_its_addresses(
    library: Library,
) -> None:
    stored = library.store_article(
        article(1, title="Banjir rob"),
        requested_url="https://NUSA.example/berita/1?utm_source=feed#top",
        final_url="https://nusa.example/berita/1",
    )
    assert not stored.from_cache
    for url in (
        URL.format(1),
        "https://nusa.example/berita/1?utm_medium=x",
        "HTTPS://nusa.example/berita/1",
    ):
        result = library.open_article(url, offline=True)
        assert result.from_cache
        assert result.article.title == "Banjir rob"
        assert result.article.related[0].title == "Baca juga"
        assert result.article.text.startswith("Berita nomor 1")


def test_offline_an_article_never_stored_is_not_in_library(library: Library) -> None:
    with pytest.raises(NotInLibrary):
        library.open_article("https://nusa.example/berita/404", offline=True)
    # No fetcher configured at all behaves the same: the library never guesses.
    with pytest.raises(NotInLibrary):
        library.open_article("https://nusa.example/berita/404")


def test_storing_again_replaces_content_but_keeps_state_and_collections(library: Library) -> None:
    library.store_article(article(1, title="Versi satu"))
    library.save_to_collection(URL.format(1), ["Arsip"], offline=True)
    library.set_starred(URL.format(1))
    library.store_article(article(1, title="Versi dua", text="Isi baru sama sekali."))
    result = library.open_article(URL.format(1), offline=True)
    assert result.article.title == "Versi dua"
    assert result.state.starred
    assert result.collections == ("Arsip",)
    assert [h.title for h in library.search("baru")] == ["Versi dua"]
    assert library.search("nomor") == []  # the old text left the index


def test_read_and_starred_state(library: Library) -> None:
    library.store_article(article(1))
    assert not library.state(URL.format(1)).read
    state = library.set_read(URL.format(1) + "?utm_campaign=x")
    assert state.read and state.read_at is not None
    assert library.set_starred(URL.format(1)).starred
    assert not library.set_starred(URL.format(1), False).starred
    assert not library.set_read(URL.format(1), False).read
    # State also works for something not in the library (a feed entry, say).
    assert library.set_starred("https://elsewhere.example/a").starred


# -- collections --------------------------------------------------------------------------


def test_read_later_is_built_in_and_cannot_be_renamed_or_deleted(library: Library) -> None:
    (read_later,) = library.collections()
    assert read_later.name == "Read later" and read_later.builtin
    with pytest.raises(CollectionError):
        library.rename_collection("read later", "Nanti")
    with pytest.raises(CollectionError):
        library.delete_collection("Read later")


def test_collections_create_rename_delete(library: Library) -> None:
    library.create_collection("Ekonomi")
    with pytest.raises(CollectionError, match="already exists"):
        library.create_collection("  ekonomi ")
    with pytest.raises(CollectionError):
        library.create_collection("   ")
    renamed = library.rename_collection("EKONOMI", "Bisnis")
    assert renamed.name == "Bisnis"
    with pytest.raises(CollectionError, match="no collection"):
        library.collection("Ekonomi")
    library.store_article(article(1))
    library.save_to_collection(URL.format(1), ["Bisnis"], offline=True)
    assert library.delete_collection("bisnis") == 1
    assert [c.name for c in library.collections()] == ["Read later"]
    assert library.contains(URL.format(1))  # deleting a collection keeps the article


def test_save_to_several_collections_ordered_by_date_added(library: Library) -> None:
    for n in (1, 2, 3):
        library.store_article(article(n))
    library.save_to_collection(URL.format(2), offline=True)  # default: Read later
    library.save_to_collection(URL.format(1), ["Read later", "Kopi"], offline=True)
    library.save_to_collection(URL.format(3), ["Kopi"], offline=True)
    again = library.save_to_collection(URL.format(2), ["Read later"], offline=True)
    assert again.collections == ("Read later",) and not again.fetched
    assert [h.url for h in library.headlines(collection="Read later")] == [
        URL.format(1),
        URL.format(2),
    ]
    assert [h.url for h in library.headlines(collection="kopi")] == [URL.format(3), URL.format(1)]
    info = {c.name: c.count for c in library.collections()}
    assert info == {"Read later": 2, "Kopi": 2}
    assert library.open_article(URL.format(1), offline=True).collections == ("Read later", "Kopi")
    assert library.remove_from_collection(URL.format(1), "Kopi")
    assert [h.url for h in library.headlines(collection="Kopi")] == [URL.format(3)]


def test_saving_something_not_in_the_library_offline_fails_cleanly(library: Library) -> None:
    with pytest.raises(NotInLibrary):
        library.save_to_collection("https://nusa.example/berita/9", ["Kopi"], offline=True)
    assert [c.name for c in library.collections()] == ["Read later"]


# -- lists ----------------------------------------------------------------------------------


def test_headlines_newest_first_with_filters_and_paging(library: Library) -> None:
    for n in range(30):
        day = 1 + n % 28
        library.store_article(
            article(
                n,
                host="a.example" if n % 2 else "b.example",
                published=f"2026-02-{day:02d}T08:00:00+07:00",
            )
        )
    heads = library.headlines(limit=10)
    assert [h.sort_at for h in heads] == sorted((h.sort_at for h in heads), reverse=True)
    everything = library.headlines(limit=100)
    assert len(everything) == 30
    paged, after = [], None
    while True:
        page = library.headlines(limit=7, after=after)
        if not page:
            break
        paged += page
        after = page[-1]
    assert [h.url for h in paged] == [h.url for h in everything]
    assert [h.url for h in library.headlines(limit=7, offset=7)] == [
        h.url for h in everything[7:14]
    ]
    only_a = library.headlines(source="a.example", limit=100)
    assert len(only_a) == 15 and all("a.example" in h.url for h in only_a)
    assert len(library.headlines(source="https://www.a.example/", limit=100)) == 15
    library.set_read(everything[0].url)
    library.set_starred(everything[1].url)
    assert len(library.headlines(unread_only=True, limit=100)) == 29
    assert [h.url for h in library.headlines(starred_only=True)] == [everything[1].url]
    counts = library.counts()
    assert (counts.articles, counts.unread, counts.starred, counts.saved) == (30, 29, 1, 0)
    assert {o.host for o in library.outlets()} == {"a.example", "b.example"}


# -- search ---------------------------------------------------------------------------------


def test_search_folds_diacritics_both_ways_and_matches_prefixes(library: Library) -> None:
    library.store_article(
        article(1, title="Harga Kopí Gayo naik", text="Petani kopí di Gayo senang.")
    )
    library.store_article(article(2, title="Kopi susu", text="Warung kopi baru buka di Bandung."))
    library.store_article(article(3, title="Banjir rob", text="Banjir merendam pesisir utara."))
    assert {h.url for h in library.search("kopi")} == {URL.format(1), URL.format(2)}
    assert {h.url for h in library.search("KOPÍ")} == {URL.format(1), URL.format(2)}
    assert [h.url for h in library.search("banj")] == [URL.format(3)]
    assert [h.url for h in library.search("kopi gayo")] == [URL.format(1)]
    assert [h.url for h in library.search('"warung kopi"')] == [URL.format(2)]
    assert library.search("nusakini")  # the outlet is searchable too
    hit = library.search("petani")[0]
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "Petani"
    assert hit.marked() == "[Petani] kopí di Gayo senang."
    assert "<b>Petani</b>" in hit.snippet_html


def test_search_results_rank_title_matches_first(library: Library) -> None:
    library.store_article(article(1, title="Pasar malam", text="Pemilu berlangsung aman hari ini."))
    library.store_article(article(2, title="Pemilu hari ini", text="Suasana pasar malam."))
    assert library.search("pemilu")[0].url == URL.format(2)


def test_search_filters_by_source_and_collection(library: Library) -> None:
    library.store_article(article(1, host="a.example", site="Alpha", text="Gempa di laut."))
    library.store_article(article(2, host="b.example", site="Beta", text="Gempa di darat."))
    library.save_to_collection("https://b.example/berita/2", ["Bencana"], offline=True)
    assert [h.outlet for h in library.search("gempa", source="Alpha")] == ["Alpha"]
    assert [h.outlet for h in library.search("gempa", source="b.example")] == ["Beta"]
    assert [h.outlet for h in library.search("gempa", collection="bencana")] == ["Beta"]


@pytest.mark.parametrize(
    "query", ['"', "AND", "OR NOT", "NEAR(a b)", "*", "title:x", "a\x00b", "((", "-x", "^x", ""]
)
def test_search_never_passes_user_text_as_syntax(library: Library, query: str) -> None:
    library.store_article(article(1))
    assert isinstance(library.search(query), list)


# -- pictures ---------------------------------------------------------------------------------


def test_pictures_come_only_from_the_image_store(library: Library, tmp_path: Path) -> None:
    store = ImageStore(library.images.root)
    data = png(40, 30, seed=3)
    sha = store.put(data)
    src = "https://img.example/foto%20satu.png"
    library.store_article(
        article(1, images=[src]),
        images=[ImageRef(src, sha, len(data), "image/png", 40, 30)],
    )
    assert library.image_bytes(src) == data
    assert library.image_bytes("https://img.example/foto satu.png") == data  # as Qt may decode it
    assert library.image_bytes("https://img.example/other.png") is None
    assert library.open_article(URL.format(1), offline=True).images == 1


# -- eviction ---------------------------------------------------------------------------------


def test_eviction_goes_least_recently_read_first_and_spares_pinned(tmp_path: Path) -> None:
    clock = Clock()
    lib = open_library(tmp_path, clock=clock)
    try:
        for n in range(6):
            lib.store_article(article(n, text=f"Teks {n} " + "kata " * 400))
        lib.open_article(URL.format(0), offline=True)  # read recently: kept longer
        lib.save_to_collection(URL.format(1), ["Arsip"], offline=True)
        lib.set_starred(URL.format(2))
        stats = lib.cache_stats()
        assert stats.articles == 6 and stats.pinned_articles == 2
        assert stats.budget_bytes == DEFAULT_CACHE_BUDGET
        per = stats.article_bytes // 6
        result = lib.prune(budget=per * 4 + per // 2)
        assert result.evicted_articles == 2
        left = {h.url for h in lib.headlines()}
        assert left == {URL.format(n) for n in (0, 1, 2, 5)}
        lib.prune(budget=0)
        assert {h.url for h in lib.headlines()} == {URL.format(1), URL.format(2)}
        assert lib.open_article(URL.format(1), offline=True).collections == ("Arsip",)
        assert lib.state(URL.format(2)).starred
        assert lib.prune(budget=0).over_budget
    finally:
        lib.close()


def test_collection_items_keep_their_title_when_unsaved_article_is_evicted(tmp_path: Path) -> None:
    lib = open_library(tmp_path)
    try:
        lib.store_article(article(1, title="Disimpan"))
        lib.save_to_collection(URL.format(1), ["Arsip"], offline=True)
        lib.remove_from_collection(URL.format(1), "Arsip")
        lib.save_to_collection(URL.format(1), ["Arsip"], offline=True)
        with lib.store.write() as conn:  # the cache row disappears (as after a crash or repair)
            conn.execute("DELETE FROM articles")
        (item,) = lib.headlines(collection="Arsip")
        assert item.title == "Disimpan" and not item.in_library
    finally:
        lib.close()


_ARTICLES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=10_000),  # last read, seconds after start (0: never)
        st.booleans(),  # saved
        st.booleans(),  # starred
        st.integers(min_value=0, max_value=3),  # extra size
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_ARTICLES, budget_fraction=st.floats(min_value=0, max_value=1.2))
def test_eviction_never_touches_saved_or_starred(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[int, bool, bool, int]],
    budget_fraction: float,
) -> None:
    clock = Clock()
    root = tmp_path_factory.mktemp("evict")
    lib = Library.open(DataPaths(root), clock=clock, check=False)
    try:
        lib.create_collection("Arsip")
        for n, (_, saved, starred, extra) in enumerate(rows):
            lib.store_article(article(n, text="kata " * (50 + 300 * extra)))
            if saved:
                lib.save_to_collection(URL.format(n), ["Arsip"], offline=True)
            if starred:
                lib.set_starred(URL.format(n))
        for n, (read_at, *_rest) in sorted(enumerate(rows), key=lambda r: r[1][0]):
            if read_at:
                clock.now += read_at
                lib.open_article(URL.format(n), offline=True)
        lib._flush_touches()
        order = dict(
            lib.store.reader().execute(
                "SELECT url, coalesce(last_read_at, fetched_at) FROM articles"
            )
        )
        before = lib.cache_stats()
        budget = int(before.cache_bytes * budget_fraction)
        result = lib.prune(budget)
        left = {h.url for h in lib.headlines(limit=100)}
        pinned = {
            URL.format(n) for n, (_, saved, starred, _) in enumerate(rows) if saved or starred
        }
        assert pinned <= left
        after = lib.cache_stats()
        assert after.cache_bytes <= budget or left == pinned
        assert result.over_budget == (after.cache_bytes > budget)
        assert {h.url for h in lib.headlines(collection="Arsip", limit=100)} == {
            URL.format(n) for n, r in enumerate(rows) if r[1]
        }
        assert {h.url for h in lib.headlines(starred_only=True, limit=100)} == {
            URL.format(n) for n, r in enumerate(rows) if r[2]
        }
        # Least recently read went first: nothing evicted was read after an unpinned survivor.
        gone = [order[u] for u in order if u not in left]
        kept = [order[u] for u in order if u in left and u not in pinned]
        if gone and kept:
            assert max(gone) <= min(kept)
        assert lib.store.reader().execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        lib.close()


def test_settings_budget_is_saved_and_unknown_keys_kept(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    paths.settings.write_text('{"version": 1, "ui_theme": "dark"}', encoding="utf-8")
    lib = Library.open(paths)
    try:
        lib.set_cache_budget(123 * 1024 * 1024)
    finally:
        lib.close()
    lib = Library.open(paths)
    try:
        assert lib.cache_stats().budget_bytes == 123 * 1024 * 1024
        assert lib.settings.get("ui_theme") == "dark"
    finally:
        lib.close()


def test_verify_on_a_healthy_library_backs_it_up(tmp_path: Path) -> None:
    lib = Library.open(DataPaths(tmp_path), check=False)
    try:
        lib.store_article(article(1))
        lib.set_starred(URL.format(1))
        assert lib.verify() is None
        assert list((tmp_path / "backups").glob("*rolling*"))
    finally:
        lib.close()


def test_only_a_damaged_file_is_ever_repaired(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A busy or interrupted check says nothing about the file: it must stay in place."""
    from reader.core.errors import Cancelled, StoreBusy

    kept = library.store_article(article(1, title="Kept")).article.url
    path = library.store.path
    for failure in (StoreBusy("another Kabar is writing"), Cancelled()):

        def failing_check(error: Exception = failure) -> None:
            raise error

        monkeypatch.setattr(library.store, "quick_check", failing_check)
        with pytest.raises(type(failure)):
            library.verify()
        assert path.exists() and library.recovery is None
        assert library.contains(kept)
