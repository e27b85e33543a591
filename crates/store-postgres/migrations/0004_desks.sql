-- Desks (a country, a region, an organisation, a theme) and the situations officers follow.
-- A desk's definition is JSON: {"places": [...], "entities": [...], "documents": [...],
-- "pillars": [...], "keywords": [...]}, names as the press writes them.
CREATE TABLE desks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    officers TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE situations (
    id TEXT PRIMARY KEY,
    desk_id TEXT,
    title TEXT NOT NULL,
    query TEXT NOT NULL,
    owner TEXT,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_briefed_day TEXT
);
CREATE INDEX situations_desk ON situations (desk_id);

-- What happened to a situation: created, status and owner changes, acknowledgements, notes.
CREATE TABLE situation_log (
    situation_id TEXT NOT NULL REFERENCES situations (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX situation_log_situation ON situation_log (situation_id, at);
