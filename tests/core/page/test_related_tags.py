"""Tag and topic links ("#Penanganan Covid") are not further reading."""

from __future__ import annotations

from reader.core.page import extract

URL = "https://www.wartakota.example/nasional/2026/03/02/vaksinasi-lansia-dipercepat"
BODY = " ".join(
    "Dinas kesehatan mempercepat vaksinasi bagi warga lanjut usia di seluruh kecamatan, "
    "dengan pos keliling yang mendatangi rumah warga yang sulit bepergian."
    for _ in range(3)
)
PAGE = f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Vaksinasi Lansia Dipercepat</title></head><body><article>
<h1>Vaksinasi Lansia Dipercepat</h1>
<p>{BODY}</p>
<p>Baca juga: <a href="/tag/penanganan-covid">#Penanganan Covid</a></p>
<p>{BODY}</p>
<h3>Berita Terkait</h3>
<ul>
<li><a href="/nasional/2026/03/01/stok-vaksin-cukup-hingga-akhir-tahun">Stok Vaksin Cukup hingga
Akhir Tahun, Kata Kementerian</a></li>
<li><a href="/topik/vaksinasi-nasional">Vaksinasi Nasional Terkini dan Jadwalnya</a></li>
<li><a href="/nasional/2026/02/28/tag-pos-keliling">#VaksinUntukSemua</a></li>
</ul>
</article></body></html>"""


def test_tag_links_are_not_listed_as_read_more() -> None:
    article = extract(PAGE, URL)
    titles = [link.title for link in article.related]
    assert "Stok Vaksin Cukup hingga Akhir Tahun, Kata Kementerian" in titles
    assert not [t for t in titles if t.startswith("#") or "Vaksinasi Nasional" in t], titles
