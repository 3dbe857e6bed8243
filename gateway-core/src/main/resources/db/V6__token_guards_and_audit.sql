-- Per-token guards (issue 15), kept per token family so that refreshed tokens keep them. budget_key is the
-- family whose daily budget a send charges: a rolled successor and a token minted by a guarded token share it.
CREATE TABLE token_guards (
    family             TEXT PRIMARY KEY,
    budget_key         TEXT    NOT NULL,
    addresses          TEXT    NOT NULL,
    daily_budget       INTEGER,
    recipient_prefixes TEXT    NOT NULL,
    hours              TEXT,
    time_zone          TEXT    NOT NULL,
    updated_at         INTEGER NOT NULL
);

-- SMS sent per family and local day, charged in the transaction that stores the message.
CREATE TABLE token_budget_use (
    family TEXT    NOT NULL,
    day    TEXT    NOT NULL,
    used   INTEGER NOT NULL,
    PRIMARY KEY (family, day)
);

-- When a family last used each scope: the hygiene board's least-privilege suggestions.
CREATE TABLE token_scope_use (
    family       TEXT    NOT NULL,
    scope        TEXT    NOT NULL,
    last_used_at INTEGER NOT NULL,
    PRIMARY KEY (family, scope)
);

-- Who changed what, from where: kept apart from the event log, which floods and is trimmed by count.
CREATE TABLE audit_trail (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    user_id TEXT,
    actor   TEXT    NOT NULL,
    address TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT,
    detail  TEXT
);
CREATE INDEX ix_audit_trail_user_at ON audit_trail (user_id, at);
