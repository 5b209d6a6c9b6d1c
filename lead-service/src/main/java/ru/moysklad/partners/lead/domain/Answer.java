package ru.moysklad.partners.lead.domain;

/** How an assignment of a lead to a partner ended. */
public enum Answer {
    ACCEPTED,
    DECLINED,
    /** The deadline passed without an answer. */
    MISSED,
    /** The partner stopped being eligible (suspended, status lost) before it answered. */
    WITHDRAWN
}
