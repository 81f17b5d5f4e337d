"""The picture store: header sniffing, tracking pixels, content-addressed atomic files."""

from __future__ import annotations

import struct
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.models import Article
from reader.core.store import images
from reader.core.store.images import ImageStore
from tests.core.libkit import gif, png


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def _webp_vp8x(width: int, height: int) -> bytes:
    chunk = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00"
    chunk += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def test_sniff_reads_the_size_of_each_format() -> None:
    assert images.sniff(png(64, 36)) == images.ImageInfo("image/png", 64, 36)
    assert images.sniff(gif(10, 20)) == images.ImageInfo("image/gif", 10, 20)
    assert images.sniff(_jpeg(1200, 675)) == images.ImageInfo("image/jpeg", 1200, 675)
    assert images.sniff(_webp_vp8x(300, 200)) == images.ImageInfo("image/webp", 300, 200)
    assert images.sniff(b"<html>not a picture</html>") is None
    assert images.sniff(b"") is None


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=64),
    st.sampled_from(
        [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"RIFF\x00\x00\x00\x00WEBPVP8X"]
    ),
)
def test_sniff_never_raises_on_junk(tail: bytes, head: bytes) -> None:
    images.sniff(head + tail)


def test_tracking_pixels_are_not_kept() -> None:
    assert images.keepable(gif(1, 1)) is None
    assert images.keepable(png(1, 1)) is None
    assert images.keepable(png(0 + 1, 40)) is None
    assert images.keepable(b"GIF89a") is None
    assert images.keepable(png(2, 2)) is not None
    assert images.is_tracker_url("https://www.google-analytics.com/collect?x=1")
    assert images.is_tracker_url("https://pixel.wp.com/g.gif")
    assert images.is_tracker_url("https://sb.scorecardresearch.com/p?c1=2")
    assert images.is_tracker_url("https://www.facebook.com/tr?id=1&ev=PageView")
    assert not images.is_tracker_url("https://img.nusakini.example/foto.jpg")
    assert not images.is_tracker_url("https://notdoubleclick.net.example/a.png")


def test_wanted_images_lead_first_deduplicated_no_pixels_capped() -> None:
    html = (
        '<p><img src="https://img.example/a.jpg" width="640" height="360">'
        '<img src="https://img.example/pixel.gif" width="1" height="1">'
        '<img src="https://stats.wp.com/b.gif">'
        "<img src='https://img.example/c.jpg'>"
        '<img src="data:image/png;base64,AAAA"></p>'
    )
    art = Article(
        url="https://n.example/1", canonical_url="https://n.example/1", title="t", html=html,
        text="", lead_image="https://img.example/lead.jpg", images=["https://img.example/a.jpg"],
    )  # fmt: skip
    assert images.wanted_images(art) == [
        "https://img.example/lead.jpg",
        "https://img.example/a.jpg",
        "https://img.example/c.jpg",
    ]
    many = Article(
        url="u", canonical_url="u", title="t", html="", text="",
        images=[f"https://img.example/{i}.jpg" for i in range(100)],
    )  # fmt: skip
    assert len(images.wanted_images(many)) == images.MAX_IMAGES


def test_files_are_content_addressed_and_written_once(tmp_path: Path) -> None:
    store = ImageStore(tmp_path / "images")
    data = png(20, 10, seed=1)
    sha = store.put(data)
    path = store.path_for(sha)
    assert path.parent.name == sha.hex()[:2] and path.name == sha.hex()
    assert path.parent.parent == tmp_path / "images"  # never a name taken from a URL
    assert store.read(sha) == data
    mtime = path.stat().st_mtime_ns
    assert store.put(data) == sha and path.stat().st_mtime_ns == mtime
    assert [p.name for _, p in store.files()] == [sha.hex()]  # no temporary files left
    store.delete(sha)
    assert store.read(sha) is None
