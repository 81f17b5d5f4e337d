"""Typed queries for the reader's rules and what they caught (schema: ``0011_rules.sql``).

Matching is not done here (see :mod:`reader.core.rules`): this module keeps the rules,
records which article a rule caught (``rule_hits``), and gives the SQL the lists use
to leave hidden articles out and to show highlighted ones.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from reader.core.models import Rule

#: SQL true when the article whose identity URL is ``{url}`` was hidden by a rule.
HIDDEN = "EXISTS (SELECT 1 FROM rule_hits rh WHERE rh.url = {url} AND rh.action = 'hide')"
#: SQL true when a rule highlights the article whose identity URL is ``{url}``.
HIGHLIGHTED = "EXISTS (SELECT 1 FROM rule_hits rh WHERE rh.url = {url} AND rh.action = 'highlight')"

_COLUMNS = "id, match_kind, match_text, field, action, source_id, name, enabled"


def _rule(row: Sequence[object]) -> Rule:
    return Rule(
        id=int(row[0]),  # type: ignore[call-overload]
        match=row[1],  # type: ignore[arg-type]
        text=str(row[2]),
        field=row[3],  # type: ignore[arg-type]
        action=row[4],  # type: ignore[arg-type]
        source_id=None if row[5] is None else int(row[5]),  # type: ignore[call-overload]
        name=str(row[6]),
        enabled=bool(row[7]),
    )


def rules(conn: sqlite3.Connection, *, enabled_only: bool = False) -> list[Rule]:
    """Every rule, in the order the reader made them."""
    where = " WHERE enabled = 1" if enabled_only else ""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM rules{where} ORDER BY position, id").fetchall()
    return [_rule(r) for r in rows]


def get(conn: sqlite3.Connection, rule_id: int) -> Rule | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM rules WHERE id = ?", (rule_id,)).fetchone()
    return None if row is None else _rule(row)


def insert(conn: sqlite3.Connection, rule: Rule, now: float) -> int:
    position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM rules").fetchone()[0]
    row = conn.execute(
        "INSERT INTO rules (name, source_id, match_kind, match_text, field, action, enabled,"
        " position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (rule.name, rule.source_id, rule.match, rule.text, rule.field, rule.action,
         int(rule.enabled), position, now),
    ).fetchone()  # fmt: skip
    return int(row[0])


def update(conn: sqlite3.Connection, rule: Rule) -> None:
    conn.execute(
        "UPDATE rules SET name = ?, source_id = ?, match_kind = ?, match_text = ?, field = ?,"
        " action = ?, enabled = ? WHERE id = ?",
        (rule.name, rule.source_id, rule.match, rule.text, rule.field, rule.action,
         int(rule.enabled), rule.id),
    )  # fmt: skip


def delete(conn: sqlite3.Connection, rule_id: int) -> None:
    conn.execute("DELETE FROM rules WHERE id = ?", (rule_id,))


def clear_hits(conn: sqlite3.Connection, rule_id: int) -> None:
    """Forget what a rule caught (it changed, or was switched off)."""
    conn.execute("DELETE FROM rule_hits WHERE rule_id = ?", (rule_id,))


def add_hits(conn: sqlite3.Connection, hits: Iterable[tuple[str, int, str]], now: float) -> None:
    """Record ``(identity URL, rule id, action)`` catches (again is harmless)."""
    conn.executemany(
        "INSERT OR IGNORE INTO rule_hits (url, rule_id, action, at) VALUES (?, ?, ?, ?)",
        [(url, rule_id, action, now) for url, rule_id, action in hits],
    )


def mark_read_if_new(conn: sqlite3.Connection, urls: Iterable[str], now: float) -> None:
    """Mark read the articles the reader never marked either way (a rule never undoes
    what the reader chose)."""
    conn.executemany(
        "INSERT OR IGNORE INTO article_state (url, read, read_at) VALUES (?, 1, ?)",
        [(url, now) for url in urls],
    )


def source_ids_of(conn: sqlite3.Connection, urls: Sequence[str]) -> dict[str, set[int]]:
    """The sources listing each of these article addresses (any alias of a stored article)."""
    found: dict[str, set[int]] = {}
    for url in urls:
        rows = conn.execute(
            "SELECT DISTINCT e.source_id FROM entries e WHERE e.article_url = ?"
            " UNION SELECT DISTINCT e.source_id FROM article_urls au"
            " JOIN article_urls other ON other.article_id = au.article_id"
            " JOIN entries e ON e.article_url = other.url WHERE au.url = ?",
            (url, url),
        ).fetchall()
        found[url] = {int(r[0]) for r in rows}
    return found


def library_items(
    conn: sqlite3.Connection, *, source_id: int | None, with_text: bool, limit: int
) -> list[tuple[str, str, str, frozenset[int]]]:
    """The newest ``limit`` items to test a rule on: ``(identity URL, title, text, sources)``,
    from stored articles and from feed items not stored yet (their summary as the text)."""
    where = "WHERE e.source_id = ?" if source_id is not None else ""
    params: list[object] = [source_id] if source_id is not None else []
    text = "coalesce(f.body, e.summary, '')" if with_text else "''"
    rows = conn.execute(
        f"""
        SELECT coalesce(a.url, e.article_url) AS key, coalesce(nullif(a.title, ''), e.title),
               {text}, group_concat(e.source_id)
        FROM entries e
        LEFT JOIN article_urls au ON au.url = e.article_url
        LEFT JOIN articles a ON a.id = au.article_id
        LEFT JOIN article_fts f ON f.rowid = a.id
        {where}
        GROUP BY key HAVING key IS NOT NULL
        ORDER BY max(e.sort_at) DESC LIMIT ?
        """,
        [*params, limit],
    ).fetchall()
    items = [
        (str(r[0]), str(r[1] or ""), str(r[2] or ""),
         frozenset(int(s) for s in str(r[3] or "").split(",") if s))
        for r in rows
    ]  # fmt: skip
    return items
