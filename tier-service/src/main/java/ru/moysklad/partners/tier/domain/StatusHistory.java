package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.util.List;

/** Port: every status change of every partner, with its explanation, in the order they happened. */
public interface StatusHistory {

    void record(StatusDecision decision, String triggeringEventId, Instant at);

    List<Entry> of(String partnerId);

    record Entry(Instant at, StatusDecision decision, String triggeringEventId) {
    }
}
