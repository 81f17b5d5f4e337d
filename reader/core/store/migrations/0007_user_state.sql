-- 0007: the registry of user-state tables (reader/core/store/userstate.py, issue 13 §2).
--
-- Every change to a registered table is written, in the same transaction, to a second
-- file beside the library (library.userstate.sqlite3), together with the content of
-- saved and starred articles. A damaged library is rebuilt from that copy; a damaged
-- copy is rebuilt from the library. Nothing the user saved depends on one file.
--
-- TO REGISTER A USER-STATE TABLE, add one line to the migration that creates it:
--
--     INSERT INTO user_state_tables (name, columns) VALUES ('my_table', NULL);
--
-- columns NULL copies every column; a space-separated list copies only those (for a
-- table that mixes user state with bookkeeping rewritten all the time, like sources).
-- The table needs a primary key (or a rowid). Cache tables must never be registered:
-- they are large and re-fetchable; the content of saved and starred articles is copied
-- by the mechanism itself.

CREATE TABLE user_state_tables (
    name    TEXT PRIMARY KEY,
    columns TEXT                    -- NULL: all columns; else space-separated names
) WITHOUT ROWID;

-- How many user-state transactions the library has seen; the copy records the same
-- number in the same transaction, so a copy that fell behind is noticed and rebuilt.
CREATE TABLE user_state_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO user_state_generation (id, generation) VALUES (1, 0);

INSERT INTO user_state_tables (name, columns) VALUES
    ('article_state', NULL),
    ('collections', NULL),
    ('collection_items', NULL),
    ('folders', NULL),
    ('sources', 'id url url_key title custom_title site_url folder_id position full_text'
                || ' interval_s allow_private created_at'),
    ('sync_accounts', NULL),
    ('sync_feeds', NULL),
    ('sync_changes', NULL),
    ('import_jobs', NULL),
    ('import_items', NULL);
