-- 0010: one article shows one title, one date and one outlet in every list.
--
-- articles.first_seen: when the library first stored the article (fetched_at moves on every
--   revalidation). It is the last resort for an article's date: the page's own date, else the
--   date a feed gave the item, else when Kabar first saw it. NULL on rows stored before this
--   migration: their fetched_at stands in.
-- articles.sort_at and entries.sort_at then hold that same date for the same article, and
-- articles.outlet the site's name, else the feed's title (never an IP address); both are kept
-- in step by store/articles.py settle() whenever an article or a feed item arrives.

ALTER TABLE articles ADD COLUMN first_seen REAL;
