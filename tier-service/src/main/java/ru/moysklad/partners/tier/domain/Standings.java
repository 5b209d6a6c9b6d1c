package ru.moysklad.partners.tier.domain;

/** Port: the partners' standings. */
public interface Standings {

    /** Adds sales volume (negative for a refund) to a partner, creating its standing if new; returns the standing after. */
    PartnerStanding addSales(String partnerId, long partnerPriceKopecks);

    void changeStatus(String partnerId, Status status);

    java.util.Optional<PartnerStanding> find(String partnerId);

    /** How many partners hold each status now. */
    java.util.Map<Status, Long> countByStatus();
}
