package ru.moysklad.partners.sales.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.sales.application.TrackPartnerStandings;
import ru.moysklad.partners.sales.domain.PartnerStatus;

/**
 * Learns each partner's registration and suspensions (partner.lifecycle) and statuses
 * (partner.status-changes). Other partner events on those topics say nothing about prices and are
 * passed over on purpose.
 */
@Component
class PartnerStandingsListener {

    static final String CONSUMER = "sales-service.partner-standings";

    private final ProcessedEvents processedEvents;
    private final TrackPartnerStandings track;

    PartnerStandingsListener(ProcessedEvents processedEvents, TrackPartnerStandings track) {
        this.processedEvents = processedEvents;
        this.track = track;
    }

    @KafkaListener(id = CONSUMER, topics = {Topic.Names.PARTNER_LIFECYCLE, Topic.Names.PARTNER_STATUS_CHANGES},
            groupId = "sales-service.partners")
    void on(SpecificRecord event) {
        if (event instanceof PartnerRegistered registered) {
            processedEvents.applyOnce(CONSUMER, event, () -> track.registered(registered.getPartnerId(), registered.getOccurredAt()));
        } else if (event instanceof PartnerSuspended suspended) {
            processedEvents.applyOnce(CONSUMER, event,
                    () -> track.suspensionChanged(suspended.getPartnerId(), suspended.getOccurredAt(), true));
        } else if (event instanceof PartnerReinstated reinstated) {
            processedEvents.applyOnce(CONSUMER, event,
                    () -> track.suspensionChanged(reinstated.getPartnerId(), reinstated.getOccurredAt(), false));
        } else if (event instanceof PartnerStatusChanged changed) {
            processedEvents.applyOnce(CONSUMER, event, () -> track.statusChanged(changed.getPartnerId(),
                    changed.getOccurredAt(), PartnerStatus.valueOf(changed.getNewStatus().name())));
        }
    }
}
