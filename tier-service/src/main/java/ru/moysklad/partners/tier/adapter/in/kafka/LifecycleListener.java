package ru.moysklad.partners.tier.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.tier.application.RecordFacts;

/**
 * What partner-service reports: registrations (applicants), onboarding facts S1-S3, P1, P2, and
 * suspensions and reinstatements (C2). Its other events (employees, billing access, managers,
 * lead preferences) decide no status and are passed over.
 */
@Component
class LifecycleListener {

    static final String CONSUMER = "tier-service.lifecycle";

    private final ProcessedEvents processedEvents;
    private final RecordFacts facts;

    LifecycleListener(ProcessedEvents processedEvents, RecordFacts facts) {
        this.processedEvents = processedEvents;
        this.facts = facts;
    }

    @KafkaListener(id = CONSUMER, topics = Topic.Names.PARTNER_LIFECYCLE, groupId = "tier-service.lifecycle")
    void on(SpecificRecord event) {
        if (event instanceof PartnerRegistered registered) {
            processedEvents.applyOnce(CONSUMER, event, () -> facts.registered(registered.getPartnerId(), registered.getOccurredAt()));
        } else if (event instanceof PartnerQualificationChanged changed) {
            processedEvents.applyOnce(CONSUMER, event, () -> facts.qualificationChanged(changed.getPartnerId(), changed.getRuleId(),
                    changed.getMet(), changed.getValidUntil(), changed.getEventId(), changed.getOccurredAt()));
        } else if (event instanceof PartnerSuspended suspended) {
            processedEvents.applyOnce(CONSUMER, event,
                    () -> facts.suspended(suspended.getPartnerId(), suspended.getEventId(), suspended.getOccurredAt()));
        } else if (event instanceof PartnerReinstated reinstated) {
            processedEvents.applyOnce(CONSUMER, event,
                    () -> facts.reinstated(reinstated.getPartnerId(), reinstated.getEventId(), reinstated.getOccurredAt()));
        }
    }
}
