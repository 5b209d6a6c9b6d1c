-- The partner registry; issue 4 adds employees, onboarding steps and billing access.
CREATE TABLE partner (
    partner_id         TEXT PRIMARY KEY,
    legal_name         TEXT        NOT NULL,
    tax_id             TEXT        NOT NULL,
    country            CHAR(2)     NOT NULL,
    region             TEXT        NOT NULL,
    account_manager_id TEXT,
    registered_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (country, tax_id)
);
