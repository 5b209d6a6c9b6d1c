package ru.moysklad.partners.tier.adapter.in.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.LeadAccepted;
import ru.moysklad.partners.events.LeadAssigned;
import ru.moysklad.partners.events.LeadDeclined;
import ru.moysklad.partners.events.LeadOutcomeRecorded;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerReviewDue;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.platform.kafka.BatchApplier;
import ru.moysklad.partners.platform.kafka.PlatformKafkaConfiguration;
import ru.moysklad.partners.tier.application.RecordFacts;
import ru.moysklad.partners.tier.domain.LeadRecord;

/**
 * The status engine's one way in: the input log, in its order, in batches — one database
 * transaction per batch, each event applied once (by event id) in a savepoint of its own. An event
 * that breaks an invariant goes to {@code tier.inputs.dlt} with the reason; the engine goes on.
 */
@Component
class EngineListener implements ConsumerSeekAware {

    static final String ID = "tier-service.engine";
    /** Applied-once records are kept per kind of fact, under the names the engine has always used. */
    static final List<String> CONSUMERS = List.of("tier-service.lifecycle", "tier-service.sales", "tier-service.activities",
            "tier-service.reviews", "tier-service.leads");

    private final ProcessedEvents processedEvents;
    private final RecordFacts facts;
    private final BatchApplier batches;
    private volatile boolean rewind;

    EngineListener(ProcessedEvents processedEvents, RecordFacts facts, BatchApplier batches) {
        this.processedEvents = processedEvents;
        this.facts = facts;
        this.batches = batches;
    }

    @KafkaListener(id = ID, groupId = ID, topics = Topic.Names.TIER_INPUTS, containerFactory = PlatformKafkaConfiguration.BATCH)
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        batches.apply(records, this::apply);
    }

    private void apply(SpecificRecord event) {
        if (event instanceof PartnerRegistered registered) {
            processedEvents.applyOnce(CONSUMERS.get(0), event, () -> facts.registered(registered.getPartnerId(), registered.getOccurredAt()));
        } else if (event instanceof PartnerQualificationChanged changed) {
            processedEvents.applyOnce(CONSUMERS.get(0), event, () -> facts.qualificationChanged(changed.getPartnerId(),
                    changed.getRuleId(), changed.getMet(), changed.getValidUntil(), changed.getEventId(), changed.getOccurredAt()));
        } else if (event instanceof PartnerSuspended suspended) {
            processedEvents.applyOnce(CONSUMERS.get(0), event,
                    () -> facts.suspended(suspended.getPartnerId(), suspended.getEventId(), suspended.getOccurredAt()));
        } else if (event instanceof PartnerReinstated reinstated) {
            processedEvents.applyOnce(CONSUMERS.get(0), event,
                    () -> facts.reinstated(reinstated.getPartnerId(), reinstated.getEventId(), reinstated.getOccurredAt()));
        } else if (event instanceof SaleRecorded sale) {
            processedEvents.applyOnce(CONSUMERS.get(1), event, () -> facts.sale(sale.getPartnerId(), sale.getPaidAt(),
                    sale.getPartnerPriceKopecks(), sale.getNewClient(), sale.getEventId(), sale.getOccurredAt()));
        } else if (event instanceof SaleRefunded refund) {
            processedEvents.applyOnce(CONSUMERS.get(1), event, () -> facts.refund(refund.getPartnerId(), refund.getPaidAt(),
                    refund.getRefundedAt(), refund.getPartnerPriceKopecks(), refund.getEventId(), refund.getOccurredAt()));
        } else if (event instanceof ActivityLogged activity) {
            processedEvents.applyOnce(CONSUMERS.get(2), event, () -> facts.activity(activity.getPartnerId(), activity.getActivityType(),
                    activity.getActivityDate(), activity.getMarketingPoints(), activity.getEventId(), activity.getOccurredAt()));
        } else if (event instanceof LeadAssigned assigned) {
            processedEvents.applyOnce(CONSUMERS.get(4), event,
                    () -> facts.lead(assigned.getPartnerId(), LeadRecord.assignment(), assigned.getEventId(), assigned.getOccurredAt()));
        } else if (event instanceof LeadAccepted accepted) {
            processedEvents.applyOnce(CONSUMERS.get(4), event, () -> facts.lead(accepted.getPartnerId(),
                    LeadRecord.acceptance(accepted.getResponseSeconds()), accepted.getEventId(), accepted.getOccurredAt()));
        } else if (event instanceof LeadDeclined declined) {
            processedEvents.applyOnce(CONSUMERS.get(4), event, () -> ending(declined)
                    .ifPresent(counted -> facts.lead(declined.getPartnerId(), counted, declined.getEventId(), declined.getOccurredAt())));
        } else if (event instanceof LeadOutcomeRecorded outcome) {
            processedEvents.applyOnce(CONSUMERS.get(4), event, () -> result(outcome)
                    .ifPresent(counted -> facts.lead(outcome.getPartnerId(), counted, outcome.getEventId(), outcome.getOccurredAt())));
        } else if (event instanceof PartnerReviewDue review) {
            processedEvents.applyOnce(CONSUMERS.get(3), event,
                    () -> facts.reviewDue(review.getPartnerId(), review.getReviewDate(), review.getOccurredAt()));
        } else {
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.TIER_INPUTS);
        }
    }

    /** How an assignment ended, for the lead record; an ending this version does not know counts nowhere. */
    private static Optional<LeadRecord> ending(LeadDeclined declined) {
        return switch (declined.getCause()) {
            case DECLINED -> {
                if (declined.getResponseSeconds() == null) {
                    // the partner answered, so lead-service knows how long it took: a missing time is a broken event
                    throw new IllegalArgumentException("lead event " + declined.getEventId() + " declines without a response time");
                }
                yield Optional.of(LeadRecord.decline(declined.getResponseSeconds()));
            }
            case DEADLINE_MISSED -> Optional.of(LeadRecord.missedDeadline());
            case NO_LONGER_ELIGIBLE -> Optional.of(LeadRecord.withdrawal());
            default -> Optional.empty();
        };
    }

    /**
     * What came of an accepted lead, for the lead record: won or lost. A contact made, or an outcome
     * this version does not know, counts nowhere.
     */
    private static Optional<LeadRecord> result(LeadOutcomeRecorded outcome) {
        return switch (outcome.getOutcome()) {
            case WON -> Optional.of(LeadRecord.win());
            case LOST -> Optional.of(LeadRecord.loss());
            default -> Optional.empty();
        };
    }

    /** The next assignment starts from the log's beginning: for a rebuild. */
    void rewindOnNextAssignment() {
        rewind = true;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (rewind) {
            callback.seekToBeginning(assignments.keySet());
            rewind = false;
        }
    }
}
