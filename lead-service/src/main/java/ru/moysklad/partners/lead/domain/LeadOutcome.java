package ru.moysklad.partners.lead.domain;

import java.util.Optional;

/** What a partner that accepted a lead records of it: contacted first (optional), then won or lost. */
public enum LeadOutcome {
    CONTACTED, WON, LOST;

    public LeadState state() {
        return LeadState.valueOf(name());
    }

    /** Why this outcome cannot follow the lead's state, or empty when it can. */
    public Optional<String> whyNotAfter(LeadState state) {
        if (state == LeadState.ACCEPTED || (state == LeadState.CONTACTED && this != CONTACTED)) {
            return Optional.empty();
        }
        if (state == LeadState.OFFERED) {
            return Optional.of("the lead is not accepted yet: accept it first");
        }
        return Optional.of("the lead is " + state + " already");
    }
}
