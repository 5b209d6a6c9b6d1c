package ru.moysklad.partners.tier.domain;

/** A partner's figures and status as the events applied so far tell. */
public record PartnerStanding(String partnerId, Status status, long cumulativeSalesKopecks) {

    /** Where a partner the engine has not heard of stands (the skeleton assumes onboarding is done). */
    public static PartnerStanding newcomer(String partnerId) {
        return new PartnerStanding(partnerId, Status.PARTNER_START, 0);
    }
}
