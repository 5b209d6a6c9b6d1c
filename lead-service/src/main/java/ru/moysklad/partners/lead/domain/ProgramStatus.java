package ru.moysklad.partners.lead.domain;

/** A partner's program status as tier-service announces it; leads go to Partner and above (B6). */
public enum ProgramStatus {
    APPLICANT, PARTNER_START, PARTNER, EXPERT, REPRESENTATIVE;

    /** B6: the website's leads go to Partners, Experts and Representatives. */
    public boolean receivesLeads() {
        return this == PARTNER || this == EXPERT || this == REPRESENTATIVE;
    }
}
