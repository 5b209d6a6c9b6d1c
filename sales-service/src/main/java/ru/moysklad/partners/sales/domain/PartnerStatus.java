package ru.moysklad.partners.sales.domain;

/** A partner's program status as tier-service announces it; an APPLICANT has none yet (no discount). */
public enum PartnerStatus {
    APPLICANT,
    PARTNER_START,
    PARTNER,
    EXPERT,
    REPRESENTATIVE
}
