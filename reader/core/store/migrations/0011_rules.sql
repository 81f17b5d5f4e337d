-- 0011: rules ("mute" and highlight), the reader's own.
--
--   USER STATE (never evicted): rules. A rule looks at the title, or the title and the text,
--     of what arrives (refresh, sync) from one source (source_id) or from every source (NULL),
--     for any of some words or for a pattern, and then hides the item, marks it read, or
--     highlights it. Deleting a source deletes its own rules.
--   rule_hits: which rule caught which article, by the article's identity URL (the key user
--     state uses; text, not a foreign key, as in 0001). Hiding and highlighting are these
--     rows, so switching a rule off or deleting it gives back what it hid; "mark read" is
--     an ordinary read mark and stays.

CREATE TABLE rules (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL DEFAULT '',
    source_id  INTEGER REFERENCES sources (id) ON DELETE CASCADE,
    match_kind TEXT    NOT NULL CHECK (match_kind IN ('words', 'pattern')),
    match_text TEXT    NOT NULL,
    field      TEXT    NOT NULL CHECK (field IN ('title', 'text')),  -- 'text': title or text
    action     TEXT    NOT NULL CHECK (action IN ('hide', 'read', 'highlight')),
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    position   INTEGER NOT NULL DEFAULT 0,
    created_at REAL    NOT NULL
);

CREATE TABLE rule_hits (
    url     TEXT    NOT NULL,
    rule_id INTEGER NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    action  TEXT    NOT NULL CHECK (action IN ('hide', 'read', 'highlight')),
    at      REAL    NOT NULL,
    PRIMARY KEY (url, rule_id)
) WITHOUT ROWID;
CREATE INDEX rule_hits_rule ON rule_hits (rule_id);
CREATE INDEX rule_hits_hidden ON rule_hits (url) WHERE action = 'hide';

-- User state survives damage to one file (0007_user_state.sql): the rules, and what they hid
-- or highlighted, are copied beside the library in the same transaction.
INSERT INTO user_state_tables (name, columns) VALUES ('rules', NULL), ('rule_hits', NULL);
