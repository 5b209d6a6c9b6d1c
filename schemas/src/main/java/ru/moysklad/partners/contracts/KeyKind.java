package ru.moysklad.partners.contracts;

/** What a topic's message key is. Keying by partner id keeps one partner's events in order. */
public enum KeyKind {
    PARTNER_ID,
    /** A lead before it has a partner: its events stay in order per lead. */
    LEAD_ID
}
