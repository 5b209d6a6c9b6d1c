package ru.moysklad.partners.bonus.domain;

import java.time.Instant;
import java.util.List;

/** A partner's ledger over a period: the balance before it, its entries in order, and the balance after. */
public record Statement(String partnerId, Instant from, Instant to, long openingBalance, List<LedgerEntry> entries, long closingBalance) {

    public static Statement of(String partnerId, Instant from, Instant to, long openingBalance, List<LedgerEntry> entries) {
        long closing = openingBalance + entries.stream().mapToLong(LedgerEntry::points).sum();
        return new Statement(partnerId, from, to, openingBalance, List.copyOf(entries), closing);
    }
}
