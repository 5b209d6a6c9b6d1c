package ru.moysklad.partners.tier.domain;

import java.time.Instant;

/** Port: announces status changes, in the same transaction as making them. */
public interface StatusAnnouncements {

    void statusChanged(StatusDecision decision, String triggeringEventId, Instant at);
}
