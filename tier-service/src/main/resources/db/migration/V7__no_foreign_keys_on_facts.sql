-- Issue 13: with its foreign key to partner, every new month of a partner (most of a sale's rows: a
-- partner's sales fall in a dozen months) made PostgreSQL look the partner up and lock its row
-- FOR KEY SHARE, a write to the partner's page for every new row: the engine's upsert of months cost
-- three times the bare JDBC shape's (docs/benchmarks.md). The engine alone writes these tables, and
-- always writes a partner's row first (HeldRecords.write, JdbcPartnerRecords.lock); BatchedFactsIT
-- checks that no row is left without its partner.
ALTER TABLE partner_month DROP CONSTRAINT partner_month_partner_id_fkey;
ALTER TABLE partner_onboarding DROP CONSTRAINT partner_onboarding_partner_id_fkey;
