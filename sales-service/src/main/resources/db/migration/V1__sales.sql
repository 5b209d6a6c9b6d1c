-- One row per billing payment: the payment id makes a redelivered payment a no-op.
CREATE TABLE sale (
    sale_id               TEXT PRIMARY KEY,
    partner_id            TEXT        NOT NULL,
    client_account_id     TEXT        NOT NULL,
    paid_at               TIMESTAMPTZ NOT NULL,
    list_price_kopecks    BIGINT      NOT NULL CHECK (list_price_kopecks > 0),
    partner_price_kopecks BIGINT      NOT NULL CHECK (partner_price_kopecks >= 0),
    partner_status        TEXT        NOT NULL,  -- the status that priced it, at paid_at
    partner_suspended     BOOLEAN     NOT NULL,
    new_client            BOOLEAN     NOT NULL,
    refunded_list_kopecks    BIGINT   NOT NULL DEFAULT 0,
    refunded_partner_kopecks BIGINT   NOT NULL DEFAULT 0,
    recorded_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (refunded_list_kopecks <= list_price_kopecks AND refunded_partner_kopecks <= partner_price_kopecks)
);

CREATE INDEX sale_partner_paid_at ON sale (partner_id, paid_at);
CREATE INDEX sale_client ON sale (client_account_id);

CREATE TABLE sale_line (
    sale_id               TEXT    NOT NULL REFERENCES sale (sale_id),
    line_no               INT     NOT NULL,
    kind                  TEXT    NOT NULL,
    product_code          TEXT    NOT NULL,
    period_months         INT     NOT NULL CHECK (period_months > 0),
    list_price_kopecks    BIGINT  NOT NULL CHECK (list_price_kopecks > 0),
    partner_price_kopecks BIGINT  NOT NULL CHECK (partner_price_kopecks >= 0),
    discount_rule_id      TEXT    NOT NULL,     -- B1, B2, B3, or C2 / APPLICANT (no discount)
    discount_basis_points INT     NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);

-- Full or partial refunds, each once per refund id.
CREATE TABLE refund (
    refund_id             TEXT PRIMARY KEY,
    sale_id               TEXT        NOT NULL REFERENCES sale (sale_id),
    partner_id            TEXT        NOT NULL,
    refunded_at           TIMESTAMPTZ NOT NULL,
    list_price_kopecks    BIGINT      NOT NULL CHECK (list_price_kopecks > 0),
    partner_price_kopecks BIGINT      NOT NULL CHECK (partner_price_kopecks >= 0),
    recorded_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX refund_partner_refunded_at ON refund (partner_id, refunded_at);

-- A client account's first paid sale, and the partner it came through (new clients: B3, K5).
CREATE TABLE client_account (
    client_account_id TEXT PRIMARY KEY,
    first_sale_id     TEXT        NOT NULL,
    first_partner_id  TEXT        NOT NULL,
    first_paid_at     TIMESTAMPTZ NOT NULL
);

-- What partner-service and tier-service announced, kept as periods so a payment is priced with the
-- standing at its payment time.
CREATE TABLE known_partner (
    partner_id    TEXT PRIMARY KEY,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE partner_status_period (
    partner_id     TEXT        NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL,
    PRIMARY KEY (partner_id, effective_from)
);

CREATE TABLE partner_suspension_period (
    partner_id     TEXT        NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    suspended      BOOLEAN     NOT NULL,
    PRIMARY KEY (partner_id, effective_from)
);

-- B9: a Representative attached a paid client account to itself.
CREATE TABLE client_attachment (
    client_account_id TEXT PRIMARY KEY,
    partner_id        TEXT        NOT NULL,
    attached_at       TIMESTAMPTZ NOT NULL
);

-- Compliance flags for account managers (C1); at most one open flag per partner and rule.
CREATE TABLE compliance_flag (
    flag_id           TEXT PRIMARY KEY,
    partner_id        TEXT        NOT NULL,
    rule_id           TEXT        NOT NULL,
    client_account_id TEXT        NOT NULL,
    served_since      TIMESTAMPTZ NOT NULL,
    detail            TEXT        NOT NULL,
    raised_at         TIMESTAMPTZ NOT NULL,
    cleared_at        TIMESTAMPTZ
);

CREATE UNIQUE INDEX compliance_flag_open ON compliance_flag (partner_id, rule_id) WHERE cleared_at IS NULL;

-- Which day each daily check last ran for, so that several instances run it once.
CREATE TABLE daily_check (
    check_name TEXT PRIMARY KEY,
    last_day   DATE NOT NULL
);
