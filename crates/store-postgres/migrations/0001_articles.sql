-- Articles and the store's own identity. Text columns hold normalised text; list columns hold
-- JSON arrays of strings; times are unix milliseconds.
CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    section TEXT,
    title TEXT NOT NULL,
    lead TEXT,
    paragraphs TEXT NOT NULL,
    captions TEXT NOT NULL,
    credits TEXT NOT NULL,
    byline TEXT,
    source_line TEXT,
    published TEXT,
    page_date TEXT,
    content_hash TEXT NOT NULL,
    ingested_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);
