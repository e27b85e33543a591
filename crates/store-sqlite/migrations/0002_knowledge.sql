-- What extraction found in each article (JSON, as tre-extract produced it), and the knowledge
-- base derived from it. The derived tables are rebuilt from `articles.facts` by the knowledge
-- catch-up (tre-kb); nothing in them is entered by hand.
ALTER TABLE articles ADD COLUMN facts TEXT;
ALTER TABLE articles ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 0;

-- People, bodies, places and documents, under the extractor's stable ids ("person:…").
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL
);

-- Every form an entity was written in, folded for lookup ("bui thanh son").
CREATE TABLE entity_names (
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (entity_id, name)
);
CREATE INDEX entity_names_key ON entity_names (key);

-- Which articles mention which entities, how often, and where first.
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- The officeholder ledger: every (person, title) an article states, with the date it was seen.
CREATE TABLE offices (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    head TEXT NOT NULL,
    rank INTEGER NOT NULL,
    seen_on TEXT,
    span_start INTEGER,
    span_end INTEGER
);
CREATE INDEX offices_person ON offices (person_id);
CREATE INDEX offices_title ON offices (title_key);
CREATE INDEX offices_article ON offices (article_id);

-- Numbered documents cited by articles.
CREATE TABLE citations (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    document_date TEXT,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, document_id)
);
CREATE INDEX citations_document ON citations (document_id);

-- Events, once per occurrence in an article, and who took part.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT,
    place TEXT,
    place_id TEXT,
    span_start INTEGER,
    span_end INTEGER
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (date);

CREATE TABLE event_participants (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
CREATE INDEX event_participants_person ON event_participants (person_id);

-- The pillars of diplomacy each article is about, with the evidence that decided it.
CREATE TABLE pillars (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    pillar TEXT NOT NULL,
    score REAL NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (article_id, pillar)
);
CREATE INDEX pillars_pillar ON pillars (pillar);
