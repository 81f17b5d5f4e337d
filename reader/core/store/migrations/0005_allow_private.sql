-- 0005: the private-address policy per source (reader.core.net.reach, issue 13 §1).
--
--   USER STATE: sources.allow_private is the user's choice ("kabar add --allow-private",
--     the source's menu in the window): automatic fetches for this source (item pages,
--     pictures, redirects, next pages) may reach loopback and local-network addresses.
--     Off by default. A fetch the policy refused is recorded on its entry as
--     fetch_error 'refused: points into a private network (...)', which the source's
--     status counts (partial index below), so a refusal is never a silent gap.

ALTER TABLE sources ADD COLUMN allow_private INTEGER NOT NULL DEFAULT 0
    CHECK (allow_private IN (0, 1));
CREATE INDEX entries_refused ON entries (source_id) WHERE fetch_error LIKE 'refused:%';
