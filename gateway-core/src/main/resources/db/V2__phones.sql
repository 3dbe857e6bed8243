-- The key phones sign their webhooks with (handed to them in GET /mobile/v1/settings), one per account.
ALTER TABLE users ADD COLUMN webhook_signing_key TEXT;

-- Unassigned open messages are looked up on every phone pull.
CREATE INDEX ix_messages_user_unassigned ON messages (user_id, state) WHERE device_id IS NULL;
