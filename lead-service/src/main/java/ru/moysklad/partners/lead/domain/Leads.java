package ru.moysklad.partners.lead.domain;

import java.time.Instant;
import java.util.Optional;

/** Port: the leads, with their contacts (which never leave lead-service). */
public interface Leads {

    /**
     * The lead already received from the same contact (phone or e-mail) since {@code since}, if any,
     * locked against a second one being added at the same moment.
     */
    Optional<StoredLead> sameContactSince(Contact contact, Instant since);

    void add(String leadId, NewLead lead, Instant receivedAt);

    Optional<StoredLead> find(String leadId);

    record StoredLead(String leadId, NewLead lead, Instant receivedAt) {
    }
}
