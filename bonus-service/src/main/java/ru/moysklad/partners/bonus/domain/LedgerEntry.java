package ru.moysklad.partners.bonus.domain;

import java.time.Instant;

/**
 * One line of a partner's bonus-points ledger: a credit (positive) or a debit (negative), the rule
 * that booked it, why, the event or request it came from (each books once), and when.
 */
public record LedgerEntry(long points, String ruleId, String reason, String sourceId, Instant bookedAt) {

    public LedgerEntry {
        if (points == 0) {
            throw new IllegalArgumentException("a ledger entry moves points");
        }
    }
}
