-- 0004: imports from read-it-later services and bookmark files (reader.core.transfer).
--
--   USER STATE (never evicted): import_jobs and import_items. A job is one import file
--     (identified by the SHA-256 of its bytes, so importing the same file again adds
--     nothing twice); its items are the links it brought, each with where fetching its
--     article stands. A quit in the middle leaves items 'pending': the next start (or
--     `kabar import --resume`) fetches the rest. `content` holds the article as the
--     service exported it (wallabag, Omnivore; zlib) until the article is in the library:
--     when the page is gone, that copy is the article.
--   import_items.url is the canonical address the link was saved under (the library's
--     identity form); collection_items and article_state rows refer to it by text.
--
-- Times are Unix seconds (REAL, UTC), as in 0001.

CREATE TABLE import_jobs (
    id          INTEGER PRIMARY KEY,
    digest      TEXT    NOT NULL UNIQUE,    -- sha256 of the file's bytes
    format      TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    started_at  REAL    NOT NULL,
    finished_at REAL,                       -- NULL while items are still to fetch
    links       INTEGER NOT NULL DEFAULT 0,
    problems    TEXT    NOT NULL DEFAULT '' -- the rows not imported, one per line
);

CREATE TABLE import_items (
    job_id      INTEGER NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    url         TEXT    NOT NULL,
    fetch_url   TEXT    NOT NULL,           -- the address as the file gave it
    title       TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'done', 'exported', 'failed')),
    error       TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    content     BLOB,
    published   TEXT,                       -- what the service said of the article, for
    author      TEXT,                       --   the exported copy (wallabag, Omnivore)
    PRIMARY KEY (job_id, url)
) WITHOUT ROWID;
CREATE INDEX import_items_url ON import_items (url);
CREATE INDEX import_items_todo ON import_items (job_id) WHERE state IN ('pending', 'failed');
