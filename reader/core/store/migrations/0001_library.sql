-- 0001: the offline library.
--
-- Two kinds of table, kept apart on purpose (NetNewsWire's articles/statuses split):
--
--   CACHE (evictable, re-fetchable): articles, article_urls, article_bodies, article_fts,
--     article_related, images, article_images. Eviction deletes articles rows; everything
--     else in the cache cascades from them (foreign keys, one trigger for the FTS table).
--   USER STATE (never evicted, never cascades from the cache): article_state, collections,
--     collection_items. They refer to articles by URL text, not by foreign key, so deleting
--     cache rows cannot touch them; collection items carry their own copy of title/outlet.
--
-- Times are Unix seconds (REAL, UTC).

-- ------------------------------------------------------------------ cache

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    url           TEXT    NOT NULL UNIQUE,  -- identity: canonicalised final URL
    canonical_url TEXT    NOT NULL,
    final_url     TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    outlet        TEXT    NOT NULL,         -- site name, else host: shown, searched, filtered
    host          TEXT    NOT NULL,
    byline        TEXT,
    published     TEXT,                     -- ISO 8601 as the page gave it
    site_name     TEXT,
    language      TEXT,
    lead_image    TEXT,
    description   TEXT,
    next_page     TEXT,
    pages         INTEGER NOT NULL DEFAULT 1,
    words         INTEGER NOT NULL DEFAULT 0,
    sort_at       REAL    NOT NULL,         -- published time, else fetched_at: headline order
    fetched_at    REAL    NOT NULL,
    checked_at    REAL    NOT NULL,         -- last successful (re)validation
    etag          TEXT,
    last_modified TEXT,
    content_hash  TEXT    NOT NULL,         -- sha256 of title + html: "did it change?"
    size_bytes    INTEGER NOT NULL,         -- bytes this row and its body/text cost on disk
    last_read_at  REAL                      -- eviction order (least recently read first)
);
CREATE INDEX articles_sort ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_host_sort ON articles (host, sort_at DESC, id DESC);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_lru ON articles (coalesce(last_read_at, fetched_at));

-- Every address that led to a stored article (requested, final after redirects, canonical),
-- canonicalised, so opening any of them again is a cache hit.
CREATE TABLE article_urls (
    url        TEXT    PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_urls_article ON article_urls (article_id);

-- The sanitised article HTML, zlib-compressed (3-4x smaller; inflating takes microseconds).
-- Kept out of `articles` so headline scans and counts never page through bodies.
CREATE TABLE article_bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    html       BLOB    NOT NULL
);

-- Full-text index, and the one copy of the plain text (rowid = articles.id).
-- remove_diacritics 2 folds "Kopí" and "kopi" together; prefix indexes make "ban*" cheap.
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, outlet, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER articles_delete_fts AFTER DELETE ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = old.id;
END;

CREATE TABLE article_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    url        TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('inline', 'block')),
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

-- Content-addressed image files (DataPaths.images/ab/abcdef...): one row per distinct content.
CREATE TABLE images (
    id         INTEGER PRIMARY KEY,
    sha256     BLOB    NOT NULL UNIQUE,
    size_bytes INTEGER NOT NULL,
    mime       TEXT    NOT NULL,
    width      INTEGER,
    height     INTEGER,
    stored_at  REAL    NOT NULL
);

-- Which image each article's <img src> names. url_key is a 64-bit hash of the normalised
-- URL (what the article view asks for); storing the hash instead of the URL keeps the
-- ~20 references per article at a few dozen bytes each.
CREATE TABLE article_images (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    url_key    INTEGER NOT NULL,
    image_id   INTEGER NOT NULL REFERENCES images (id),
    PRIMARY KEY (article_id, url_key)
) WITHOUT ROWID;
CREATE INDEX article_images_url ON article_images (url_key);
CREATE INDEX article_images_image ON article_images (image_id);

-- ------------------------------------------------------------------ user state

-- Read/starred/note per article, keyed by the article's identity URL (articles.url), so it
-- also works for things not (or no longer) in the cache, such as feed entries.
CREATE TABLE article_state (
    url        TEXT    PRIMARY KEY,
    read       INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    read_at    REAL,
    starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    starred_at REAL,
    note       TEXT
) WITHOUT ROWID;
CREATE INDEX article_state_starred ON article_state (starred_at DESC) WHERE starred = 1;

CREATE TABLE collections (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    name_key   TEXT    NOT NULL UNIQUE,     -- case-folded name: "Kopi" and "kopi" are one
    builtin    TEXT    UNIQUE,              -- 'read-later' for the built-in collection
    created_at REAL    NOT NULL
);
INSERT INTO collections (name, name_key, builtin, created_at)
VALUES ('Read later', 'read later', 'read-later', 0);

-- An article saved to a collection. Title and outlet are copied so the item is complete
-- on its own whatever happens to the cache.
CREATE TABLE collection_items (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    url           TEXT    NOT NULL,
    added_at      REAL    NOT NULL,
    title         TEXT    NOT NULL,
    outlet        TEXT    NOT NULL,
    PRIMARY KEY (collection_id, url)
) WITHOUT ROWID;
CREATE INDEX collection_items_added ON collection_items (collection_id, added_at DESC);
CREATE INDEX collection_items_url ON collection_items (url);
