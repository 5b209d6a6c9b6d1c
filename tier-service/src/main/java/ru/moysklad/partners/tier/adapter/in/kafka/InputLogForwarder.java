package ru.moysklad.partners.tier.adapter.in.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.platform.kafka.EventSerde;
import ru.moysklad.partners.platform.kafka.FailureClassifier;
import ru.moysklad.partners.platform.kafka.PlatformKafkaConfiguration;

/**
 * Appends every event tier-service keeps a fact of, from partner-, sales-, bonus- and lead-service,
 * to tier-service's own input log ({@code tier.inputs}, keyed by partner), before the source offset
 * is committed, a batch at a time. The log fixes, once, the order in which one partner's facts are
 * applied; the engine reads only the log, so rebuilding from it replays exactly the same sequence. A
 * crash between append and commit appends an event twice; the engine applies each event id once.
 *
 * <p>Events are passed on as published — the same key, bytes and headers — without being decoded
 * and encoded again: that was a quarter of tier-service's profile in the status engine's benchmark.
 * The source topics are keyed by partner, as the input log is (the engine refuses an event keyed by
 * another partner). Which events to pass on is read from the {@code event-type} header the outbox
 * sets; an event without it (published by hand, or a dead letter sent back) is decoded to tell, and
 * one that cannot be decoded goes to its topic's dead letters with the reason. An event whose header
 * names a fact but whose bytes are broken reaches the engine, which dead-letters it from the log.
 */
@Component
class InputLogForwarder {

    static final String CONSUMER = "tier-service.forwarder";

    private static final Set<String> FORWARDED = Topic.TIER_INPUTS.valueTypes().stream()
            .map(type -> SpecificData.get().getSchema(type).getFullName())
            .collect(Collectors.toUnmodifiableSet());

    private final KafkaOperations<Object, Object> kafka;
    private final Deserializer<SpecificRecord> decoder;

    InputLogForwarder(KafkaOperations<Object, Object> kafka, EventSerde serde) {
        this.kafka = kafka;
        this.decoder = serde.newDeserializer();
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, containerFactory = PlatformKafkaConfiguration.RAW_BATCH,
            topics = {Topic.Names.PARTNER_LIFECYCLE, Topic.Names.PARTNER_SALES, Topic.Names.PARTNER_ACTIVITIES,
                    Topic.Names.LEAD_ASSIGNMENTS},
            properties = "max.poll.records=${tier.engine.batch-size:5000}")
    void on(List<ConsumerRecord<String, byte[]>> records) throws InterruptedException {
        // sent together and acknowledged together: one round trip to the broker per batch, not per event
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            String type;
            try {
                type = typeOf(record);
            } catch (RuntimeException refused) {
                awaitAcknowledged(sent);
                throw new BatchListenerFailedException(FailureClassifier.reasonOf(refused), refused, index);
            }
            if (FORWARDED.contains(type)) {
                sent.add(kafka.send(new ProducerRecord<>(Topic.Names.TIER_INPUTS, null, record.key(), record.value(), record.headers())));
            }
            // employees, billing access, managers, lead preferences: tier-service keeps no fact of them
        }
        awaitAcknowledged(sent);
    }

    /** The event's type, by its header or else by decoding it; refused when it cannot be passed on in its partner's order. */
    private String typeOf(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("a record without a value on " + record.topic());
        }
        if (record.key() == null || record.key().isBlank()) {
            throw new IllegalArgumentException("an event without its partner id as the key on " + record.topic());
        }
        Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return decoder.deserialize(record.topic(), record.value()).getSchema().getFullName();
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
