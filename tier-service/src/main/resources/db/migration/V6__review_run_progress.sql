-- Issue 13: a review run no longer claims each partner's review in its row (a write per partner,
-- then an outbox row written, read and deleted per partner: most of the 1,000,000-partner review's
-- time). It publishes a page of PartnerReviewDue at once and records here how far it got; the engine
-- marks each partner reviewed (last_review_date) as it applies the review.
ALTER TABLE review_run ADD COLUMN queued_through TEXT NOT NULL DEFAULT '';
