-- 0009: stories, the same event told by several outlets (reader/core/stories/).
--
--   GROUPING STATE (derived from the cache, rebuilt by grouping again): story_stats and
--     story_terms (document frequencies: the idf statistics), stories (each story's
--     centroid and time span), story_postings (term -> stories, by day: the candidates
--     for an arriving article), story_articles (which story each cached article is in;
--     it cascades from articles, so eviction needs nothing else).
--   USER STATE (never evicted): story_choices, the reader's splits and merges, by article
--     URL like article_state, so they hold across refreshes and re-fetches.
--
-- Term ids are 32-bit hashes of folded words; centroids are packed (term, weight) arrays.

CREATE TABLE story_stats (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO story_stats (name, value) VALUES ('documents', 0);

CREATE TABLE story_terms (
    term INTEGER PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    first_at   REAL,                 -- earliest and latest member time (NULL: none dated)
    last_at    REAL,
    size       INTEGER NOT NULL,
    norm       REAL    NOT NULL,
    centroid   BLOB    NOT NULL,
    title_norm REAL    NOT NULL,
    titles     BLOB    NOT NULL
);

CREATE TABLE story_postings (
    term     INTEGER NOT NULL,
    day      INTEGER NOT NULL,       -- days since 1970 of the member that posted it; -1 undated
    story_id INTEGER NOT NULL,
    PRIMARY KEY (term, day, story_id)
) WITHOUT ROWID;

CREATE TABLE story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE story_choices (
    url       TEXT PRIMARY KEY,      -- articles.url of the article the reader moved
    choice    TEXT NOT NULL CHECK (choice IN ('alone', 'with')),
    other_url TEXT,                  -- 'with': the article whose story it joins
    at        REAL NOT NULL
) WITHOUT ROWID;

-- The reader's splits and merges are user state: kept in the second file too (0007).
INSERT INTO user_state_tables (name, columns) VALUES ('story_choices', NULL);
