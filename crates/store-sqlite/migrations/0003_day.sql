-- The day an article belongs to for briefings and trends: its publication date, or the day it
-- arrived when it states none (Vietnam time; these rows are backfilled in UTC).
ALTER TABLE articles ADD COLUMN day TEXT;
UPDATE articles SET day = COALESCE(substr(published, 1, 10), date(ingested_at / 1000, 'unixepoch'));
CREATE INDEX articles_day ON articles (day);
