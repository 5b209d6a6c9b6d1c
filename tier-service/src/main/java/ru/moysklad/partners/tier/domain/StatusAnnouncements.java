package ru.moysklad.partners.tier.domain;

/** Port: announces status changes, in the same transaction as making them. */
public interface StatusAnnouncements {

    void statusChanged(StatusDecision decision, String triggeringEventId, java.time.Instant at);
}
