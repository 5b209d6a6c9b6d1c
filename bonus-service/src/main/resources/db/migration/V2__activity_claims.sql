-- Marketing activity claims (issue 7): submitted by partners, decided by vendor staff once.
CREATE TABLE activity_claim (
    claim_id        TEXT PRIMARY KEY,
    partner_id      TEXT        NOT NULL,
    activity_type   TEXT        NOT NULL,
    activity_date   DATE        NOT NULL,
    evidence_url    TEXT,
    description     TEXT        NOT NULL,
    state           TEXT        NOT NULL,
    points          INTEGER,
    decided_by      TEXT,
    decision_reason TEXT,
    submitted_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ
);
CREATE INDEX activity_claim_by_partner ON activity_claim (partner_id, submitted_at);
CREATE INDEX activity_claim_waiting ON activity_claim (submitted_at) WHERE state = 'SUBMITTED';
