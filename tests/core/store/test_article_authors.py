"""An article's writers survive the library: one name each, as extraction found them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.core.libkit import article, open_library


def test_writers_are_kept_one_name_each(tmp_path: Path) -> None:
    with open_library(tmp_path) as library:
        written = replace(
            article(1), authors=["Ani Rahma", "Budi Santoso"], byline="Ani Rahma, Budi Santoso"
        )
        library.store_article(written)
        result = library.get(written.url)
        assert result is not None
        assert result.article.authors == ["Ani Rahma", "Budi Santoso"]
        assert result.article.byline == "Ani Rahma, Budi Santoso"


def test_an_article_stored_without_writers_reads_none(tmp_path: Path) -> None:
    """Rows stored before the authors column existed hold NULL there: no writers."""
    with open_library(tmp_path) as library:
        library.store_article(article(2))
        with library.store.write() as conn:
            conn.execute("UPDATE articles SET authors = NULL")
        result = library.get(article(2).url)
        assert result is not None and result.article.authors == []
        assert result.article.byline == "Redaksi"
