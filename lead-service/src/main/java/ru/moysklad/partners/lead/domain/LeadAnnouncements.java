package ru.moysklad.partners.lead.domain;

import java.time.Instant;

/** Port: announces what happens to leads, each in the same transaction as recording it. */
public interface LeadAnnouncements {

    void leadCreated(String leadId, NewLead lead, Instant at);

    void leadAssigned(RoutedLead lead, int attempt, String partnerId, Instant respondBy, RoutingDecision decision, Instant at);

    void leadAccepted(String leadId, String partnerId, int attempt, long responseSeconds, Instant at);

    /** @param responseSeconds null when the partner did not answer */
    void leadDeclined(String leadId, String partnerId, int attempt, Answer answer, String comment, Long responseSeconds, Instant at);

    void outcomeRecorded(String leadId, String partnerId, LeadOutcome outcome, String clientAccountId, String lostReason, Instant at);

    void queuedForVendor(RoutedLead lead, String reason, Instant at);
}
