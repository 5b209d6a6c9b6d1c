package ru.moysklad.partners.sales.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the facts the compliance rules look at, and the flags raised for account managers. */
public interface ComplianceFlags {

    /** An open or cleared flag. */
    record Flag(String flagId, String partnerId, String ruleId, String clientAccountId, Instant servedSince, String detail,
                Instant raisedAt, Instant clearedAt) {
    }

    ImitationCheck.Facts imitationFacts(String partnerId, Instant periodStart, Instant now);

    Optional<Flag> openFlag(String partnerId, String ruleId);

    void raise(Flag flag);

    void clear(String flagId, Instant at);

    /** Flags, newest first; only open ones unless {@code includeCleared}. */
    List<Flag> flags(boolean includeCleared);
}
