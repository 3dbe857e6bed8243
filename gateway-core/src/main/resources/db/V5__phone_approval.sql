-- A phone registered with the private token waits for the admin's approval (audit F2): until then it gets no
-- messages, webhooks, settings or signing key, and sends are never assigned to it. Phones paired before are
-- approved.
ALTER TABLE devices ADD COLUMN approved INTEGER NOT NULL DEFAULT 1;
