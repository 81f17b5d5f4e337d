"""The import files of ``tests/data/imports`` with the test web's addresses filled in, and the
zip exports (Pocket's parts, Omnivore's metadata + content) built from text we wrote."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from tests.web.server import TestWeb

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"


def fill(web: TestWeb, text: str) -> str:
    for name in ("nusa", "warta", "harbor"):
        text = text.replace(f"${name.upper()}", web.outlets[name].base)
    return text


def import_file(web: TestWeb, name: str) -> bytes:
    return fill(web, (DATA / name).read_text("utf-8")).encode("utf-8")


def pocket_zip(web: TestWeb) -> bytes:
    """Pocket's 2025 export: part_000000.csv, part_000001.csv (no cursor column)."""
    first = (
        "title,url,time_added,tags,status\n"
        "Gempa guncang pantai selatan,$NUSA/regional/2026/03/13/gempa-magnitudo-48-guncang-"
        "pantai-selatan-tidak-berpotensi-tsunami,1710300000,berita,unread\n"
    )
    second = (
        "title,url,time_added,tags,status\n"
        "Persada tumbangkan Bintang Timur,$NUSA/sport/2026/03/08/persada-sidoarjo-tumbangkan-"
        "bintang-timur-2-1-lewat-gol-menit-akhir,1710400000,bola|berita,archive\n"
        "broken row without an address\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("part_000000.csv", fill(web, first))
        archive.writestr("part_000001.csv", fill(web, second))
    return buffer.getvalue()


def omnivore_zip(web: TestWeb) -> bytes:
    """Omnivore's export: metadata_0_to_N.json pages and content/<slug>.html."""
    page = [
        {
            "id": "0b9c", "slug": "festival-kopi-lereng-sindangsari-18f2",
            "title": "Festival kopi lereng Sindangsari", "description": "",
            "author": "Tim NusaKini", "url": "$NUSA/regional/2026/03/11/festival-kopi-"
            "lereng-sindangsari-digelar-akhir-pekan-ini", "state": "Archived",
            "readingProgress": 100, "thumbnail": "", "labels": ["kopi", "Jawa Barat"],
            "savedAt": "2024-05-02T03:04:05.000Z", "updatedAt": "2024-05-03T00:00:00.000Z",
            "publishedAt": "2026-03-11T07:00:00.000Z",
        },
        {
            "id": "7aa1", "slug": "toko-buku-tua-tutup-setelah-60-tahun-91ac",
            "title": "Toko buku tua tutup setelah 60 tahun", "description": "",
            "url": "$NUSA/regional/2025/12/01/toko-buku-tua-tutup-setelah-60-tahun",
            "state": "Succeeded", "readingProgress": 10, "labels": [],
            "savedAt": "2024-06-01T00:00:00.000Z", "updatedAt": "2024-06-01T00:00:00.000Z",
        },
    ]  # fmt: skip
    second = [{"id": "x", "slug": "no-url", "title": "No address", "labels": []}]
    content = (
        "<div><p>Toko buku di sudut pasar lama itu akhirnya menutup pintunya setelah enam"
        " puluh tahun melayani pembaca.</p><p>Pemiliknya, Pak Harun, menyerahkan sisa"
        " koleksinya ke perpustakaan desa.</p></div>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("metadata_0_to_49.json", fill(web, json.dumps(page, indent=2)))
        archive.writestr("metadata_50_to_99.json", json.dumps(second, indent=2))
        archive.writestr("content/toko-buku-tua-tutup-setelah-60-tahun-91ac.html", content)
    return buffer.getvalue()
