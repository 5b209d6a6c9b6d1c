package ru.moysklad.partners.lead.adapter.out.kafka;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.events.DeclineCause;
import ru.moysklad.partners.events.LeadAccepted;
import ru.moysklad.partners.events.LeadAssigned;
import ru.moysklad.partners.events.LeadCandidate;
import ru.moysklad.partners.events.LeadCreated;
import ru.moysklad.partners.events.LeadDeclined;
import ru.moysklad.partners.events.LeadOutcomeRecorded;
import ru.moysklad.partners.events.LeadQueuedForVendor;
import ru.moysklad.partners.events.LeadType;
import ru.moysklad.partners.lead.domain.Answer;
import ru.moysklad.partners.lead.domain.LeadAnnouncements;
import ru.moysklad.partners.lead.domain.LeadOutcome;
import ru.moysklad.partners.lead.domain.NewLead;
import ru.moysklad.partners.lead.domain.RoutedLead;
import ru.moysklad.partners.lead.domain.RoutingDecision;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;

/**
 * A lead's events, through the outbox: LeadCreated and LeadQueuedForVendor keyed by lead id, the
 * rest keyed by partner id so that one partner's assignments and answers stay in order. None
 * carries the contact, which stays in lead-service. Ids derive from the lead and the attempt, so a
 * replay announces the same ids.
 */
@Component
class LeadEventsPublisher implements LeadAnnouncements {

    private final Outbox outbox;

    LeadEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void leadCreated(String leadId, NewLead lead, Instant at) {
        outbox.append(LeadCreated.newBuilder()
                .setEventId(EventIds.derived("LeadCreated", leadId))
                .setOccurredAt(at)
                .setPartnerId(null)
                .setLeadId(leadId)
                .setLeadType(LeadType.valueOf(lead.type().name()))
                .setRegion(lead.region())
                .build());
    }

    @Override
    public void leadAssigned(RoutedLead lead, int attempt, String partnerId, Instant respondBy, RoutingDecision decision, Instant at) {
        outbox.append(LeadAssigned.newBuilder()
                .setEventId(EventIds.derived("LeadAssigned", lead.leadId(), Integer.toString(attempt)))
                .setOccurredAt(at)
                .setPartnerId(partnerId)
                .setLeadId(lead.leadId())
                .setLeadType(LeadType.valueOf(lead.type().name()))
                .setRegion(lead.region())
                .setAttempt(attempt)
                .setRespondBy(respondBy)
                .setRuleIds(decision.ruleIds())
                .setReason(decision.reason())
                .setCandidates(decision.candidates().stream()
                        .map(c -> LeadCandidate.newBuilder().setPartnerId(c.partnerId()).setEligible(c.eligible()).setNote(c.note()).build())
                        .toList())
                .build());
    }

    @Override
    public void leadAccepted(String leadId, String partnerId, int attempt, long responseSeconds, Instant at) {
        outbox.append(LeadAccepted.newBuilder()
                .setEventId(EventIds.derived("LeadAccepted", leadId, Integer.toString(attempt)))
                .setOccurredAt(at)
                .setPartnerId(partnerId)
                .setLeadId(leadId)
                .setAttempt(attempt)
                .setResponseSeconds(responseSeconds)
                .build());
    }

    @Override
    public void leadDeclined(String leadId, String partnerId, int attempt, Answer answer, String comment, Long responseSeconds, Instant at) {
        outbox.append(LeadDeclined.newBuilder()
                .setEventId(EventIds.derived("LeadDeclined", leadId, Integer.toString(attempt)))
                .setOccurredAt(at)
                .setPartnerId(partnerId)
                .setLeadId(leadId)
                .setAttempt(attempt)
                .setCause(cause(answer))
                .setComment(comment)
                .setResponseSeconds(responseSeconds)
                .build());
    }

    @Override
    public void outcomeRecorded(String leadId, String partnerId, LeadOutcome outcome, String clientAccountId, String lostReason,
                                Instant at) {
        outbox.append(LeadOutcomeRecorded.newBuilder()
                .setEventId(EventIds.derived("LeadOutcomeRecorded", leadId, outcome.name()))
                .setOccurredAt(at)
                .setPartnerId(partnerId)
                .setLeadId(leadId)
                .setOutcome(ru.moysklad.partners.events.LeadOutcome.valueOf(outcome.name()))
                .setClientAccountId(clientAccountId)
                .setLostReason(lostReason)
                .build());
    }

    @Override
    public void queuedForVendor(RoutedLead lead, String reason, Instant at) {
        outbox.append(LeadQueuedForVendor.newBuilder()
                .setEventId(EventIds.derived("LeadQueuedForVendor", lead.leadId()))
                .setOccurredAt(at)
                .setLeadId(lead.leadId())
                .setLeadType(LeadType.valueOf(lead.type().name()))
                .setRegion(lead.region())
                .setAttempts(lead.attempt())
                .setReason(reason)
                .build());
    }

    private static DeclineCause cause(Answer answer) {
        return switch (answer) {
            case DECLINED -> DeclineCause.DECLINED;
            case MISSED -> DeclineCause.DEADLINE_MISSED;
            case WITHDRAWN -> DeclineCause.NO_LONGER_ELIGIBLE;
            case ACCEPTED -> throw new IllegalArgumentException("an accepted lead is not declined");
        };
    }
}
