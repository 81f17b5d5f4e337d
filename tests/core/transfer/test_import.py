"""Imports of each service's export, end to end: links saved with dates, tags and marks, then
the articles fetched from the test web (a dead link reported, never stopping the rest)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.net import Fetcher
from reader.core.paths import DataPaths
from reader.core.transfer import (
    Importer,
    ImportFormatError,
    ImportProgress,
    ImportReport,
    read_import,
)
from reader.core.transfer.formats import common, sniff
from tests.core.transfer.files import import_file, omnivore_zip, pocket_zip
from tests.web.server import TestWeb


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    fetcher = Fetcher()
    with Library.open(DataPaths(tmp_path / "data"), fetcher=fetcher) as opened:
        yield opened
    fetcher.close()


def importer(library: Library) -> Importer:
    return Importer(library, library._fetcher)


def titles(library: Library, collection: str) -> dict[str, str]:
    return {h.url: h.title for h in library.headlines(collection=collection)}


def added(library: Library, collection: str) -> dict[str, float]:
    return {h.url: h.added_at.timestamp() for h in library.headlines(collection=collection)}  # type: ignore[union-attr]


def collection_counts(library: Library) -> dict[str, int]:
    return {c.name: c.count for c in library.collections()}


def test_each_format_is_recognised_from_its_content_not_its_name(web: TestWeb) -> None:
    files = {
        "pocket.csv": "pocket-csv",
        "pocket.html": "pocket-html",
        "instapaper.csv": "instapaper-csv",
        "wallabag.json": "wallabag-json",
        "bookmarks.html": "bookmarks-html",
    }
    for name, fmt in files.items():
        assert read_import(import_file(web, name)).format == fmt, name
    assert read_import(pocket_zip(web)).format == "pocket-csv"
    assert read_import(omnivore_zip(web)).format == "omnivore-zip"
    with pytest.raises(ImportFormatError, match="does not recognise"):
        read_import(b"name,address\nKopi,https://kopi.example/\n")
    with pytest.raises(ImportFormatError, match="empty"):
        read_import(b"  \n")


def test_files_saved_in_other_encodings_keep_their_letters() -> None:
    # A Pocket CSV re-saved by a Japanese spreadsheet (Shift_JIS, nothing declared) and an
    # old Russian bookmark file (Windows-1251, declared in its <meta>): titles and tags,
    # which become collection names, must come through as written.
    csv_text = "title,url,time_added,tags,status\n" + (
        '"東京の朝、電車は満員",https://kabar.example/tokyo,1710000000,ニュース|交通,unread\n'
    )
    pocket = read_import(csv_text.encode("shift_jis"))
    assert pocket.format == "pocket-csv"
    assert pocket.items[0].title == "東京の朝、電車は満員"
    assert pocket.items[0].tags == ("ニュース", "交通")
    bookmarks = (
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251">\n'
        "<TITLE>Bookmarks</TITLE><H1>Закладки</H1>\n<DL><p>\n"
        "<DT><H3>Новости</H3>\n<DL><p>\n"
        '<DT><A HREF="https://kabar.example/ru" ADD_DATE="1700000000">Утренний выпуск</A>\n'
        "</DL><p>\n</DL>\n"
    )
    read = read_import(bookmarks.encode("cp1251"))
    assert (read.items[0].title, read.items[0].folder) == ("Утренний выпуск", ("Новости",))


def test_a_zip_bomb_or_an_endless_list_is_refused_with_a_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The limits are lowered so the files stay small; the paths are the real ones.
    monkeypatch.setattr(sniff, "MAX_LIST", 64 * 1024)
    monkeypatch.setattr(sniff, "MAX_UNZIPPED", 1024**2)
    monkeypatch.setattr(common, "MAX_LINKS", 1000)
    row = b"t,https://kabar.example/x,1710000000,,unread\n"
    header = b"title,url,time_added,tags,status\n"

    def zipped(size: int) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("part_000000.csv", header + row * (size // len(row)))
        return buffer.getvalue()

    with pytest.raises(ImportFormatError, match=r"part_000000.csv in the zip is .* too large"):
        read_import(zipped(100 * 1024))  # 100 KB of rows squeezed into a few hundred bytes
    with pytest.raises(ImportFormatError, match=r"unpacked is .* too large"):
        read_import(zipped(2 * 1024**2))
    rows = "".join(f"t,https://kabar.example/{n},1710000000,,unread\n" for n in range(1001))
    with pytest.raises(ImportFormatError, match="more than 1,000 links"):
        read_import(header + rows.encode())
    last = rows.rindex("t,https://")
    assert len(read_import(header + rows[:last].encode()).items) == 1000  # the limit itself


def test_pocket_csv_saves_links_with_dates_tags_and_marks_then_fetches(
    web: TestWeb, library: Library
) -> None:
    nusa = web.outlets["nusa"]
    gempa = web.article_urls("nusa")[0]
    dead = nusa.url("/regional/2026/01/01/halaman-yang-sudah-hilang")
    report = importer(library).import_file(import_file(web, "pocket.csv"), "pocket.csv")

    assert (report.links, report.added, report.duplicates) == (5, 5, 1)
    # Malformed rows are reported with the line they start on; the rest came in.
    assert [p.split(":")[0] for p in report.problems] == ["line 7", "line 8", "line 11"]
    assert "comma" in report.problems[0]
    # Tags became collections; the duplicate's tag ("penting") and earliest date were merged.
    counts = collection_counts(library)
    assert counts["berita"] == 2 and counts["bencana alam"] == 1 and counts["penting"] == 1
    assert counts["Pocket"] == 1  # the one link without tags
    assert added(library, "penting") == {gempa: 1710200000.0}
    # Pocket's "archive" means read; the page's own title replaced nothing the file gave.
    assert library.state(gempa).read
    assert titles(library, "berita")[gempa].startswith("Gempa M4,8 guncang pantai selatan,")
    # Every live link was fetched and cleaned; the dead one failed with its reason.
    assert report.fetched == 4
    assert [f.url for f in report.failed] == [dead]
    assert "404" in report.failed[0].reason
    assert library.get(gempa) is not None
    assert web.truth(gempa).paragraphs[0][:40] in library.get(gempa).article.text  # type: ignore[union-attr]
    assert next(iter(library.headlines(collection="Pocket"))).url == dead  # saved all the same

    again = importer(library).import_file(import_file(web, "pocket.csv"), "pocket.csv")
    assert (again.added, again.already) == (0, 5)
    assert collection_counts(library) == counts


def test_pocket_zip_of_parts_and_pocket_html(web: TestWeb, library: Library) -> None:
    report = importer(library).import_file(pocket_zip(web), "pocket.zip", fetch=False)
    assert report.links == 2
    assert report.problems == ("part_000001.csv: line 3: 1 fields where the header has 5"
                               " (a comma in a title without quotes?)",)  # fmt: skip
    assert collection_counts(library)["bola"] == 1
    persada = next(iter(titles(library, "bola")))
    assert library.state(persada).read

    html = importer(library).import_file(import_file(web, "pocket.html"), "pocket.html")
    assert (html.links, html.duplicates) == (3, 1)
    assert html.problems == ("line 13: not a web address: 'javascript:alert(1)'",)
    banjir = web.article_urls("nusa")[2]
    assert library.state(banjir).read  # also listed under "Read Archive"
    assert added(library, "arsip") == {banjir: 1709700000.0}
    assert html.fetched == 3 and not html.failed


def test_instapaper_folders_stars_and_json_tags(web: TestWeb, library: Library) -> None:
    report = importer(library).import_file(
        import_file(web, "instapaper.csv"), "instapaper.csv", fetch=False
    )
    assert report.links == 4
    assert [p.split(":")[0] for p in report.problems] == ["line 6", "line 7"]
    counts = collection_counts(library)
    assert counts["startup"] == counts["bandung"] == counts["Riset Kopi"] == 1
    harbor = web.outlets["harbor"]
    council = harbor.url("/city/2026/04/01/council-delays-bike-lane-vote-after-seven-hour-hearing")
    ferry = harbor.url(
        "/business/2026/04/01/ferry-operator-adds-night-crossings-as-tourism-rebounds"
    )
    assert library.state(council).starred and not library.state(council).read
    assert library.state(ferry).read  # Archive
    assert titles(library, "Instapaper")[ferry] == "Ferry operator adds night crossings"


def test_wallabag_content_is_the_article_when_the_page_is_gone(
    web: TestWeb, library: Library
) -> None:
    warta = web.outlets["warta"]
    gone = warta.url("/berita/d-7200001/liputan-yang-halamannya-sudah-dihapus")
    report = importer(library).import_file(import_file(web, "wallabag.json"), "wallabag.json")
    assert report.problems == ("line 45: no address",)
    assert (report.fetched, report.from_export, report.failed) == (2, 1, ())
    kept = library.get(gone)
    assert kept is not None
    assert "jembatan bambu sepanjang empat puluh meter" in kept.article.text
    assert "<script" not in kept.article.html and "alert" not in kept.article.text
    assert kept.article.title == "Arsip: liputan yang halamannya sudah dihapus"
    gajah = warta.url(
        "/berita/d-7301877/kawanan-gajah-liar-masuk-kebun-warga-petugas-lakukan-penggiringan"
    )
    assert library.state(gajah).starred
    assert added(library, "satwa") == {gajah: 1706751000.0}  # 2024-02-01T08:30+07:00
    # The page that exists was fetched, not replaced by wallabag's shorter copy.
    assert "Versi wallabag" not in library.get(gajah).article.text  # type: ignore[union-attr]


def test_omnivore_zip_labels_state_and_exported_content(web: TestWeb, library: Library) -> None:
    report = importer(library).import_file(omnivore_zip(web), "omnivore.zip")
    assert report.links == 2
    assert report.problems == ("metadata_50_to_99.json: line 2: no address",)
    assert collection_counts(library)["Jawa Barat"] == 1
    kopi = web.article_urls("nusa")[3]
    assert library.state(kopi).read  # Archived
    gone = web.outlets["nusa"].url("/regional/2025/12/01/toko-buku-tua-tutup-setelah-60-tahun")
    assert "Pak Harun" in library.get(gone).article.text  # type: ignore[union-attr]
    assert report.from_export == 1 and report.fetched == 1


def test_bookmark_folders_become_collections(web: TestWeb, library: Library) -> None:
    report = importer(library).import_file(
        import_file(web, "bookmarks.html"), "bookmarks.html", fetch=False
    )
    assert report.links == 4
    # The bookmarklet is the user's and is reported; Firefox's place: query is passed over.
    assert report.problems == ("line 21: not a web address: 'javascript:void(document.title)'",)
    counts = collection_counts(library)
    assert counts["Berita / Ekonomi & Bisnis"] == 1
    assert counts["Bookmarks Toolbar"] == 1 and counts["Bookmarks"] == 1
    rupiah = next(iter(titles(library, "Berita / Ekonomi & Bisnis")))
    assert added(library, "Berita / Ekonomi & Bisnis") == {rupiah: 1700000200.0}  # µs in file


def test_one_collection_instead_of_tags(web: TestWeb, library: Library) -> None:
    report = importer(library).import_file(
        import_file(web, "pocket.csv"), "pocket.csv", to="Dari Pocket",
        tags_as_collections=False, fetch=False,
    )  # fmt: skip
    assert report.collections == ("Dari Pocket",)
    assert {c.name for c in library.collections()} == {"Read later", "Dari Pocket"}
    assert collection_counts(library)["Dari Pocket"] == 5


def test_an_interrupted_import_resumes_where_it_stopped(web: TestWeb, library: Library) -> None:
    saved = importer(library).import_file(
        import_file(web, "instapaper.csv"), "instapaper.csv", fetch=False
    )
    assert saved.pending == 4 and saved.fetched == 0
    later = importer(library)  # as after a restart
    jobs = later.pending_jobs()
    assert [j.file_name for j in jobs] == ["instapaper.csv"]
    progress: list[ImportProgress] = []
    run = later.start(on_progress=progress.append)
    run.wait()
    assert run.fetched == 4 and not run.failures
    assert progress[-1].finished and progress[-1].done == progress[-1].total == 4
    assert later.pending_jobs() == []
    for url in titles(library, "Instapaper"):
        assert library.get(url) is not None


def test_report_shape(web: TestWeb, library: Library) -> None:
    report = importer(library).import_file(import_file(web, "pocket.html"), "p.html", fetch=False)
    assert isinstance(report, ImportReport) and report.format == "pocket-html"


def test_an_oversized_exported_copy_is_not_kept_and_its_link_is(
    web: TestWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A service's copy larger than any article (embedded media, junk) is not held in
    # memory until saving; its link comes in like any other. The limit is lowered so the
    # files stay small; the paths are the real ones.
    from reader.core.transfer.formats import jsonfiles

    monkeypatch.setattr(jsonfiles, "MAX_CONTENT", 100)
    wallabag = read_import(import_file(web, "wallabag.json"))
    copies = {item.title: item.content_html for item in wallabag.items}
    assert (
        copies["Kawanan gajah liar masuk kebun warga"] == "<p>Versi wallabag dari artikel ini.</p>"
    )
    assert copies["Arsip: liputan yang halamannya sudah dihapus"] is None  # 239 characters
    assert len(wallabag.items) == 3  # every link still comes in
    omnivore = read_import(omnivore_zip(web))
    assert len(omnivore.items) == 2 and all(i.content_html is None for i in omnivore.items)
    monkeypatch.setattr(jsonfiles, "MAX_CONTENT", 4096)
    assert "Pak Harun" in str([i.content_html for i in read_import(omnivore_zip(web)).items])
