-- Leads from the website form; contact details never leave this service.
CREATE TABLE lead (
    lead_id     TEXT PRIMARY KEY,
    lead_type   TEXT        NOT NULL,
    region      TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
