package ru.moysklad.partners.sales.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: what sales-service has learned of each partner from the other services' events — that it is
 * registered, its status over time, its suspensions over time — to price payments at the payment time.
 */
public interface PartnerStandings {

    /** The partner's standing at a moment; empty when no partner of that id is registered. */
    Optional<Standing> standingAt(String partnerId, Instant moment);

    void registered(String partnerId, Instant registeredAt);

    void statusChanged(String partnerId, Instant effectiveFrom, PartnerStatus status);

    void suspensionChanged(String partnerId, Instant effectiveFrom, boolean suspended);
}
