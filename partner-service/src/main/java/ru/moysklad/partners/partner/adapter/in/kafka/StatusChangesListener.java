package ru.moysklad.partners.partner.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.partner.application.PartnerDirectory;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;

/** The directory follows tier-service's status changes and suspensions as they arrive, each applied once. */
@Component
class StatusChangesListener {

    static final String CONSUMER = "partner-service.status-changes";

    private final ProcessedEvents processedEvents;
    private final PartnerDirectory directory;

    StatusChangesListener(ProcessedEvents processedEvents, PartnerDirectory directory) {
        this.processedEvents = processedEvents;
        this.directory = directory;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topic.Names.PARTNER_STATUS_CHANGES)
    void on(SpecificRecord event) {
        if (!(event instanceof PartnerStatusChanged change)) {
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.PARTNER_STATUS_CHANGES);
        }
        processedEvents.applyOnce(CONSUMER, event, () -> directory.statusChanged(change.getPartnerId(), change.getNewStatus().name(),
                change.getSuspended(), change.getOccurredAt()));
    }
}
