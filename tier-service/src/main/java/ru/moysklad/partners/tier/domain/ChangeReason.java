package ru.moysklad.partners.tier.domain;

/** Why a status changed (rule book: When statuses change). */
public enum ChangeReason {
    /** S1-S3 complete: an applicant becomes a Start partner (or more, if it already earned it). */
    ONBOARDING_COMPLETED,
    /** An event completed the requirements of a higher status. */
    PROMOTION,
    /** A 6-monthly review found keep-conditions unmet. */
    REVIEW,
    /** C2: vendor staff suspended the partner; every benefit stops. */
    SUSPENSION,
    /** Vendor staff reinstated the partner; its status is computed afresh. */
    REINSTATEMENT
}
