package ru.moysklad.partners.lead.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the leads, with their contacts (which never leave lead-service), and each one's assignments. */
public interface Leads {

    /**
     * The lead already received from the same contact (phone or e-mail) since {@code since}, if any,
     * locked against a second one being added at the same moment.
     */
    Optional<StoredLead> sameContactSince(Contact contact, Instant since);

    /**
     * Stores a lead just received and assigned: the lead and its first offer are written once, as
     * routing left them, rather than stored as new and then changed.
     */
    void addOffered(String leadId, NewLead lead, Instant receivedAt, Offer offer);

    /** Stores a lead just received that no partner may take: in the vendor's queue, for this reason. */
    void addQueued(String leadId, NewLead lead, Instant receivedAt, String reason);

    Optional<StoredLead> find(String leadId);

    /** The lead where it stands, locked until the transaction ends: one answer or sweep at a time. */
    Optional<RoutedLead> lockForRouting(String leadId);

    /** Assigns the lead to a partner, awaiting its answer until {@code respondBy}. */
    void offer(String leadId, Offer offer);

    /** Ends the current assignment. */
    void answer(String leadId, int attempt, Answer answer, Instant at, Long responseSeconds, String comment);

    void queueForVendor(String leadId, Instant at, String reason);

    void recordOutcome(String leadId, LeadOutcome outcome, Instant at, String clientAccountId, String lostReason);

    /** Leads whose deadline passed unanswered, and leads never routed: for the sweep. */
    List<String> dueForRouting(Instant now, int limit);

    /** Leads assigned to the partner and not answered yet, as they stand (not locked). */
    List<RoutedLead> awaitingAnswerFrom(String partnerId);

    record StoredLead(String leadId, NewLead lead, Instant receivedAt) {
    }
}
