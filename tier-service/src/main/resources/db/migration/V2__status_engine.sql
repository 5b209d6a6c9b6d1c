-- The status engine (issue 6): a partner's facts month by month, its onboarding facts, its status
-- on record and the history of every change, replacing the walking skeleton's single standing row.
CREATE TABLE partner (
    partner_id               TEXT PRIMARY KEY,
    status                   TEXT        NOT NULL,
    suspended                BOOLEAN     NOT NULL DEFAULT false,
    status_since             TIMESTAMPTZ NOT NULL,
    cumulative_sales_kopecks BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX partner_by_status ON partner (status);

-- S1-S3, P1, P2 as partner-service last reported them.
CREATE TABLE partner_onboarding (
    partner_id  TEXT        NOT NULL REFERENCES partner,
    rule_id     TEXT        NOT NULL,
    met         BOOLEAN     NOT NULL,
    valid_until TIMESTAMPTZ,
    PRIMARY KEY (partner_id, rule_id)
);

-- One row per partner and calendar month (program time zone): quarters, years and trailing
-- twelve months are sums of these.
CREATE TABLE partner_month (
    partner_id       TEXT   NOT NULL REFERENCES partner,
    month            DATE   NOT NULL,
    sales_kopecks    BIGINT NOT NULL DEFAULT 0,
    marketing_points BIGINT NOT NULL DEFAULT 0,
    industry_events  BIGINT NOT NULL DEFAULT 0,
    success_stories  BIGINT NOT NULL DEFAULT 0,
    new_clients      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, month)
);

CREATE TABLE status_change (
    id                  BIGSERIAL PRIMARY KEY,
    partner_id          TEXT        NOT NULL,
    occurred_at         TIMESTAMPTZ NOT NULL,
    old_status          TEXT        NOT NULL,
    new_status          TEXT        NOT NULL,
    reason              TEXT        NOT NULL,
    suspended           BOOLEAN     NOT NULL,
    rules               JSONB       NOT NULL,
    rules_version       TEXT        NOT NULL,
    triggering_event_id TEXT        NOT NULL
);
CREATE INDEX status_change_by_partner ON status_change (partner_id, id);

-- The walking skeleton's partners keep their status and cumulative volume; it kept no months.
INSERT INTO partner (partner_id, status, status_since, cumulative_sales_kopecks)
SELECT partner_id, status, updated_at, cumulative_sales_kopecks FROM partner_standing;
DROP TABLE partner_standing;
