"""Site knowledge is data: bundled rules, the user's own file, and how extract uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.page.extraction import extract
from reader.core.page.siterules import SiteRules, default_rules
from reader.core.paths import DataPaths


def test_bundled_rules_load_cleanly() -> None:
    rules = default_rules()
    assert rules.problems == []
    assert rules.outlet_name("https://regional.kompas.com/read/2025/x") == "Kompas.com"
    assert rules.outlet_name("https://unknown.example/") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.tribunnews.com/nasional/2025/01/02/judul?page=2#x",
            "https://www.tribunnews.com/nasional/2025/01/02/judul?page=all",
        ),
        (
            "https://jateng.tribunnews.com/2025/01/02/judul",
            "https://jateng.tribunnews.com/2025/01/02/judul?page=all",
        ),
        (
            "https://news.detik.com/berita/d-7000000/judul",
            "https://news.detik.com/berita/d-7000000/judul?single=1",
        ),
        (
            "https://nasional.sindonews.com/read/1/12/judul",
            "https://nasional.sindonews.com/read/1/12/judul?showpage=all",
        ),
        (
            "https://nasional.kompas.com/read/2025/01/02/judul?utm_source=x",
            "https://nasional.kompas.com/read/2025/01/02/judul?utm_source=x&page=all",
        ),
        (
            "https://www.inews.id/news/nasional/judul",
            "https://www.inews.id/news/nasional/judul/all",
        ),
        ("https://www.cnnindonesia.com/nasional/2025/judul", None),
        ("https://unknown.example/a", None),
    ],
)
def test_show_all_url(url: str, expected: str | None) -> None:
    assert default_rules().for_url(url).show_all_url(url) == expected


def test_show_all_url_is_idempotent() -> None:
    rule = default_rules().for_url("https://news.detik.com/x")
    once = rule.show_all_url("https://news.detik.com/x")
    assert once is not None and rule.show_all_url(once) == once


def test_user_file_name_is_toml(tmp_path: Path) -> None:
    assert DataPaths(tmp_path).user_rules.name == "site-rules.toml"


PAGE = """<html><body>
<div class="promo-box"><p>Langganan sekarang dan nikmati ratusan artikel premium, diskon besar,
hadiah menarik, dan penawaran khusus untuk pembaca setia setiap hari sepanjang tahun ini, termasuk
akses ke arsip lengkap, buletin harian, dan acara eksklusif bersama redaksi kami.</p>
<p>Penawaran berlaku untuk pelanggan baru maupun lama, dengan pembayaran bulanan atau tahunan, dan
bisa dibatalkan kapan saja tanpa biaya tambahan. Hubungi layanan pelanggan kami
untuk informasi.</p></div>
<div class="naskah"><p>Isi berita yang sebenarnya pendek saja.</p>
<p>Ditulis oleh redaksi.</p>
<p class="sisipan">Tonton: <a href="/video/1">Video Pilihan Hari Ini di Kanal Kami</a></p></div>
</body></html>"""
USER_RULES = """
[outlets]
"contoh.example" = "Kabar Contoh"

[[site]]
name = "Kabar Contoh"
domains = ["contoh.example"]
show_all = "?tampil=semua"
body = ["div.naskah"]
teaser = ["p.sisipan"]
whole = ["ditulis oleh redaksi\\\\."]
"""


def test_user_rules_are_added_to_the_bundled_ones(tmp_path: Path) -> None:
    user_file = tmp_path / "site-rules.toml"
    user_file.write_text(USER_RULES, encoding="utf-8")
    rules = SiteRules.load(user_file)
    assert rules.problems == []
    url = "https://www.contoh.example/berita/1"
    assert rules.for_url(url).show_all_url(url) == url + "?tampil=semua"
    assert rules.outlet_name("https://contoh.example/") == "Kabar Contoh"
    assert rules.outlet_name("https://www.tribunnews.com/") == "Tribunnews"  # bundled still there

    article = extract(PAGE, url, rules=rules)
    assert article.text == "Isi berita yang sebenarnya pendek saja."  # body selector, boilerplate
    assert [(r.title, r.kind, r.source) for r in article.related] == [
        ("Video Pilihan Hari Ini di Kanal Kami", "inline", "Kabar Contoh")
    ]


def test_broken_user_file_keeps_the_bundled_rules(tmp_path: Path) -> None:
    user_file = tmp_path / "site-rules.toml"
    user_file.write_text("[[site]\nname = ", encoding="utf-8")
    rules = SiteRules.load(user_file)
    assert len(rules.problems) == 1 and "not loaded" in rules.problems[0]
    assert rules.for_url("https://news.detik.com/x").show_all == "?single=1"


def test_bad_entries_are_skipped_and_reported(tmp_path: Path) -> None:
    user_file = tmp_path / "site-rules.toml"
    user_file.write_text(
        '[boilerplate]\nwhole = ["(unclosed"]\n[[site]]\nname = "x"\ndomains = ["x.example"]\n'
        'body = ["div[", "div.ok"]\n[[site]]\nname = "no domains"\n',
        encoding="utf-8",
    )
    rules = SiteRules.load(user_file)
    assert len(rules.problems) == 3
    assert rules.for_url("https://x.example/").body == ("div.ok",)


def test_missing_user_file_is_fine(tmp_path: Path) -> None:
    assert SiteRules.load(tmp_path / "absent.toml").problems == []
