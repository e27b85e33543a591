-- Need-to-know: what each record's classification is and which countries an article
-- concerns (see tre-access), accounts, sessions and the hash-chained audit log.

-- Classification rank (0: ordinary published news).
ALTER TABLE articles ADD COLUMN classification INTEGER NOT NULL DEFAULT 0;
-- ISO codes of the countries an article concerns, each with a space before and after
-- (' JP VN '), so that "concerns JP" is one LIKE '% JP %' on either backend.
ALTER TABLE articles ADD COLUMN countries TEXT NOT NULL DEFAULT '';
ALTER TABLE desks ADD COLUMN classification INTEGER NOT NULL DEFAULT 0;
ALTER TABLE situations ADD COLUMN classification INTEGER NOT NULL DEFAULT 0;

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    -- Argon2id PHC string; NULL until a password is set (a one-time code is pending).
    password_hash TEXT,
    role TEXT NOT NULL,
    clearance INTEGER NOT NULL,
    -- '*' (the whole service) or ISO country codes separated by spaces.
    scope TEXT NOT NULL,
    mission TEXT,
    language TEXT NOT NULL,
    disabled INTEGER NOT NULL,
    must_change_password INTEGER NOT NULL,
    failed_logins INTEGER NOT NULL,
    locked_until BIGINT,
    -- SHA-256 of a one-time sign-in code, and its expiry.
    one_time_code TEXT,
    one_time_expires BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_login_at BIGINT
);

-- Signed-in sessions, by the SHA-256 of their token (the token itself is never stored).
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    revoked_at BIGINT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit log: each entry chained to the one before by its hash and sealed with a key
-- kept outside the database (see tre_access::audit).
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    outcome TEXT NOT NULL,
    level INTEGER NOT NULL,
    detail TEXT NOT NULL,
    ip TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    mac TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_at ON audit_log (at_ms);

-- The chain's last entry, sealed: deleting entries from the end shows.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    mac TEXT NOT NULL
);
