package ru.moysklad.partners.bonus.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.bonus.application.BonusPoints;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;

/** B4: a partner that completes onboarding (APPLICANT → Start or more) gets its welcome bonus, once. */
@Component
class StatusChangesListener {

    static final String CONSUMER = "bonus-service.status-changes";

    private final ProcessedEvents processedEvents;
    private final BonusPoints bonusPoints;

    StatusChangesListener(ProcessedEvents processedEvents, BonusPoints bonusPoints) {
        this.processedEvents = processedEvents;
        this.bonusPoints = bonusPoints;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topic.Names.PARTNER_STATUS_CHANGES)
    void on(SpecificRecord event) {
        if (event instanceof PartnerStatusChanged change && change.getReason() == StatusChangeReason.ONBOARDING_COMPLETED) {
            processedEvents.applyOnce(CONSUMER, event, () -> bonusPoints.welcome(change.getPartnerId(), change.getOccurredAt()));
        }
    }
}
