-- Each phone signs its webhooks with a key of its own (handed to it in GET /mobile/v1/settings), so a phone
-- cannot sign events in another phone's name (audit F6). Made on the phone's first settings fetch.
ALTER TABLE devices ADD COLUMN webhook_signing_key TEXT;

-- Phones paired before this version know only the account's key; until they fetch their own, webhooks signed
-- with the account's key are still accepted from them (and only from them).
ALTER TABLE devices ADD COLUMN account_key_allowed INTEGER NOT NULL DEFAULT 0;
UPDATE devices SET account_key_allowed = 1;
