/**
 * The status engine's rules in plain Java (rule book: Statuses, Requirements, Conditions to keep,
 * When statuses change): a partner's facts month by month, versioned rule sets as data, and
 * {@link ru.moysklad.partners.tier.domain.TierPolicy}, which says what the facts reach, promotes,
 * reviews, suspends and reinstates, and how far the next status is, naming every rule id, figure
 * and the rule set's version. Ports for the records and announcements it needs.
 */
package ru.moysklad.partners.tier.domain;
