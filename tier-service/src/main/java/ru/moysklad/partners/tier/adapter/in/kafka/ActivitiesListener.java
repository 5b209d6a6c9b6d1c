package ru.moysklad.partners.tier.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.tier.application.RecordFacts;

/** Approved marketing activities (P5, K2-K4), from bonus-service. */
@Component
class ActivitiesListener {

    static final String CONSUMER = "tier-service.activities";

    private final ProcessedEvents processedEvents;
    private final RecordFacts facts;

    ActivitiesListener(ProcessedEvents processedEvents, RecordFacts facts) {
        this.processedEvents = processedEvents;
        this.facts = facts;
    }

    @KafkaListener(id = CONSUMER, topics = Topic.Names.PARTNER_ACTIVITIES, groupId = "tier-service.activities")
    void on(SpecificRecord event) {
        if (!(event instanceof ActivityLogged activity)) {
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.PARTNER_ACTIVITIES);
        }
        processedEvents.applyOnce(CONSUMER, activity, () -> facts.activity(activity.getPartnerId(), activity.getActivityType(),
                activity.getActivityDate(), activity.getMarketingPoints(), activity.getEventId(), activity.getOccurredAt()));
    }
}
