package ru.moysklad.partners.tier.application;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.tier.domain.PartnerRecords;
import ru.moysklad.partners.tier.domain.StatusAnnouncements;
import ru.moysklad.partners.tier.domain.StatusDecision;
import ru.moysklad.partners.tier.domain.StatusHistory;

/** Makes a decided change: the record, its history entry and its announcement, in the caller's transaction. */
@Component
class StatusChanges {

    private final PartnerRecords records;
    private final StatusHistory history;
    private final StatusAnnouncements announcements;

    StatusChanges(PartnerRecords records, StatusHistory history, StatusAnnouncements announcements) {
        this.records = records;
        this.history = history;
        this.announcements = announcements;
    }

    void make(StatusDecision decision, String triggeringEventId, Instant at) {
        records.setStatus(decision.partnerId(), decision.newStatus(), decision.suspended(), at);
        history.record(decision, triggeringEventId, at);
        announcements.statusChanged(decision, triggeringEventId, at);
    }
}
