package ru.moysklad.partners.tier.domain;

import java.util.OptionalLong;

/**
 * A partner's lead record over a month, or the sum of several (lead-service's LeadAssigned,
 * LeadAccepted, LeadDeclined, LeadOutcomeRecorded, each counted in the month it happened, program
 * time zone): leads assigned; how assignments ended — accepted, declined by the partner, deadline
 * missed, or withdrawn because the partner stopped being eligible, which is not held against it;
 * leads won and lost; and the working seconds the partner took over its answers (acceptances and
 * declines). Informational, unless a rule set asks for K-LEADS.
 */
public record LeadRecord(long assigned, long accepted, long declined, long missed, long withdrawn, long won, long lost,
                         long responseSeconds) {

    public static final LeadRecord NONE = new LeadRecord(0, 0, 0, 0, 0, 0, 0, 0);

    public static LeadRecord assignment() {
        return new LeadRecord(1, 0, 0, 0, 0, 0, 0, 0);
    }

    public static LeadRecord acceptance(long responseSeconds) {
        return new LeadRecord(0, 1, 0, 0, 0, 0, 0, responseSeconds);
    }

    public static LeadRecord decline(long responseSeconds) {
        return new LeadRecord(0, 0, 1, 0, 0, 0, 0, responseSeconds);
    }

    public static LeadRecord missedDeadline() {
        return new LeadRecord(0, 0, 0, 1, 0, 0, 0, 0);
    }

    public static LeadRecord withdrawal() {
        return new LeadRecord(0, 0, 0, 0, 1, 0, 0, 0);
    }

    public static LeadRecord win() {
        return new LeadRecord(0, 0, 0, 0, 0, 1, 0, 0);
    }

    public static LeadRecord loss() {
        return new LeadRecord(0, 0, 0, 0, 0, 0, 1, 0);
    }

    public LeadRecord plus(LeadRecord other) {
        return new LeadRecord(assigned + other.assigned, accepted + other.accepted, declined + other.declined, missed + other.missed,
                withdrawn + other.withdrawn, won + other.won, lost + other.lost, responseSeconds + other.responseSeconds);
    }

    /** The assignments the partner's acceptance is measured on: accepted, declined or missed. */
    public long counted() {
        return accepted + declined + missed;
    }

    /** Accepted, in whole percent of those counted, rounded down (59.9% has not reached 60%); empty when none counted. */
    public OptionalLong acceptancePercent() {
        return counted() == 0 ? OptionalLong.empty() : OptionalLong.of(accepted * 100 / counted());
    }

    /** The mean working time to an answer (accepted or declined), in whole seconds; empty when there was no answer. */
    public OptionalLong meanResponseSeconds() {
        long answers = accepted + declined;
        return answers == 0 ? OptionalLong.empty() : OptionalLong.of(responseSeconds / answers);
    }
}
