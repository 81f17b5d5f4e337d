-- 0008: the rest of sync's user state in the copy beside the library (0007_user_state.sql).
--
-- 0007 registered the accounts, the subscriptions' base and the queued changes. The items'
-- base is user state too: the map from server item ids to articles, and the read/starred
-- marks and labels both sides last agreed on. Lost, the next sync would take every item for
-- new and merge marks by union, undoing "mark unread" on either side. sync_applying is not
-- registered: it holds a row only inside a sync's own transaction.

INSERT OR IGNORE INTO user_state_tables (name, columns) VALUES
    ('sync_items', NULL),
    ('sync_item_labels', NULL);
