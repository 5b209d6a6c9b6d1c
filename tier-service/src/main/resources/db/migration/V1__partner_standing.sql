-- A partner's figures and current status, as far as the events applied so far tell.
CREATE TABLE partner_standing (
    partner_id               TEXT PRIMARY KEY,
    status                   TEXT        NOT NULL,
    cumulative_sales_kopecks BIGINT      NOT NULL DEFAULT 0,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
