package ru.moysklad.partners.tier.adapter.in.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.platform.kafka.PlatformKafkaConfiguration;

/**
 * Appends every event tier-service keeps a fact of, from partner-, sales-, bonus- and lead-service,
 * to tier-service's own input log ({@code tier.inputs}, keyed by partner), before the source offset
 * is committed, a batch at a time. The log fixes, once, the order in which one partner's facts are applied; the engine
 * reads only the log, so rebuilding from it replays exactly the same sequence. A crash between
 * append and commit appends an event twice; the engine applies each event id once.
 */
@Component
class InputLogForwarder {

    static final String CONSUMER = "tier-service.forwarder";

    private static final LogAccessor log = new LogAccessor(LogFactory.getLog(InputLogForwarder.class));

    private final KafkaOperations<Object, Object> kafka;

    InputLogForwarder(KafkaOperations<Object, Object> kafka) {
        this.kafka = kafka;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, containerFactory = PlatformKafkaConfiguration.BATCH,
            topics = {Topic.Names.PARTNER_LIFECYCLE, Topic.Names.PARTNER_SALES, Topic.Names.PARTNER_ACTIVITIES,
                    Topic.Names.LEAD_ASSIGNMENTS},
            properties = "max.poll.records=${tier.engine.batch-size:5000}")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) throws InterruptedException {
        // sent together and acknowledged together: one round trip to the broker per batch, not per event
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            SpecificRecord event = records.get(index).value();
            if (event == null) {
                awaitAcknowledged(sent);
                throw new BatchListenerFailedException("the record could not be decoded", SerializationUtils.getExceptionFromHeader(
                        records.get(index), SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log), index);
            }
            if (Topic.TIER_INPUTS.valueTypes().contains(event.getClass())) {
                sent.add(kafka.send(Topic.Names.TIER_INPUTS, EventFields.keyOf(event), event));
            }
            // employees, billing access, managers, lead preferences: tier-service keeps no fact of them
        }
        awaitAcknowledged(sent);
    }

    /** Offsets are committed only after this: a failure sends the batch again from its start (the engine applies each event once). */
    private static void awaitAcknowledged(List<CompletableFuture<?>> sent) throws InterruptedException {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BatchListenerFailedException("the input log did not acknowledge: " + e.getMessage(), e, 0);
        }
    }
}
