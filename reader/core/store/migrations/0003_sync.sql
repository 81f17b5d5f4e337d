-- 0003: sync with a Google Reader API server (reader/core/sync).
--
-- All USER STATE (never evicted). The sync_feeds / sync_items / sync_item_labels rows are
-- what Kabar and the server agreed on at the last complete sync: the base of every
-- three-way comparison (what changed here, what changed there). sync_changes queues
-- the reader's own changes to read/starred/collections, written by triggers, so every
-- path (window, CLI, refresh) is covered; a sync sends them and deletes them in the
-- same transaction that records the new base. Triggers stay silent while a sync
-- applies the server's changes (a sync_applying row exists only inside that
-- transaction) and while no account exists.

CREATE TABLE sync_accounts (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,  -- "user@host": what the reader sees and names
    api_url       TEXT    NOT NULL,         -- the Google Reader API base
    username      TEXT    NOT NULL,
    token_store   TEXT    NOT NULL CHECK (token_store IN ('keyring', 'file')),
    created_at    REAL    NOT NULL,
    synced_at     REAL,                     -- last complete sync (the base's time)
    last_error    TEXT,
    last_error_at REAL
);

-- A subscription as each side last showed it. source_id turns NULL when the reader
-- removes the source here (that is how a local unsubscribe is seen). Title and folder are
-- kept per side: servers put feeds without a folder in a default one ("Uncategorized",
-- "All"), which must not read as the reader moving them.
CREATE TABLE sync_feeds (
    account_id INTEGER NOT NULL REFERENCES sync_accounts (id) ON DELETE CASCADE,
    stream_id  TEXT    NOT NULL,            -- "feed/12" (FreshRSS), "feed/http://…" (Inoreader)
    url_key    TEXT    NOT NULL,            -- canonical feed address
    source_id  INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    title      TEXT    NOT NULL,            -- on the server
    folder     TEXT    NOT NULL DEFAULT '', -- on the server: its label, '' for none
    local_title  TEXT  NOT NULL,            -- here
    local_folder TEXT  NOT NULL DEFAULT '', -- here: folder path joined by '/', '' at the top
    PRIMARY KEY (account_id, stream_id)
) WITHOUT ROWID;
CREATE INDEX sync_feeds_source ON sync_feeds (source_id);

-- An item the server told Kabar about, with its flags as last agreed.
CREATE TABLE sync_items (
    account_id  INTEGER NOT NULL REFERENCES sync_accounts (id) ON DELETE CASCADE,
    item_key    TEXT    NOT NULL,           -- normalised id (reader/core/sync/ids.py)
    stream_id   TEXT    NOT NULL,
    article_url TEXT,                       -- canonical link: the library's identity
    read        INTEGER NOT NULL CHECK (read IN (0, 1)),
    starred     INTEGER NOT NULL CHECK (starred IN (0, 1)),
    PRIMARY KEY (account_id, item_key)
) WITHOUT ROWID;
CREATE INDEX sync_items_url ON sync_items (article_url);

-- Item labels (collections) as last agreed.
CREATE TABLE sync_item_labels (
    account_id INTEGER NOT NULL REFERENCES sync_accounts (id) ON DELETE CASCADE,
    label      TEXT    NOT NULL,
    item_key   TEXT    NOT NULL,
    PRIMARY KEY (account_id, label, item_key)
) WITHOUT ROWID;

-- The reader's changes not yet sent. kind: read | starred | label (collection_id set).
CREATE TABLE sync_changes (
    id            INTEGER PRIMARY KEY,
    url           TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('read', 'starred', 'label')),
    collection_id INTEGER,
    value         INTEGER NOT NULL CHECK (value IN (0, 1)),
    changed_at    REAL    NOT NULL
);
CREATE INDEX sync_changes_url ON sync_changes (url);

CREATE TABLE sync_applying (since REAL NOT NULL);

CREATE TRIGGER sync_read_new AFTER INSERT ON article_state
WHEN NEW.read = 1 AND EXISTS (SELECT 1 FROM sync_accounts)
     AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO sync_changes (url, kind, value, changed_at)
    VALUES (NEW.url, 'read', 1, (julianday('now') - 2440587.5) * 86400.0);
END;

CREATE TRIGGER sync_starred_new AFTER INSERT ON article_state
WHEN NEW.starred = 1 AND EXISTS (SELECT 1 FROM sync_accounts)
     AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO sync_changes (url, kind, value, changed_at)
    VALUES (NEW.url, 'starred', 1, (julianday('now') - 2440587.5) * 86400.0);
END;

CREATE TRIGGER sync_read_changed AFTER UPDATE OF read ON article_state
WHEN OLD.read IS NOT NEW.read AND EXISTS (SELECT 1 FROM sync_accounts)
     AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO sync_changes (url, kind, value, changed_at)
    VALUES (NEW.url, 'read', NEW.read, (julianday('now') - 2440587.5) * 86400.0);
END;

CREATE TRIGGER sync_starred_changed AFTER UPDATE OF starred ON article_state
WHEN OLD.starred IS NOT NEW.starred AND EXISTS (SELECT 1 FROM sync_accounts)
     AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO sync_changes (url, kind, value, changed_at)
    VALUES (NEW.url, 'starred', NEW.starred, (julianday('now') - 2440587.5) * 86400.0);
END;

CREATE TRIGGER sync_saved AFTER INSERT ON collection_items
WHEN EXISTS (SELECT 1 FROM sync_accounts) AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO sync_changes (url, kind, collection_id, value, changed_at)
    VALUES (NEW.url, 'label', NEW.collection_id, 1, (julianday('now') - 2440587.5) * 86400.0);
END;

CREATE TRIGGER sync_unsaved AFTER DELETE ON collection_items
WHEN EXISTS (SELECT 1 FROM sync_accounts) AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
    INSERT INTO sync_changes (url, kind, collection_id, value, changed_at)
    VALUES (OLD.url, 'label', OLD.collection_id, 0, (julianday('now') - 2440587.5) * 86400.0);
END;
