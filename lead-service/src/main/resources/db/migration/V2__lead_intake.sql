-- Intake (issue 8): what the website's form said, normalised; contacts never leave lead-service.
ALTER TABLE lead
    ADD COLUMN company      TEXT,
    ADD COLUMN contact_name TEXT,
    ADD COLUMN phone        TEXT,
    ADD COLUMN email        TEXT,
    ADD COLUMN city         TEXT,
    ADD COLUMN company_size INTEGER,
    ADD COLUMN tariff       TEXT,
    ADD COLUMN industry     TEXT,
    ADD COLUMN comment      TEXT,
    ADD COLUMN franchise    BOOLEAN NOT NULL DEFAULT false;

-- The same contact within the duplicate window is the same lead: found by phone or by e-mail.
CREATE INDEX lead_by_phone ON lead (phone, received_at) WHERE phone IS NOT NULL;
CREATE INDEX lead_by_email ON lead (email, received_at) WHERE email IS NOT NULL;
