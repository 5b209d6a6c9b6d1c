-- The partner's lead record (issue 6): lead-service's assignments, how each ended, the outcomes and
-- the partner's response time, per partner and calendar month like the other figures. Shown in the
-- standing; judged at a review only where a rule set asks for K-LEADS.
ALTER TABLE partner_month
    ADD COLUMN leads_assigned        BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN leads_accepted        BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN leads_declined        BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN leads_missed          BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN leads_withdrawn       BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN leads_won             BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN leads_lost            BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN lead_response_seconds BIGINT NOT NULL DEFAULT 0;
