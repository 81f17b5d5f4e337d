"""Exports as a reader meets them: the EPUB opens and validates, Markdown front matter parses,
HTML pages stand alone, and the JSON export restores the same library elsewhere."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import pytest
import yaml

from reader.core.library import Library
from reader.core.models import Article
from reader.core.page import sanitize_html
from reader.core.paths import DataPaths
from reader.core.transfer import Importer, ImportFormatError
from reader.core.transfer.exporter import Exporter
from reader.core.transfer.formats.xhtml import to_xhtml
from tests.core.libkit import png
from tests.core.transfer.epubcheck import epubcheck

CLOCK = 1_760_000_000.0


def picture_article(
    n: int, picture: str, *, title: str, language: str = "id", authors: tuple[str, ...] = ()
) -> Article:
    url = f"https://nusa.example/berita/{n}"
    html = (
        f"<p>Paragraf pertama berita {n}, dengan “kutipan” &amp; tanda.</p>"
        f'<figure><img src="{picture}" alt="Foto {n}">'
        "<figcaption>Keterangan foto</figcaption></figure>"
        '<p>Kalimat <b>tebal</b> dan <a href="https://warta.example/a b">tautan</a>.</p>'
        "<ul><li>satu</li><li>dua</li></ul>"
        '<p>Gambar yang tidak tersimpan: <img src="https://cdn.example/hilang.jpg"></p>'
    )
    return Article(
        url=url, canonical_url=url, title=title, html=sanitize_html(html, url),
        text=f"Paragraf pertama berita {n}.\n\nKalimat tebal dan tautan.", byline="Rina Wulandari",
        published="2026-03-13T08:00:00+07:00", site_name="NusaKini", language=language,
        images=[picture], authors=list(authors),
    )  # fmt: skip


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(DataPaths(tmp_path / "a"), clock=lambda: CLOCK) as opened:
        data = png(40, 30, seed=1)
        sha = opened.images.put(data)
        from reader.core.store import ImageRef

        for n, title in enumerate(
            ["Gempa guncang pantai selatan", "Review: “The Keeper’s Daughter” — café ☕",
             "Harga cabai: naik lagi #pasar"], start=1,
        ):  # fmt: skip
            picture = f"https://img.example/{n}.png" + ("?w=40&h=30" if n == 3 else "")
            writers = ("Rina Wulandari", "Budi Santoso") if n == 2 else ()
            opened.store_article(
                picture_article(n, picture, title=title, authors=writers),
                images=[ImageRef(picture, sha, len(data), "image/png", 40, 30)],
                collections=["Berita", "Read later"] if n == 1 else ["Berita"],
            )
        opened.set_starred("https://nusa.example/berita/2")
        opened.set_read("https://nusa.example/berita/3")
        with opened.store.write() as conn:  # a saved item whose cached copy is gone
            from reader.core.store import collections as cols

            info = cols.ensure(conn, "Kopi", CLOCK)
            cols.add_item(conn, info.id, "https://kopi.example/hilang", title="Kopi hilang",
                          outlet="kopi.example", now=CLOCK - 50)  # fmt: skip
        yield opened


def test_epub_has_chapters_pictures_toc_cover_and_validates(
    library: Library, tmp_path: Path
) -> None:
    book = tmp_path / "berita.epub"
    report = Exporter(library).export("epub", book, ["Berita"])
    assert (report.articles, report.pictures) == (3, 1)
    with zipfile.ZipFile(book) as archive:
        names = archive.namelist()
        assert names[0] == "mimetype" and archive.read("mimetype") == b"application/epub+zip"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        chapters = sorted(n for n in names if n.startswith("OEBPS/text/"))
        assert len(chapters) == 3
        first = archive.read(chapters[-1]).decode()  # oldest saved last: the first article
        tree = lxml.etree.fromstring(first.encode())  # well-formed XML
        assert tree.tag.endswith("html")
        assert "Gempa guncang pantai selatan" in first
        assert "NusaKini · Rina Wulandari · 2026-03-13" in first
        assert 'src="../images/' in first and "cdn.example" not in first
        assert "https://nusa.example/berita/1" in first  # link to the original
        assert "a%20b" in first  # an address with a space, made valid
        nav = archive.read("OEBPS/nav.xhtml").decode()
        assert nav.count("<li><a href=") == 3 and "Review: “The Keeper’s Daughter” — café ☕" in nav
        cover = archive.read("OEBPS/cover.xhtml").decode()
        assert "Kabar: Berita" in cover and "3 articles" in cover
        assert sum(n.startswith("OEBPS/images/") for n in names) == 1  # one file, three uses
    errors, text = epubcheck(book)
    assert errors == 0, text


def test_markdown_front_matter_parses_and_pictures_sit_beside(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    Exporter(library).export("markdown", folder)
    notes = sorted(folder.glob("*.md"))
    assert len(notes) == 4  # three articles and the saved link without a cached copy
    by_title = {}
    for path in notes:
        text = path.read_text("utf-8")
        assert text.startswith("---\n")
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        by_title[meta["title"]] = (meta, text)
    meta, text = by_title["Harga cabai: naik lagi #pasar"]
    assert meta["url"] == "https://nusa.example/berita/3"
    assert (meta["outlet"], meta["authors"]) == ("NusaKini", ["Rina Wulandari"])
    assert meta["published"] == "2026-03-13T08:00:00+07:00"
    assert meta["saved"] == "2025-10-09T08:53:20Z" and meta["collections"] == ["Berita"]
    assert meta["read"] is True
    assert "![Foto 3](pictures/" in text and (folder / "pictures").is_dir()
    picture = next((folder / "pictures").iterdir())
    assert picture.read_bytes() == png(40, 30, seed=1)
    assert by_title["Gempa guncang pantai selatan"][0]["collections"] == ["Read later", "Berita"]
    assert by_title["Kopi hilang"][0]["url"] == "https://kopi.example/hilang"


def test_markdown_note_of_an_awkward_title_and_address() -> None:
    from reader.core.models import ArticleState
    from reader.core.transfer.formats.markdown import note
    from reader.core.transfer.records import ExportRecord

    url = "https://kabar.example/wiki/Bandung_(kota) dan spasi"
    record = ExportRecord(
        key=url, title='Judul: "dua"\nbaris', outlet="Kabar [arsip]", article=None,
        state=ArticleState(url=url),
    )  # fmt: skip
    text = note(record)
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    assert meta["title"] == 'Judul: "dua"\nbaris' and meta["url"] == url
    assert '\n# Judul: "dua" baris\n' in text  # one heading line, not a heading and a paragraph
    assert f"[Kabar \\[arsip\\]](<{url}>)" in text


def test_html_pages_are_self_contained_with_an_index(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    Exporter(library).export("html", folder, ["Berita"])
    index = (folder / "index.html").read_text("utf-8")
    pages = sorted(p for p in folder.glob("*.html") if p.name != "index.html")
    assert len(pages) == 3
    for page in pages:
        assert f'href="{page.name}"' in index
        text = page.read_text("utf-8")
        assert 'src="data:image/png;base64,' in text
        assert "cdn.example" not in text and "<script" not in text
        assert 'src="http' not in text  # nothing loads from the web
        assert "Content-Security-Policy\" content=\"default-src 'none'; img-src data:" in text


def test_json_export_restores_the_same_library_elsewhere(library: Library, tmp_path: Path) -> None:
    first = tmp_path / "kabar.json"
    Exporter(library, clock=lambda: CLOCK).export("json", first)
    with Library.open(DataPaths(tmp_path / "b"), clock=lambda: CLOCK + 999) as fresh:
        importer = Importer(fresh, None, clock=lambda: CLOCK + 999)
        report = importer.import_file(first, "kabar.json")  # streamed from the file
        assert (report.format, report.links, report.added) == ("kabar-json", 4, 4)
        second = tmp_path / "again.json"
        Exporter(fresh, clock=lambda: CLOCK).export("json", second)
        a, b = json.loads(first.read_text()), json.loads(second.read_text())
        assert a["exported_at"] == b["exported_at"]  # same clock: the files must be equal
        for x, y in zip(a["articles"], b["articles"], strict=True):
            assert x == y
        assert a == b
        assert fresh.state("https://nusa.example/berita/2").starred
        restored = fresh.get("https://nusa.example/berita/2")
        assert restored is not None
        assert restored.article.authors == ["Rina Wulandari", "Budi Santoso"]
        assert fresh.get("https://nusa.example/berita/1").article.authors == []  # type: ignore[union-attr]
        assert fresh.image_bytes("https://img.example/1.png") == png(40, 30, seed=1)
        again = importer.import_file(first.read_bytes(), "kabar.json")
        assert again.added == 0
        assert {c.name: c.count for c in fresh.collections()} == {
            "Read later": 1, "Berita": 3, "Kopi": 1,
        }  # fmt: skip


def test_a_damaged_or_forged_kabar_export_is_reported(library: Library, tmp_path: Path) -> None:
    good = tmp_path / "kabar.json"
    Exporter(library, clock=lambda: CLOCK).export("json", good)
    data = json.loads(good.read_text("utf-8"))
    # A "picture" that is a web page under its own correct hash is not restored as one.
    page = b"<html><script>alert(1)</script></html>"
    sha = hashlib.sha256(page).hexdigest()
    data["pictures"][sha] = base64.b64encode(page).decode()
    data["articles"][0]["pictures"][0]["sha256"] = sha
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data), "utf-8")
    cut = tmp_path / "cut.json"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with Library.open(DataPaths(tmp_path / "b")) as fresh:
        importer = Importer(fresh, None)
        report = importer.import_file(forged, "forged.json")
        assert report.links == 4
        assert [p for p in report.problems if "not a picture" in p] == [
            f"picture {sha[:12]}…: not a picture"
        ]
        first = data["articles"][0]["pictures"][0]["url"]
        assert fresh.image_bytes(first) is None  # left out, the article itself restored
        assert fresh.get(data["articles"][0]["key"]) is not None
        with pytest.raises(ImportFormatError, match="The Kabar export is damaged"):
            importer.import_file(cut, "cut.json")


def test_xhtml_repairs_what_epub_readers_refuse() -> None:
    messy = (
        "<p>Teks <div>blok di dalam paragraf</div> lagi</p><li>butir lepas</li>"
        "<ul>teks <p>paragraf</p><li>butir</li></ul><table><td>sel</td>kata</table>"
        "<figure><figcaption>a</figcaption><img src='x'><figcaption>b</figcaption></figure>"
        "<a href='https://a.example/'>luar <a href='https://b.example/'>dalam</a></a>"
        "<img src='https://img.example/1.png' width='50%' height='30'><time>kemarin</time>"
        "<h2>Judul <div>blok di judul</div></h2><span>a<p>paragraf di span</p></span>"
    )
    out = to_xhtml(messy, {"https://img.example/1.png": "images/1.png"})
    tree = lxml.etree.fromstring(f"<body>{out}</body>".encode())
    assert not tree.xpath("//p//div") and not tree.xpath("//ul/p") and not tree.xpath("//a//a")
    assert not tree.xpath("//h2//div") and not tree.xpath("//span//p")  # blocks in phrasing
    assert "blok di judul" in out and "paragraf di span" in out
    assert all(getattr(li.getparent(), "tag", "") in ("ul", "ol") for li in tree.iter("li"))
    assert all(getattr(td.getparent(), "tag", "") == "tr" for td in tree.iter("td"))
    img = tree.find(".//img")
    assert img is not None and img.get("src") == "images/1.png" and img.get("alt") == ""
    assert img.get("width") is None and img.get("height") == "30"
    assert len(tree.findall(".//figcaption")) == 1 and not tree.findall(".//time")
    assert "blok di dalam paragraf" in out and "dalam" in out and "kemarin" in out


ODD_BODIES = {
    "Tabel: jadwal kereta": (
        "<p>Jadwal baru.</p><table><caption>Jadwal</caption><thead><tr><th>Rute</th>"
        "<th>Jam</th></tr></thead><tbody><tr><td rowspan='2'>Bandung</td><td>06.00</td></tr>"
        "<tr><td>18.00</td></tr></tbody><tfoot><tr><td colspan='2'>Tarif Rp 75.000</td></tr>"
        "</tfoot></table>"
    ),
    "Daftar bersarang": (
        "<ul><li>satu<ul><li>dua<ol><li>tiga</li><li>empat<ul><li>lima</li></ul></li></ol>"
        "</li></ul></li><li>enam</li></ul><dl><dt>istilah</dt><dd>arti</dd></dl>"
    ),
    "الاقتصاد: تقرير": "<p dir='rtl'>هذا نص عربي عن الاقتصاد، مع أرقام ١٢٣ و Kabar.</p>",
    "Emoji 😀 dan 𠜎𠜱 di judul": "<p>Bendera 🇮🇩, matematika 𝒳𝒴, keluarga 👩‍👩‍👧.</p>",
    "Judul\x08 dengan\x01 karakter kendali\x0b": "<p>Teks\x0c biasa.</p>",
    "Tautan aneh": (
        "<p><a href='https://kabar.example/diskon-100%-hari-ini'>diskon</a> "
        "<a href='https://kabar.example/%zz'>rusak</a> "
        "<a href='https://kabar.example/ü ñ?q=ä b'>unicode</a></p>"
    ),
    "Tanpa gambar": "<p>Hanya teks.</p>",
    "Badan kosong": "",
    "Sangat panjang " * 70: "<p>Judul yang sangat panjang.</p>",
}


def test_epub_of_odd_articles_is_well_formed_and_validates(tmp_path: Path) -> None:
    # Tables, nested lists, right-to-left text, characters outside the BMP, control
    # characters in a title, broken escapes in links, no body, a very long title and an
    # article with 40 pictures: every file parses as XML and epubcheck finds no error.
    from reader.core.store import ImageRef

    with Library.open(DataPaths(tmp_path / "odd"), clock=lambda: CLOCK) as library:
        for n, (title, body) in enumerate(ODD_BODIES.items(), start=1):
            url = f"https://kabar.example/aneh/{n}"
            article = Article(
                url=url, canonical_url=url, title=title, html=sanitize_html(body, url),
                text="teks", site_name="Kabar\x07", language="ar" if n == 3 else "id",
            )  # fmt: skip
            library.store_article(article, collections=["Aneh"])
        url = "https://kabar.example/aneh/galeri"
        pictures = [f"https://img.example/galeri/{i}.png" for i in range(40)]
        html = "".join(f'<p>Foto {i}</p><img src="{p}" alt="">' for i, p in enumerate(pictures))
        refs = []
        for i, picture in enumerate(pictures):
            data = png(20 + i, 12, seed=i)
            refs.append(ImageRef(picture, library.images.put(data), len(data), "image/png"))
        library.store_article(
            Article(url=url, canonical_url=url, title="Galeri 40 foto",
                    html=sanitize_html(html, url), text="foto", images=pictures),
            images=refs, collections=["Aneh"],
        )  # fmt: skip
        book = tmp_path / "aneh.epub"
        report = Exporter(library).export("epub", book, ["Aneh"])
    assert (report.articles, report.pictures) == (len(ODD_BODIES) + 1, 40)
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            if name.endswith((".xhtml", ".opf")):
                lxml.etree.fromstring(archive.read(name))  # raises on a file a reader refuses
        text = "".join(archive.read(n).decode() for n in archive.namelist() if "text/" in n)
    assert "Judul dengan karakter kendali" in text and "%25zz" in text
    assert "diskon-100%25-hari-ini" in text and "😀" in text and "هذا نص عربي" in text
    errors, messages = epubcheck(book)
    assert errors == 0, messages


def test_a_lead_picture_the_body_shows_is_not_shown_twice() -> None:
    from reader.core.models import ArticleState
    from reader.core.transfer.formats.chapter import lead_picture
    from reader.core.transfer.records import ExportRecord, Picture

    url, lead = "https://kabar.example/a", "https://img.example/a.jpg?w=800&h=450"
    picture = Picture(lead, "ab" * 32, "image/jpeg", 10)

    def record(html: str) -> ExportRecord:
        article = Article(url=url, canonical_url=url, title="t", html=sanitize_html(html, url),
                          text="t", lead_image=lead)  # fmt: skip
        return ExportRecord(key=url, title="t", outlet="", article=article,
                            state=ArticleState(url=url), pictures=(picture,))  # fmt: skip

    assert lead_picture(record(f'<p><img src="{lead}"></p><p>teks</p>')) is None
    assert lead_picture(record("<p>teks tanpa gambar</p>")) == picture


def webp(width: int, height: int, *, alpha: bool = False, lossless: bool = False) -> bytes:
    from PIL import Image

    mode, colour = ("RGBA", (200, 40, 40, 120)) if alpha else ("RGB", (30, 90, 160))
    image = Image.new(mode, (width, height), colour)
    image.paste((250, 250, 250, 255) if alpha else (250, 250, 250), (4, 4, width // 2, height // 2))
    out = io.BytesIO()
    image.save(out, "WEBP", quality=80, lossless=lossless)
    return out.getvalue()


def test_webp_pictures_go_into_the_epub_as_jpeg_or_png(tmp_path: Path) -> None:
    # EPUB 3.2 (epubcheck 4.2.6, older e-readers) shows JPEG, PNG, GIF and SVG only: a WebP
    # photo becomes a JPEG, a WebP with transparency or lossless a PNG; a picture whose
    # file is gone or unreadable is left out of its chapter rather than pointed at.
    from PIL import Image

    from reader.core.store import ImageRef

    files = {
        "photo": webp(80, 45),
        "logo": webp(40, 40, alpha=True),
        "chart": webp(60, 30, lossless=True),
        "plain": png(30, 20, seed=3),
        "gone": webp(50, 50),
        "broken": webp(64, 36)[:40],  # a WebP header, then nothing to decode
    }
    kinds = {"plain": "image/png"}
    with Library.open(DataPaths(tmp_path / "webp"), clock=lambda: CLOCK) as library:
        url = "https://kabar.example/foto"
        addresses = {name: f"https://img.example/{name}.webp" for name in files}
        refs = []
        for name, data in files.items():
            sha = library.images.put(data)
            refs.append(ImageRef(addresses[name], sha, len(data), kinds.get(name, "image/webp")))
            if name == "gone":
                library.images.delete(sha)
        html = "".join(f'<p>{n}</p><img src="{a}" alt="{n}">' for n, a in addresses.items())
        library.store_article(
            Article(url=url, canonical_url=url, title="Foto WebP", html=sanitize_html(html, url),
                    text="foto", images=list(addresses.values())),
            images=refs, collections=["Foto"],
        )  # fmt: skip
        book = tmp_path / "foto.epub"
        Exporter(library).export("epub", book, ["Foto"])
    with zipfile.ZipFile(book) as archive:
        names = archive.namelist()
        chapter = archive.read(next(n for n in names if "text/" in n)).decode()
        package = archive.read("OEBPS/content.opf").decode()
        shown = {
            str(img.get("alt")): str(img.get("src"))
            for img in lxml.etree.fromstring(chapter.encode()).iter("{*}img")
        }
        assert set(shown) == {"photo", "logo", "chart", "plain"}  # "gone", "broken" left out
        assert all(f"OEBPS/{src.removeprefix('../')}" in names for src in shown.values())
        assert shown["photo"].endswith(".jpg") and shown["plain"].endswith(".png")
        assert shown["logo"].endswith(".png") and shown["chart"].endswith(".png")
        assert "webp" not in package.lower() and not any(n.endswith(".webp") for n in names)
        photo = Image.open(io.BytesIO(archive.read(f"OEBPS/{shown['photo'][3:]}")))
        assert (photo.format, photo.size) == ("JPEG", (80, 45))
        logo = Image.open(io.BytesIO(archive.read(f"OEBPS/{shown['logo'][3:]}")))
        assert logo.mode == "RGBA" and logo.getchannel("A").getpixel((30, 30)) == 120
    errors, messages = epubcheck(book)
    assert errors == 0, messages


def test_a_second_markdown_export_rewrites_each_articles_own_note(
    library: Library, tmp_path: Path
) -> None:
    # Obsidian users export into their vault again and again: the same notes, updated,
    # never numbered copies; and a note of theirs that happens to share a name is kept.
    folder = tmp_path / "vault"
    folder.mkdir()
    theirs = folder / "2026-03-13-harga-cabai-naik-lagi-pasar.md"
    theirs.write_text("# Catatan saya tentang cabai\n", encoding="utf-8")
    Exporter(library).export("markdown", folder)
    first = {p.name: p.read_text("utf-8") for p in folder.glob("*.md")}
    assert theirs.read_text("utf-8") == "# Catatan saya tentang cabai\n"
    assert len(first) == 5  # four notes beside the user's own
    library.set_starred("https://nusa.example/berita/1")
    Exporter(library).export("markdown", folder)
    second = {p.name: p.read_text("utf-8") for p in folder.glob("*.md")}
    assert second.keys() == first.keys()
    assert theirs.read_text("utf-8") == "# Catatan saya tentang cabai\n"
    changed = [name for name in first if first[name] != second[name]]
    assert changed == ["2026-03-13-gempa-guncang-pantai-selatan.md"]  # now starred
    assert "starred: true" in second[changed[0]]
