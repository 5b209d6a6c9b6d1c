package ru.moysklad.partners.tier.adapter.in.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.EventFields;
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
 * transaction per batch, its partners locked together and its changes written together, each event
 * applied once (by event id). When an event of the batch breaks an invariant, the batch is applied
 * again one event at a time, each in a savepoint of its own, and that event goes to
 * {@code tier.inputs.dlt} with the reason; the engine goes on.
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

    EngineListener(ProcessedEvents processedEvents, RecordFacts facts, BatchApplier batches) {
        this.processedEvents = processedEvents;
        this.facts = facts;
        this.batches = batches;
    }

    /**
     * A batch is at most {@code tier.engine.batch-size} events: the more, the fewer statements per
     * event. {@code tier.engine.consumers} consumers (default 2) apply the log's partitions side by
     * side, so that one's wait for the database overlaps another's work: the status engine's
     * benchmark ran a third faster with two than with one (docs/benchmarks.md).
     */
    @KafkaListener(id = ID, groupId = ID, topics = Topic.Names.TIER_INPUTS, containerFactory = PlatformKafkaConfiguration.BATCH,
            concurrency = "${tier.engine.consumers:2}", properties = "max.poll.records=${tier.engine.batch-size:5000}")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        for (int index = 0; index < records.size(); index++) {
            Optional<RuntimeException> misKeyed = keyedByAnotherPartner(records.get(index));
            if (misKeyed.isPresent()) {
                if (index > 0) {
                    batches.applyTogether(records.subList(0, index), this::prepare, this::apply);
                }
                throw new BatchListenerFailedException(misKeyed.get().getMessage(), misKeyed.get(), index);
            }
        }
        batches.applyTogether(records, this::prepare, this::apply);
    }

    /**
     * The forwarder passes events on under their source key. A partner's events must share one
     * partition of the log — batches of two consumers never hold the same partner, which is why they
     * load partners without a row lock — so an event keyed by another partner is refused, not applied.
     */
    private static Optional<RuntimeException> keyedByAnotherPartner(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            return Optional.empty(); // not decoded: the batch applier sets it apart with the deserializer's reason
        }
        try {
            String partnerId = EventFields.keyOf(record.value());
            return partnerId.equals(record.key()) ? Optional.empty() : Optional.of(new IllegalArgumentException(
                    "event " + EventFields.eventIdOf(record.value()) + " of partner " + partnerId + " is keyed by " + record.key()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.of(unreadable);
        }
    }

    /**
     * The events applied before set aside in one statement per kind of fact, then the partners of
     * the others loaded at once; the effect then applies each event not seen before. The claims come
     * first: a consumer that lost the partition may still be applying some of these events, and the
     * claims wait until it has committed or rolled back, so the partners are read as it left them.
     */
    private Consumer<SpecificRecord> prepare(List<SpecificRecord> events) {
        Map<SpecificRecord, Fact> factOf = new IdentityHashMap<>(events.size() * 2);
        Map<String, List<String>> idsByConsumer = new LinkedHashMap<>();
        for (SpecificRecord event : events) {
            Fact fact = factOf(event);
            factOf.put(event, fact);
            idsByConsumer.computeIfAbsent(fact.consumer(), consumer -> new ArrayList<>()).add(EventFields.eventIdOf(event));
        }
        Map<String, Set<String>> firstDeliveries = new HashMap<>();
        idsByConsumer.forEach((consumer, ids) -> firstDeliveries.put(consumer, new HashSet<>(processedEvents.markFirstDeliveries(consumer, ids))));
        facts.holdTogether(events.stream()
                .filter(event -> firstDeliveries.get(factOf.get(event).consumer()).contains(EventFields.eventIdOf(event)))
                .map(EventFields::keyOf)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        return event -> {
            Fact fact = factOf.get(event);
            // removed once applied: an event twice in one batch applies once
            if (firstDeliveries.get(fact.consumer()).remove(EventFields.eventIdOf(event))) {
                fact.effect().run();
            }
        };
    }

    /** One event on its own, in a savepoint of the batch's transaction: for a batch that could not be applied together. */
    private void apply(SpecificRecord event) {
        Fact fact = factOf(event);
        processedEvents.applyOnce(fact.consumer(), event, fact.effect());
    }

    /** What an event does to the partner's facts, and under which consumer's name it is applied once. */
    private record Fact(String consumer, Runnable effect) {
    }

    private Fact factOf(SpecificRecord event) {
        if (event instanceof PartnerRegistered registered) {
            return new Fact(CONSUMERS.get(0), () -> facts.registered(registered.getPartnerId(), registered.getOccurredAt()));
        } else if (event instanceof PartnerQualificationChanged changed) {
            return new Fact(CONSUMERS.get(0), () -> facts.qualificationChanged(changed.getPartnerId(),
                    changed.getRuleId(), changed.getMet(), changed.getValidUntil(), changed.getEventId(), changed.getOccurredAt()));
        } else if (event instanceof PartnerSuspended suspended) {
            return new Fact(CONSUMERS.get(0),
                    () -> facts.suspended(suspended.getPartnerId(), suspended.getEventId(), suspended.getOccurredAt()));
        } else if (event instanceof PartnerReinstated reinstated) {
            return new Fact(CONSUMERS.get(0),
                    () -> facts.reinstated(reinstated.getPartnerId(), reinstated.getEventId(), reinstated.getOccurredAt()));
        } else if (event instanceof SaleRecorded sale) {
            return new Fact(CONSUMERS.get(1), () -> facts.sale(sale.getPartnerId(), sale.getPaidAt(),
                    sale.getPartnerPriceKopecks(), sale.getNewClient(), sale.getEventId(), sale.getOccurredAt()));
        } else if (event instanceof SaleRefunded refund) {
            return new Fact(CONSUMERS.get(1), () -> facts.refund(refund.getPartnerId(), refund.getPaidAt(),
                    refund.getRefundedAt(), refund.getPartnerPriceKopecks(), refund.getEventId(), refund.getOccurredAt()));
        } else if (event instanceof ActivityLogged activity) {
            return new Fact(CONSUMERS.get(2), () -> facts.activity(activity.getPartnerId(), activity.getActivityType(),
                    activity.getActivityDate(), activity.getMarketingPoints(), activity.getEventId(), activity.getOccurredAt()));
        } else if (event instanceof LeadAssigned assigned) {
            return new Fact(CONSUMERS.get(4),
                    () -> facts.lead(assigned.getPartnerId(), LeadRecord.assignment(), assigned.getEventId(), assigned.getOccurredAt()));
        } else if (event instanceof LeadAccepted accepted) {
            return new Fact(CONSUMERS.get(4), () -> facts.lead(accepted.getPartnerId(),
                    LeadRecord.acceptance(accepted.getResponseSeconds()), accepted.getEventId(), accepted.getOccurredAt()));
        } else if (event instanceof LeadDeclined declined) {
            return new Fact(CONSUMERS.get(4), () -> ending(declined)
                    .ifPresent(counted -> facts.lead(declined.getPartnerId(), counted, declined.getEventId(), declined.getOccurredAt())));
        } else if (event instanceof LeadOutcomeRecorded outcome) {
            return new Fact(CONSUMERS.get(4), () -> result(outcome)
                    .ifPresent(counted -> facts.lead(outcome.getPartnerId(), counted, outcome.getEventId(), outcome.getOccurredAt())));
        } else if (event instanceof PartnerReviewDue review) {
            return new Fact(CONSUMERS.get(3),
                    () -> facts.reviewDue(review.getPartnerId(), review.getReviewDate(), review.getOccurredAt()));
        }
        throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.TIER_INPUTS);
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

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        facts.partitionsMoved();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        facts.partitionsMoved();
    }
}
