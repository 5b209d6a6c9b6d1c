package ru.moysklad.partners.bonus.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the append-only ledger. A balance is the sum of a partner's entries; each source books
 * once, so a redelivered event or a repeated request changes nothing.
 */
public interface BonusLedger {

    /** Books the entry unless its source already booked one; true when it was booked now. */
    boolean book(String partnerId, LedgerEntry entry);

    long balance(String partnerId);

    /**
     * Holds the partner's ledger until the transaction ends, so that a debit decided on the balance
     * read after it cannot race another debit.
     */
    void lock(String partnerId);

    /** The sum of the points booked by sources starting with the prefix (a sale's reversals, say). */
    long bookedByPrefix(String sourcePrefix);

    /** The entry a source booked, if it booked one. */
    Optional<LedgerEntry> bookedBy(String sourceId);

    /** The balance from every entry booked before the moment. */
    long balanceBefore(String partnerId, Instant moment);

    /** Partners with a credit booked before the moment: those whose points may have expired. */
    List<String> partnersWithCreditsBefore(Instant moment);

    /** The entries booked in [from, to), in booking order. */
    List<LedgerEntry> entries(String partnerId, Instant from, Instant to);
}
