package ru.moysklad.partners.tier.adapter.out.kafka;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.events.FigureUnit;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.RuleEvaluation;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;
import ru.moysklad.partners.tier.domain.StatusAnnouncements;
import ru.moysklad.partners.tier.domain.StatusDecision;

@Component
class StatusChangedPublisher implements StatusAnnouncements {

    private final Outbox outbox;
    StatusChangedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void statusChanged(StatusDecision decision, String triggeringEventId, Instant at) {
        outbox.append(PartnerStatusChanged.newBuilder()
                // Derived from the trigger: replaying the same event can only ever announce the same change.
                .setEventId(EventIds.derived("PartnerStatusChanged", triggeringEventId, decision.partnerId()))
                .setOccurredAt(at)
                .setPartnerId(decision.partnerId())
                .setOldStatus(PartnerStatus.valueOf(decision.oldStatus().name()))
                .setNewStatus(PartnerStatus.valueOf(decision.newStatus().name()))
                .setReason(StatusChangeReason.valueOf(decision.reason().name()))
                .setSuspended(decision.suspended())
                .setDecidingRules(decision.evaluations().stream().map(evaluation -> RuleEvaluation.newBuilder()
                        .setRuleId(evaluation.ruleId())
                        .setUnit(FigureUnit.valueOf(evaluation.unit().name()))
                        .setRequired(evaluation.required())
                        .setActual(evaluation.actual())
                        .setMet(evaluation.met())
                        .setPeriod(evaluation.period())
                        .build()).toList())
                .setTriggeringEventId(triggeringEventId)
                .setRulesVersion(decision.rulesVersion())
                .build());
    }
}
