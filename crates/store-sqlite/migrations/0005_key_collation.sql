-- SQLite already compares text as bytes (BINARY), which the prefix-range lookup on
-- entity_names.key relies on; this version exists so both backends keep the same schema
-- history (see tre-store-postgres 0005).
SELECT 1;
