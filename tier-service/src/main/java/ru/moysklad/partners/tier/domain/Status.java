package ru.moysklad.partners.tier.domain;

/** Program statuses in rank order (rule book: Statuses); an APPLICANT has not finished onboarding. */
public enum Status {
    APPLICANT,
    PARTNER_START,
    PARTNER,
    EXPERT,
    REPRESENTATIVE;

    public boolean isAbove(Status other) {
        return compareTo(other) > 0;
    }
}
