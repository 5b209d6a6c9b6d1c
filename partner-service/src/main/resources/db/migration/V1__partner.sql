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
    suspended               BOOLEAN     NOT NULL DEFAULT FALSE, -- C2
    suspended_at            TIMESTAMPTZ,
    suspension_reason       TEXT,
    administrator_billing_access BOOLEAN NOT NULL DEFAULT TRUE,
    regions_served          TEXT[]      NOT NULL,
    max_open_leads          INT         NOT NULL,
    CONSTRAINT partner_tax_id_unique UNIQUE (country, tax_id)
);

-- Employees belong to the partner aggregate: changing them bumps partner.version.
CREATE TABLE employee (
    employee_id    TEXT PRIMARY KEY,
    partner_id     TEXT        NOT NULL REFERENCES partner (partner_id),
    name           TEXT        NOT NULL,
    email          TEXT        NOT NULL,
    selling        BOOLEAN     NOT NULL,
    active         BOOLEAN     NOT NULL,
    added_at       TIMESTAMPTZ NOT NULL,
    deactivated_at TIMESTAMPTZ,
    best_score     INT,
    passed_at      TIMESTAMPTZ,
    attempts       INT         NOT NULL DEFAULT 0,
    billing_access TEXT        NOT NULL DEFAULT 'NONE'
);

-- Each employee has own credentials: one active employee per e-mail per partner.
CREATE UNIQUE INDEX employee_active_email ON employee (partner_id, email) WHERE active;

CREATE TABLE employee_test_attempt (
    employee_id  TEXT        NOT NULL REFERENCES employee (employee_id),
    attempted_at TIMESTAMPTZ NOT NULL,
    score        INT         NOT NULL CHECK (score BETWEEN 0 AND 100),
    pass_mark    INT         NOT NULL,
    passed       BOOLEAN     NOT NULL
);

CREATE INDEX employee_test_attempt_employee ON employee_test_attempt (employee_id, attempted_at);

-- Deliberate acts of vendor staff (C2 suspension and reinstatement, billing decisions): who, when, why.
CREATE TABLE partner_audit (
    entry_id   BIGSERIAL PRIMARY KEY,
    partner_id TEXT        NOT NULL REFERENCES partner (partner_id),
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    reason     TEXT        NOT NULL
);

CREATE INDEX partner_audit_partner ON partner_audit (partner_id, entry_id);
