-- 0012: the cache's size, kept up to date as it changes (CACHE, derived from the cache tables).
--
--   cache_totals is one row: how many articles and pictures the cache holds and their bytes.
--   Triggers keep it in step with every insert, delete and size change of articles and
--   images, so `kabar cache stats` and eviction read one row instead of summing every row
--   (about half a second on a library of 100,000 articles and 2,000,000 pictures).
--   Rows that arrive with the triggers off (a library rebuilt from the copy of user state) or
--   from another library (a rolling backup) are counted again by store/cache.py recount().

CREATE TABLE cache_totals (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    articles      INTEGER NOT NULL,
    article_bytes INTEGER NOT NULL,
    images        INTEGER NOT NULL,
    image_bytes   INTEGER NOT NULL
);
INSERT INTO cache_totals (id, articles, article_bytes, images, image_bytes)
SELECT 1,
       (SELECT count(*) FROM articles), (SELECT coalesce(sum(size_bytes), 0) FROM articles),
       (SELECT count(*) FROM images), (SELECT coalesce(sum(size_bytes), 0) FROM images);

CREATE TRIGGER cache_totals_article_added AFTER INSERT ON articles
BEGIN
    UPDATE cache_totals SET articles = articles + 1,
        article_bytes = article_bytes + NEW.size_bytes WHERE id = 1;
END;
CREATE TRIGGER cache_totals_article_removed AFTER DELETE ON articles
BEGIN
    UPDATE cache_totals SET articles = articles - 1,
        article_bytes = article_bytes - OLD.size_bytes WHERE id = 1;
END;
CREATE TRIGGER cache_totals_article_resized AFTER UPDATE OF size_bytes ON articles
BEGIN
    UPDATE cache_totals SET article_bytes = article_bytes - OLD.size_bytes + NEW.size_bytes
        WHERE id = 1;
END;
CREATE TRIGGER cache_totals_image_added AFTER INSERT ON images
BEGIN
    UPDATE cache_totals SET images = images + 1,
        image_bytes = image_bytes + NEW.size_bytes WHERE id = 1;
END;
CREATE TRIGGER cache_totals_image_removed AFTER DELETE ON images
BEGIN
    UPDATE cache_totals SET images = images - 1,
        image_bytes = image_bytes - OLD.size_bytes WHERE id = 1;
END;
CREATE TRIGGER cache_totals_image_resized AFTER UPDATE OF size_bytes ON images
BEGIN
    UPDATE cache_totals SET image_bytes = image_bytes - OLD.size_bytes + NEW.size_bytes
        WHERE id = 1;
END;
