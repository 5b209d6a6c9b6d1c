package ru.moysklad.partners.sales.application;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.PartnerStandings;
import ru.moysklad.partners.sales.domain.PartnerStatus;

/** Learns partners, their statuses and suspensions from the other services' events, for pricing. */
@Service
public class TrackPartnerStandings {

    private final PartnerStandings standings;

    public TrackPartnerStandings(PartnerStandings standings) {
        this.standings = standings;
    }

    @Transactional
    public void registered(String partnerId, Instant registeredAt) {
        standings.registered(partnerId, registeredAt);
    }

    @Transactional
    public void statusChanged(String partnerId, Instant effectiveFrom, PartnerStatus status) {
        standings.statusChanged(partnerId, effectiveFrom, status);
    }

    @Transactional
    public void suspensionChanged(String partnerId, Instant effectiveFrom, boolean suspended) {
        standings.suspensionChanged(partnerId, effectiveFrom, suspended);
    }
}
