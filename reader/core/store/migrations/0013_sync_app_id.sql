-- 0013: the application id some servers want beside the login (Inoreader: the AppId and
-- AppKey headers on every request). The id names the application and may be shown; the
-- key is a secret and is kept like the login token (reader/core/sync/secrets.py), never
-- here. NULL: the server needs none (FreshRSS, Miniflux, The Old Reader…).
-- sync_accounts is registered as user state with all its columns (0007), so the copy
-- beside the library keeps this one too.

ALTER TABLE sync_accounts ADD COLUMN app_id TEXT;
