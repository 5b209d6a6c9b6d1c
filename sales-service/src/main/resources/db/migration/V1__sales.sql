-- One row per billing payment: the payment id makes a redelivered payment a no-op.
CREATE TABLE sale (
    sale_id               TEXT PRIMARY KEY,
    partner_id            TEXT        NOT NULL,
    client_account_id     TEXT        NOT NULL,
    paid_at               TIMESTAMPTZ NOT NULL,
    list_price_kopecks    BIGINT      NOT NULL CHECK (list_price_kopecks >= 0),
    partner_price_kopecks BIGINT      NOT NULL CHECK (partner_price_kopecks >= 0),
    recorded_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX sale_partner_paid_at ON sale (partner_id, paid_at);

CREATE TABLE sale_line (
    sale_id               TEXT    NOT NULL REFERENCES sale (sale_id),
    line_no               INT     NOT NULL,
    kind                  TEXT    NOT NULL,
    product_code          TEXT    NOT NULL,
    period_months         INT     NOT NULL CHECK (period_months > 0),
    list_price_kopecks    BIGINT  NOT NULL CHECK (list_price_kopecks >= 0),
    partner_price_kopecks BIGINT  NOT NULL CHECK (partner_price_kopecks >= 0),
    discount_rule_id      TEXT,
    PRIMARY KEY (sale_id, line_no)
);
