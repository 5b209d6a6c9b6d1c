package ru.moysklad.partners.tier.adapter.out.kafka;

import java.time.Clock;

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
    private final Clock clock;

    StatusChangedPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void statusChanged(StatusDecision decision, String triggeringEventId) {
        outbox.append(PartnerStatusChanged.newBuilder()
                // Derived from the trigger: replaying the same event can only ever announce the same change.
                .setEventId(EventIds.derived("PartnerStatusChanged", triggeringEventId, decision.partnerId()))
                .setOccurredAt(clock.instant())
                .setPartnerId(decision.partnerId())
                .setOldStatus(PartnerStatus.valueOf(decision.oldStatus().name()))
                .setNewStatus(PartnerStatus.valueOf(decision.newStatus().name()))
                .setReason(decision.newStatus().isAbove(decision.oldStatus()) ? StatusChangeReason.PROMOTION : StatusChangeReason.REVIEW)
                .setDecidingRules(decision.evaluations().stream().map(evaluation -> RuleEvaluation.newBuilder()
                        .setRuleId(evaluation.ruleId())
                        .setUnit(FigureUnit.valueOf(evaluation.unit().name()))
                        .setRequired(evaluation.required())
                        .setActual(evaluation.actual())
                        .setMet(evaluation.met())
                        .build()).toList())
                .setTriggeringEventId(triggeringEventId)
                .setRulesVersion(decision.rulesVersion())
                .build());
    }
}
