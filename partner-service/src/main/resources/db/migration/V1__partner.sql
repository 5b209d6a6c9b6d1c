-- The partner registry. version guards against lost updates (optimistic locking).
CREATE TABLE partner (
    partner_id              TEXT PRIMARY KEY,
    legal_name              TEXT        NOT NULL,
    tax_id                  TEXT        NOT NULL,
    country                 CHAR(2)     NOT NULL,
    region                  TEXT        NOT NULL,
    website                 TEXT,
    administrator_name      TEXT        NOT NULL,
    administrator_email     TEXT        NOT NULL,
    account_manager_id      TEXT        NOT NULL,
    registered_at           TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0,
    program_acknowledged_at TIMESTAMPTZ,          -- S1
    offer_accepted_at       TIMESTAMPTZ,          -- S3 (public offer)
    contract_signed_at      TIMESTAMPTZ,          -- S3 (Kazakhstan, Uzbekistan)
    contract_reference      TEXT,
    trained_at              TIMESTAMPTZ,          -- P1
    trained_employee        TEXT,
    verified_website        TEXT,                 -- P2
    website_verified_at     TIMESTAMPTZ,
    CONSTRAINT partner_tax_id_unique UNIQUE (country, tax_id)
);
