"""``kabar read URL`` as a real process against the test web."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.web.server import TestWeb

JSON_KEYS = {
    "url", "canonical_url", "title", "byline", "authors", "published", "site_name", "language",
    "lead_image", "html", "text", "related", "next_page", "pages",
}  # fmt: skip
RELATED_KEYS = {"url", "title", "source", "kind"}


def kabar(data_dir: Path, *args: str, lang: str = "C") -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m reader`` with a pipe for stdout and a non-UTF-8 locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    env.update(KABAR_DATA_DIR=str(data_dir), LANG=lang, LC_ALL=lang, PYTHONUTF8="0")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        timeout=60,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def article_url(web: TestWeb) -> str:
    for url in web.article_urls("nusa"):
        truth = web.truth(url)
        if truth.pages == 1 and truth.inline_related and truth.block_related:
            return url
    raise AssertionError("no single-page nusa article with related links")


def test_an_address_without_scheme_is_read(web: TestWeb, article_url: str, data_dir: Path) -> None:
    typed = article_url.removeprefix("http://")  # as pasted from a browser's address bar
    result = kabar(data_dir, "read", typed, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["url"] == article_url


def test_text_output(web: TestWeb, article_url: str, data_dir: Path) -> None:
    truth = web.truth(article_url)
    result = kabar(data_dir, "read", article_url)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")  # UTF-8 even under LANG=C with a pipe
    lines = out.splitlines()
    assert lines[0] == truth.title
    assert truth.byline in lines[1] and "·" in lines[1]
    assert truth.paragraphs[0] in out and truth.paragraphs[-1] in out
    assert "In the text" in out and "Related" in out
    for url, _title in truth.inline_related:
        assert url in out
    assert result.stderr == b""


def test_json_output_has_the_stable_keys(web: TestWeb, article_url: str, data_dir: Path) -> None:
    truth = web.truth(article_url)
    result = kabar(data_dir, "read", "--json", article_url)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.decode("utf-8"))
    assert set(data) >= JSON_KEYS
    assert data["url"] == article_url
    assert data["title"] == truth.title
    assert data["authors"] == list(truth.authors)  # one name each, no label
    assert data["byline"] == ", ".join(truth.authors)
    assert data["published"] == truth.published
    assert data["pages"] == 1 and data["next_page"] is None
    assert data["language"] == truth.language
    assert data["related"] and all(set(r) == RELATED_KEYS for r in data["related"])
    assert {r["kind"] for r in data["related"]} == {"inline", "block"}
    assert truth.paragraphs[0] in data["text"]
    same = kabar(data_dir, "read", "--format", "json", article_url)
    assert json.loads(same.stdout) == data


def test_markdown_output(web: TestWeb, article_url: str, data_dir: Path) -> None:
    truth = web.truth(article_url)
    result = kabar(data_dir, "read", "--format", "markdown", article_url)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert out.startswith("# ")
    assert "## In the text" in out and "## Related" in out
    first_inline = truth.inline_related[0][0]
    assert f"(<{first_inline}>)" in out
    assert "<p>" not in out
    words = truth.paragraphs[1].split()[:6]
    assert " ".join(words) in " ".join(out.split())


def test_html_output_is_a_small_safe_document(
    web: TestWeb, article_url: str, data_dir: Path
) -> None:
    truth = web.truth(article_url)
    result = kabar(data_dir, "read", "--format", "html", article_url)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in out
    assert "<script" not in out.lower() and "onerror" not in out.lower()
    assert "<h1>" in out and truth.paragraphs[0].split()[0] in out


@pytest.mark.parametrize(
    "make_url",
    [
        lambda web: web.fault_url("not_found"),
        lambda web: web.fault_url("redirect_file"),
        lambda web: web.fault_url("pdf_as_html"),
        lambda web: web.fault_url("empty"),
        lambda web: "ftp://example.invalid/berita",
        lambda web: "bukan alamat",
    ],
    ids=["dead-link", "file-redirect", "pdf", "empty", "ftp", "not-a-url"],
)
def test_bad_urls_give_one_line_and_exit_1(
    web: TestWeb, data_dir: Path, make_url: Callable[[TestWeb], str]
) -> None:
    url = make_url(web)
    result = kabar(data_dir, "read", url)
    assert result.returncode == 1
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert err.startswith("kabar: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_offline_read_of_an_unknown_article(web: TestWeb, article_url: str, data_dir: Path) -> None:
    url = web.outlet("warta").url("/never/read")
    before = web.hits(article_url)
    result = kabar(data_dir, "--offline", "read", url)
    assert result.returncode == 1 and result.stderr.count(b"\n") == 1
    assert b"Traceback" not in result.stderr
    assert web.hits(url) == 0
    assert b"offline" in result.stderr.lower()
    assert web.hits(article_url) == before
