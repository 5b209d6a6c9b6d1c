package ru.moysklad.partners.lead.adapter.out.kafka;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.events.LeadCreated;
import ru.moysklad.partners.events.LeadType;
import ru.moysklad.partners.lead.domain.LeadAnnouncements;
import ru.moysklad.partners.lead.domain.NewLead;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;

/** LeadCreated, keyed by lead id: what routing needs, never the contact. */
@Component
class LeadCreatedPublisher implements LeadAnnouncements {

    private final Outbox outbox;

    LeadCreatedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void leadCreated(String leadId, NewLead lead, Instant at) {
        outbox.append(LeadCreated.newBuilder()
                .setEventId(EventIds.derived("LeadCreated", leadId))
                .setOccurredAt(at)
                .setPartnerId(null)
                .setLeadId(leadId)
                .setLeadType(LeadType.valueOf(lead.type().name()))
                .setRegion(lead.region())
                .build());
    }
}
