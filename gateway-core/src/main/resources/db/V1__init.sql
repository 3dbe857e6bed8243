-- Accounts. The login is the public user id (user_id claim, Basic login).
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    password_hash TEXT    NOT NULL,
    is_primary    INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

-- Phones. ext_id is the public 21-char id; the device token is stored only as a SHA-256 hash.
CREATE TABLE devices (
    id          INTEGER PRIMARY KEY,
    ext_id      TEXT    NOT NULL UNIQUE,
    user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL DEFAULT '',
    token_hash  TEXT    NOT NULL UNIQUE,
    push_token  TEXT,
    sim_cards   TEXT,
    app_version TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL
);
CREATE INDEX ix_devices_user ON devices (user_id);

-- Outgoing messages. INTEGER key for fast inserts; the public id is unique per account.
-- recipients and states are JSON documents, written with the row in one insert.
CREATE TABLE messages (
    id                   INTEGER PRIMARY KEY,
    ext_id               TEXT    NOT NULL,
    user_id              TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id            INTEGER REFERENCES devices (id) ON DELETE CASCADE,
    type                 TEXT    NOT NULL,
    content              TEXT    NOT NULL,
    recipients           TEXT    NOT NULL,
    states               TEXT    NOT NULL,
    state                TEXT    NOT NULL,
    valid_until          INTEGER,
    schedule_at          INTEGER,
    sim_number           INTEGER,
    with_delivery_report INTEGER NOT NULL,
    priority             INTEGER NOT NULL DEFAULT 0,
    is_hashed            INTEGER NOT NULL DEFAULT 0,
    is_encrypted         INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    UNIQUE (user_id, ext_id)
);
CREATE INDEX ix_messages_user_created ON messages (user_id, created_at);
CREATE INDEX ix_messages_user_state_created ON messages (user_id, state, created_at);
CREATE INDEX ix_messages_device_state ON messages (device_id, state);

-- Issued JWTs (never the token itself). family groups a token with all its refresh rotations.
CREATE TABLE tokens (
    jti          TEXT PRIMARY KEY,
    user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_use    TEXT    NOT NULL CHECK (token_use IN ('access', 'refresh')),
    parent_jti   TEXT,
    family       TEXT    NOT NULL,
    name         TEXT,
    scopes       TEXT    NOT NULL,
    ttl_seconds  INTEGER NOT NULL,
    minted_by    TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    last_used_at INTEGER,
    use_count    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_tokens_user_created ON tokens (user_id, created_at);
CREATE INDEX ix_tokens_parent ON tokens (parent_jti);
CREATE INDEX ix_tokens_family ON tokens (family);

-- Webhook registrations handed to the phones. internal = SMSDesk's own receivers (hidden from the API).
CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY,
    ext_id     TEXT    NOT NULL,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id  INTEGER REFERENCES devices (id) ON DELETE CASCADE,
    url        TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    internal   INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, ext_id)
);

-- One settings document (JSON) per account.
CREATE TABLE user_settings (
    user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    document   TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Gateway-wide settings (JWT on/off, TTLs, default region, retention), key/value.
CREATE TABLE gateway_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The gateway's own event log. user_id NULL = gateway-wide (e.g. a failed login for an unknown user).
CREATE TABLE event_log (
    id         INTEGER PRIMARY KEY,
    user_id    TEXT,
    priority   TEXT    NOT NULL,
    module     TEXT    NOT NULL,
    message    TEXT    NOT NULL,
    context    TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_event_log_user_created ON event_log (user_id, created_at);
CREATE INDEX ix_event_log_created ON event_log (created_at);

-- Incoming SMS/MMS reported by the phones.
CREATE TABLE incoming_messages (
    id          INTEGER PRIMARY KEY,
    ext_id      TEXT    NOT NULL,
    user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id   INTEGER REFERENCES devices (id) ON DELETE SET NULL,
    type        TEXT    NOT NULL,
    sender      TEXT    NOT NULL,
    recipient   TEXT,
    sim_number  INTEGER,
    content     TEXT    NOT NULL,
    dedup_key   TEXT,
    received_at INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (user_id, ext_id)
);
CREATE INDEX ix_incoming_user_created ON incoming_messages (user_id, created_at);
CREATE UNIQUE INDEX ix_incoming_dedup ON incoming_messages (user_id, dedup_key) WHERE dedup_key IS NOT NULL;
