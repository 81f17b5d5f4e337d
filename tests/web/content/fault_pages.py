"""Bodies for the fault routes: mislabelled charsets, binaries, a challenge page,
a 10 MB article, 10,000-deep nesting, an HTML page posing as a feed.

The expected decoded text of the charset pages is exported (``CHARSET_TEXT``)
so tests can check a reader recovered it.
"""

from __future__ import annotations

import random
import threading
from functools import lru_cache

from tests.web.content import gen_text
from tests.web.content.htmlkit import esc

#: The paragraph every charset fault page carries (non-ASCII on purpose).
CHARSET_TEXT = (
    "Kafé kecil di sudut Jalan Braga itu menyajikan “kopi tubruk” dan roti bakar sejak 1962. "
    "Pemiliknya, Bu Désirée, bilang resepnya tak pernah berubah — “cuma harganya yang naik,” "
    "katanya sambil tertawa."
)
CHARSET_TITLE = "Kafé Legendaris di Jalan Braga Tetap Bertahan"


def charset_page(meta: str = "") -> str:
    """An ordinary little article page; ``meta`` is an optional charset declaration."""
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
{meta}<title>{CHARSET_TITLE}</title>
</head>
<body>
<article>
<h1>{CHARSET_TITLE}</h1>
<p class="byline">Penulis: Siti Rahmawati</p>
<p>{CHARSET_TEXT}</p>
<p>Setiap pagi, antrean pembeli sudah mengular sebelum pintu dibuka.
Sebagian besar pelanggan adalah pensiunan yang datang sejak muda.</p>
</article>
</body>
</html>
"""


def binary(size: int, seed: str) -> bytes:
    """Deterministic random bytes."""
    return random.Random(seed).randbytes(size)


PDF = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n"
    b"4 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n"
    + binary(48_000, "pdf")
    + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)

CHALLENGE = """<!DOCTYPE html>
<html lang="en-US">
<head>
<title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow">
<meta http-equiv="refresh" content="390">
<style>body{font-family:system-ui;text-align:center;padding-top:10vh}</style>
</head>
<body>
<div class="main-wrapper" role="main">
  <h1 class="zone-name-title">127.0.0.1</h1>
  <h2 id="challenge-title">Checking if the site connection is secure</h2>
  <p id="challenge-body-text">127.0.0.1 needs to review the security of your connection
  before proceeding.</p>
  <noscript><p>Enable JavaScript and cookies to continue</p></noscript>
  <form id="challenge-form" action="/challenge?__tk=4f2a" method="POST">
    <input type="hidden" name="md" value="x9Qe">
  </form>
  <script>(function(){window._cf_chl_opt={cvId:'3',cType:'managed',cRay:'8c1f0e'};}());</script>
</div>
<div class="footer">Performance &amp; security by EdgeShield</div>
</body>
</html>
"""

FEED_IS_HTML = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>RSS - NusaKini.com</title>
<link rel="alternate" type="application/rss+xml" title="NusaKini.com - Berita Terkini"
  href="{feed}">
</head>
<body>
<h1>Layanan RSS</h1>
<p>Halaman ini sudah pindah. Silakan berlangganan melalui tautan RSS resmi kami:</p>
<ul><li><a href="{feed}">Berita Terkini</a></li></ul>
</body>
</html>
"""


def deep_nesting(depth: int = 10_000) -> str:
    """A page whose text sits inside ``depth`` nested ``<div>`` elements."""
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        "<title>Halaman Bersarang</title></head><body>\n"
        + '<div class="wrap">' * depth
        + "<p>Teks di dasar sarang. Pembaca yang baik tidak boleh macet di sini.</p>"
        + "</div>" * depth
        + "\n</body></html>\n"
    )


_huge_lock = threading.Lock()


@lru_cache(maxsize=1)
def _huge(size: int) -> bytes:
    rng = random.Random("huge")
    sentences = gen_text.ID.sentences
    values = {
        "place": "Kota Tanjung Sari",
        "topic": "sampah plastik",
        "person": "Agus Hermawan",
        "role": "Wali Kota",
        "agency": "dinas terkait",
        "day": "Kamis",
        "number": "450",
    }
    head = (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        "<title>Laporan Khusus: Sampah Plastik di Tanjung Sari</title>"
        '<meta name="description" content="Laporan yang sangat panjang."></head>\n<body>\n'
        '<header><nav><a href="/">Beranda</a></nav></header>\n<article class="story">\n'
        "<h1>Laporan Khusus: Sampah Plastik di Tanjung Sari</h1>\n"
        '<p class="byline">Penulis: Tim Laporan Khusus</p>\n<div class="story-body">\n'
    )
    tail = "</div>\n</article>\n<footer>© 2026</footer>\n</body></html>\n"
    parts = [head]
    total = len(head) + len(tail)
    k = 0
    while total < size:
        text = " ".join(s.format(**values) for s in rng.sample(sentences, 4))
        para = f"<p>{esc(text)} (Bagian {k})</p>\n"
        parts.append(para)
        total += len(para.encode("utf-8"))
        k += 1
    parts.append(tail)
    return "".join(parts).encode("utf-8")


def huge_article(size: int = 10 * 1024 * 1024) -> bytes:
    """An ordinary article page of at least ``size`` bytes (built once)."""
    with _huge_lock:
        return _huge(size)
