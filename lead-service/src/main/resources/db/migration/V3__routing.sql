-- Routing (issue 8): what lead-service knows of each partner, from partner-service's and
-- tier-service's events.
CREATE TABLE routing_partner (
    partner_id           TEXT PRIMARY KEY,
    home_region          TEXT,
    -- the regions it serves: its lead preferences, else its own region
    regions              TEXT[]  NOT NULL DEFAULT '{}',
    preferences_set      BOOLEAN NOT NULL DEFAULT false,
    -- null: leads.routing.default-max-open-leads
    max_open_leads       INTEGER,
    status               TEXT    NOT NULL DEFAULT 'APPLICANT',
    -- suspended (C2) as tier-service last said (PartnerStatusChanged) and as partner-service last said
    -- (PartnerSuspended / PartnerReinstated): either one is enough to stop its leads
    suspended_by_status  BOOLEAN NOT NULL DEFAULT false,
    suspended_by_partner BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX routing_partner_by_region ON routing_partner USING gin (regions);

-- How many leads each partner holds open now. A table of its own, so that an assignment taking a
-- place never waits on news of the partner being written, nor the other way round.
CREATE TABLE partner_load (
    partner_id TEXT PRIMARY KEY,
    open_leads INTEGER NOT NULL DEFAULT 0 CHECK (open_leads >= 0)
);

-- Each partner's standing in a lead region's rotation: leads received per unit of weight, in millionths.
CREATE TABLE rotation (
    region     TEXT   NOT NULL,
    partner_id TEXT   NOT NULL,
    pass       BIGINT NOT NULL,
    PRIMARY KEY (region, partner_id)
);

-- Where each lead stands. NEW: not routed yet (only leads received before routing existed).
ALTER TABLE lead
    ADD COLUMN state             TEXT NOT NULL DEFAULT 'NEW',
    ADD COLUMN partner_id        TEXT,
    ADD COLUMN partner_status    TEXT,
    ADD COLUMN attempt           INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN offered_at        TIMESTAMPTZ,
    ADD COLUMN respond_by        TIMESTAMPTZ,
    ADD COLUMN accepted_at       TIMESTAMPTZ,
    ADD COLUMN outcome_at        TIMESTAMPTZ,
    ADD COLUMN client_account_id TEXT,
    ADD COLUMN lost_reason       TEXT,
    ADD COLUMN queued_at         TIMESTAMPTZ,
    ADD COLUMN queue_reason      TEXT;
CREATE INDEX lead_awaiting_answer ON lead (respond_by) WHERE state = 'OFFERED';
CREATE INDEX lead_not_routed ON lead (received_at) WHERE state = 'NEW';
CREATE INDEX lead_in_vendor_queue ON lead (queued_at) WHERE state = 'VENDOR_QUEUE';
CREATE INDEX lead_by_received ON lead (received_at);
CREATE INDEX lead_by_partner ON lead (partner_id) WHERE partner_id IS NOT NULL;

-- Every assignment of a lead and how it ended: the partner's record of answers, and the lead's history.
CREATE TABLE offer (
    lead_id          TEXT        NOT NULL REFERENCES lead (lead_id),
    attempt          INTEGER     NOT NULL,
    partner_id       TEXT        NOT NULL,
    partner_status   TEXT        NOT NULL,
    offered_at       TIMESTAMPTZ NOT NULL,
    respond_by       TIMESTAMPTZ NOT NULL,
    reason           TEXT        NOT NULL,
    -- ACCEPTED, DECLINED, MISSED (deadline passed) or WITHDRAWN (partner no longer eligible); null while awaited
    answer           TEXT,
    answered_at      TIMESTAMPTZ,
    response_seconds BIGINT,
    comment          TEXT,
    PRIMARY KEY (lead_id, attempt)
);
CREATE INDEX offer_by_partner ON offer (partner_id, offered_at);
