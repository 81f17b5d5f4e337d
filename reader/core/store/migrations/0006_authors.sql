-- 0006: an article's writers, one name each (CACHE: part of the articles row).
--
--   articles.authors is a JSON array of strings (["Ani Rahma", "Budi Santoso"]); NULL for
--   rows stored before this migration, read as []. articles.byline stays the display form.

ALTER TABLE articles ADD COLUMN authors TEXT;
