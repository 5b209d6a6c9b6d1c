-- The ledger (issue 7): each entry names the rule that booked it (B4, ACTIVITY, B7, REDEMPTION, ...).
ALTER TABLE bonus_ledger_entry ADD COLUMN rule_id TEXT NOT NULL DEFAULT 'OTHER';
