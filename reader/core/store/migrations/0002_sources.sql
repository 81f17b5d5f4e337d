-- 0002: sources (feeds and news sitemaps), their folders, and the entries they listed.
--
--   USER STATE (never evicted): folders, sources (subscriptions with their settings and
--     refresh bookkeeping). Deleting a source deletes its entries only: articles, starred
--     state and collections refer to articles by URL and are never touched.
--   FEED CACHE: entries. Refresh adds and updates, never deletes: a feed that suddenly
--     returns nothing, an HTML page or garbage cannot wipe what was there.
--     entries.article_url is the canonical URL of the item's link, the same form the
--     library uses for articles.url / article_urls.url; it is text, not a foreign key, so
--     evicting an article leaves the entry (the headline stays, the text is re-fetchable).
--
-- Times are Unix seconds (REAL, UTC), as in 0001.

CREATE TABLE folders (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES folders (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    name_key   TEXT    NOT NULL,            -- case-folded: "Berita" and "berita" are one
    position   INTEGER NOT NULL DEFAULT 0,
    created_at REAL    NOT NULL
);
-- coalesce: SQLite's UNIQUE treats NULLs as distinct, and top-level folders have no parent.
CREATE UNIQUE INDEX folders_name ON folders (coalesce(parent_id, 0), name_key);

CREATE TABLE sources (
    id                INTEGER PRIMARY KEY,
    url               TEXT    NOT NULL,     -- the feed or sitemap address fetched
    url_key           TEXT    NOT NULL UNIQUE,  -- canonical form: one subscription per feed
    title             TEXT    NOT NULL,
    custom_title      INTEGER NOT NULL DEFAULT 0 CHECK (custom_title IN (0, 1)),
    site_url          TEXT,
    folder_id         INTEGER REFERENCES folders (id) ON DELETE SET NULL,
    position          INTEGER NOT NULL DEFAULT 0,
    kind              TEXT    CHECK (kind IN ('rss', 'atom', 'json', 'sitemap')),  -- NULL until read
    language          TEXT,
    full_text         INTEGER NOT NULL DEFAULT 1 CHECK (full_text IN (0, 1)),
    interval_s        INTEGER NOT NULL DEFAULT 1800,
    etag              TEXT,
    last_modified     TEXT,
    content_hash      TEXT,                 -- sha256 of the last body parsed: unchanged, not re-parsed
    next_due          REAL    NOT NULL DEFAULT 0,   -- interval, or backoff after failures
    retry_after_until REAL,                 -- the server's 429/503 Retry-After: always honoured
    failures          INTEGER NOT NULL DEFAULT 0,   -- consecutive
    last_error        TEXT,
    last_error_at     REAL,
    last_checked_at   REAL,
    last_success_at   REAL,
    gone              INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1)),  -- 410: not polled
    created_at        REAL    NOT NULL
);
CREATE INDEX sources_due ON sources (next_due);
CREATE INDEX sources_folder ON sources (folder_id, position);

CREATE TABLE entries (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    guid           TEXT    NOT NULL,
    url            TEXT,                    -- the item's link (absolute http(s)) or NULL
    article_url    TEXT,                    -- canonical form of url: the library's identity
    title          TEXT    NOT NULL,
    summary        TEXT    NOT NULL DEFAULT '',  -- plain text teaser
    author         TEXT,
    image          TEXT,
    published      TEXT,                    -- ISO 8601 (UTC) from the feed, if it had one
    sort_at        REAL    NOT NULL,        -- published, else first_seen
    first_seen     REAL    NOT NULL,
    updated_at     REAL    NOT NULL,
    fetch_state    TEXT    NOT NULL DEFAULT 'pending'
                   CHECK (fetch_state IN ('pending', 'done', 'failed', 'skipped')),
    fetch_error    TEXT,
    fetch_attempts INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_id, guid)
);
CREATE INDEX entries_source_sort ON entries (source_id, sort_at DESC, id DESC);
CREATE INDEX entries_sort ON entries (sort_at DESC, id DESC);
CREATE INDEX entries_article ON entries (article_url, source_id);
CREATE INDEX entries_to_fetch ON entries (source_id) WHERE fetch_state IN ('pending', 'failed');
