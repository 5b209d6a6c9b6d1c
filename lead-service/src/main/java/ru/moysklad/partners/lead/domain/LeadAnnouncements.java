package ru.moysklad.partners.lead.domain;

import java.time.Instant;

/** Port: announces a new lead (LeadCreated), in the same transaction as storing it. */
public interface LeadAnnouncements {

    void leadCreated(String leadId, NewLead lead, Instant at);
}
