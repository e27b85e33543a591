-- Entity lookup matches typed prefixes with a range (key >= p AND key < p || U+10FFFF), which is
-- only a prefix test under byte order. The database's default collation (e.g. en_US.UTF-8)
-- ignores punctuation at the first level, so '%' would match almost everything; keys compare
-- as bytes instead, as they do in SQLite.
ALTER TABLE entity_names ALTER COLUMN key TYPE TEXT COLLATE "C";
