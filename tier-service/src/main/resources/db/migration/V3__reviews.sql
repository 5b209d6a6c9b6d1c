-- The 6-monthly review (issue 6): each partner's review is queued at most once per review date,
-- whichever instance runs it and however often it is restarted; each run is recorded.
ALTER TABLE partner ADD COLUMN last_review_date DATE;

CREATE TABLE review_run (
    review_date       DATE PRIMARY KEY,
    rules_version     TEXT        NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    partners_reviewed BIGINT      NOT NULL DEFAULT 0
);
