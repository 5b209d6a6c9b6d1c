package ru.moysklad.partners.lead.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.LeadPreferencesChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.lead.application.PartnerNews;
import ru.moysklad.partners.lead.domain.ProgramStatus;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;

/**
 * Who may receive leads follows the partners' events as they arrive: region and lead preferences
 * and suspension from partner-service, status and suspension from tier-service (B6, B10, C2). Each
 * event applies once; the lifecycle's other events say nothing routing needs.
 */
@Component
class PartnerNewsListener {

    static final String LIFECYCLE = "lead-service.partners";
    static final String STATUSES = "lead-service.statuses";

    private final ProcessedEvents processedEvents;
    private final PartnerNews news;

    PartnerNewsListener(ProcessedEvents processedEvents, PartnerNews news) {
        this.processedEvents = processedEvents;
        this.news = news;
    }

    @KafkaListener(id = LIFECYCLE, groupId = LIFECYCLE, topics = Topic.Names.PARTNER_LIFECYCLE)
    void onLifecycle(SpecificRecord event) {
        if (event instanceof PartnerRegistered registered) {
            processedEvents.applyOnce(LIFECYCLE, event, () -> news.registered(registered.getPartnerId(), registered.getRegion()));
        } else if (event instanceof LeadPreferencesChanged preferences) {
            processedEvents.applyOnce(LIFECYCLE, event, () -> news.preferencesChanged(preferences.getPartnerId(),
                    preferences.getRegionsServed(), preferences.getMaxOpenLeads()));
        } else if (event instanceof PartnerSuspended suspended) {
            processedEvents.applyOnce(LIFECYCLE, event, () -> news.suspensionChanged(suspended.getPartnerId(), true));
        } else if (event instanceof PartnerReinstated reinstated) {
            processedEvents.applyOnce(LIFECYCLE, event, () -> news.suspensionChanged(reinstated.getPartnerId(), false));
        }
    }

    @KafkaListener(id = STATUSES, groupId = STATUSES, topics = Topic.Names.PARTNER_STATUS_CHANGES)
    void onStatus(SpecificRecord event) {
        if (!(event instanceof PartnerStatusChanged change)) {
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.PARTNER_STATUS_CHANGES);
        }
        processedEvents.applyOnce(STATUSES, event, () -> news.statusChanged(change.getPartnerId(),
                ProgramStatus.valueOf(change.getNewStatus().name()), change.getSuspended()));
    }
}
