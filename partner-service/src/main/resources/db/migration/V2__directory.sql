-- The public partner directory (issue 11): each partner's program status as tier-service last
-- announced it. A separate table: partner-service does not decide statuses, it only shows them.
CREATE TABLE program_status (
    partner_id TEXT PRIMARY KEY,
    status     TEXT        NOT NULL,
    -- suspended (C2) as tier-service said; partner-service's own partner.suspended counts as well
    suspended  BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX program_status_listed ON program_status (status) WHERE NOT suspended;
