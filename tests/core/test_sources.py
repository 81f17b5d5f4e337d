"""The source list without the network: folders, add/rename/move/delete, OPML, starters."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import SourceError
from reader.core.feeds import parse_opml, starter_sets
from reader.core.sources import SourceList
from reader.core.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "opml"


def test_add_creates_folders_and_refuses_duplicates(sources: SourceList) -> None:
    source = sources.add("https://a.example/rss?utm_source=x", folder="Berita/Daerah")
    assert source.folder == ("Berita", "Daerah") and source.title == source.url
    assert source.status == "new" and source.full_text
    with pytest.raises(SourceError, match="Already subscribed"):
        sources.add("https://A.example/rss")  # same canonical address
    assert sources.add("https://a.example/rss", exist_ok=True).id == source.id
    with pytest.raises(SourceError):
        sources.add("file:///etc/passwd")
    assert [f.path for f in sources.folders()] == [("Berita",), ("Berita", "Daerah")]


def test_find_by_id_address_or_title(sources: SourceList) -> None:
    a = sources.rename(sources.add("https://a.example/rss").id, "Kompas Nasional")
    b = sources.rename(sources.add("https://b.example/rss").id, "Kompas Regional")
    assert sources.get(str(a.id)).id == a.id
    assert sources.get("https://b.example/rss").id == b.id
    assert sources.get("kompas nasional").id == a.id
    with pytest.raises(SourceError, match="several"):
        sources.get("Kompas")
    with pytest.raises(SourceError, match="no source"):
        sources.get("Detik")


def test_move_orders_within_the_folder(sources: SourceList) -> None:
    ids = [sources.add(f"https://{n}.example/rss", folder="F").id for n in "abc"]
    sources.move(ids[2], "F", position=0)
    assert [s.id for s in sources.all("F")] == [ids[2], ids[0], ids[1]]
    moved = sources.move(ids[0], None)
    assert moved.folder == () and [s.id for s in sources.all("F")] == [ids[2], ids[1]]


def test_folders_rename_move_and_delete(sources: SourceList) -> None:
    sources.add("https://a.example/rss", folder="Berita/Daerah/Jawa")
    sources.add("https://b.example/rss", folder="Berita")
    daerah = sources.folder("berita/daerah")
    with pytest.raises(SourceError, match="inside itself"):
        sources.move_folder(daerah.id, "Berita/Daerah/Jawa")
    sources.rename_folder("Berita/Daerah", "Regional")
    assert sources.get("https://a.example/rss").folder == ("Berita", "Regional", "Jawa")
    sources.move_folder("Berita/Regional", None)
    assert sources.get("https://a.example/rss").folder == ("Regional", "Jawa")
    with pytest.raises(SourceError, match="already a folder"):
        sources.create_folder("regional")
    assert sources.delete_folder("Regional") == 1
    assert sources.get("https://a.example/rss").folder == (), "sources move up, not away"
    assert [f.path for f in sources.folders()] == [("Berita",)]
    assert sources.delete_folder("Berita", delete_sources=True) == 1
    assert [s.url for s in sources.all()] == ["https://a.example/rss"]


def test_opml_import_keeps_nested_folders_and_export_keeps_empty_ones(
    sources: SourceList,
) -> None:
    result = sources.import_opml(parse_opml((DATA / "netnewswire.opml").read_bytes()))
    assert len(result.added) == 3 and result.existing == 0
    again = sources.import_opml(parse_opml((DATA / "netnewswire.opml").read_bytes()))
    assert again.added == () and again.existing == 3
    sources.create_folder("Kosong")
    exported = parse_opml(sources.export_opml())
    assert sorted(f.folder for f in exported.feeds) == [(), ("Dunia",), ("Dunia", "Asia")]
    assert b'text="Kosong"' in sources.export_opml()


def test_import_under_a_folder(sources: SourceList) -> None:
    sources.import_opml(parse_opml((DATA / "feedly.opml").read_bytes()), folder="Dari Feedly")
    assert {s.folder for s in sources.all()} == {("Dari Feedly", "Berita"), ("Dari Feedly", "Tech")}


def test_thousands_of_sources_import_in_one_transaction(sources: SourceList) -> None:
    outlines = "".join(
        f'<outline text="F{i}" xmlUrl="https://f{i}.example/rss"/>' for i in range(3000)
    )
    document = parse_opml(
        f"<opml><body><outline text='X'>{outlines}</outline></body></opml>".encode()
    )
    result = sources.import_opml(document)
    assert len(result.added) == 3000 and len(sources.all()) == 3000


def test_starter_sources_by_language(sources: SourceList) -> None:
    result = sources.add_starter(["id"])
    indonesian = next(s for s in starter_sets() if s.language == "id")
    assert len(result.added) == len(indonesian.feeds)
    assert {s.folder for s in sources.all()} == {(indonesian.label,)}
    assert sources.add_starter(["id", "en"]).existing == len(indonesian.feeds)


def test_the_schema_migrates_with_the_library(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "library.sqlite3", tmp_path / "backups")
    try:
        names = {
            r[0]
            for r in store.reader().execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    finally:
        store.close()
    assert {"folders", "sources", "entries"} <= names
