-- Append-only: a balance is the sum of a partner's entries, never stored, never below zero.
CREATE TABLE bonus_ledger_entry (
    entry_id        BIGSERIAL PRIMARY KEY,
    partner_id      TEXT        NOT NULL,
    points          BIGINT      NOT NULL CHECK (points <> 0),
    reason          TEXT        NOT NULL,
    source_event_id TEXT        NOT NULL UNIQUE,
    booked_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX bonus_ledger_entry_partner ON bonus_ledger_entry (partner_id, booked_at);
