package ru.moysklad.partners.sales.adapter.out.kafka;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.events.ComplianceFlagCleared;
import ru.moysklad.partners.events.ComplianceFlagRaised;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;
import ru.moysklad.partners.sales.domain.ComplianceAnnouncements;
import ru.moysklad.partners.sales.domain.ComplianceFlags;

@Component
class ComplianceEventsPublisher implements ComplianceAnnouncements {

    private final Outbox outbox;
    private final Clock clock;

    ComplianceEventsPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void flagRaised(ComplianceFlags.Flag flag) {
        outbox.append(ComplianceFlagRaised.newBuilder()
                .setEventId(EventIds.derived("ComplianceFlagRaised", flag.flagId()))
                .setOccurredAt(clock.instant())
                .setPartnerId(flag.partnerId())
                .setFlagId(flag.flagId())
                .setRuleId(flag.ruleId())
                .setClientAccountId(flag.clientAccountId())
                .setServedSince(flag.servedSince())
                .setDetail(flag.detail())
                .build());
    }

    @Override
    public void flagCleared(ComplianceFlags.Flag flag, Instant at, String detail) {
        outbox.append(ComplianceFlagCleared.newBuilder()
                .setEventId(EventIds.derived("ComplianceFlagCleared", flag.flagId()))
                .setOccurredAt(at)
                .setPartnerId(flag.partnerId())
                .setFlagId(flag.flagId())
                .setRuleId(flag.ruleId())
                .setDetail(detail)
                .build());
    }
}
