package ru.moysklad.partners.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;

/**
 * Reads what services publish on one topic, from its beginning, as a separate consumer would:
 * tests assert on real messages on the real broker. Raw bytes are kept too, so a test can redeliver
 * a message exactly as it was.
 */
public final class EventProbe implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroSingleObjectDeserializer deserializer = new AvroSingleObjectDeserializer();
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private EventProbe(String topic, String bootstrapServers) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public static EventProbe on(Topic topic) {
        return new EventProbe(topic.topicName(), RealInfrastructure.kafkaBootstrapServers());
    }

    public static EventProbe onDeadLetters(Topic topic) {
        return new EventProbe(topic.deadLetterTopicName(), RealInfrastructure.kafkaBootstrapServers());
    }

    /** Waits until a message of the given type matches, and returns it. */
    public <T extends SpecificRecord> T await(Class<T> type, Predicate<T> matching, Duration timeout) {
        return type.cast(awaitRecord(record -> {
            SpecificRecord event = decode(record);
            return type.isInstance(event) && matching.test(type.cast(event));
        }, timeout).map(this::decode).orElseThrow());
    }

    /** Waits until a raw message matches (for dead letters, which may not decode). */
    public java.util.Optional<ConsumerRecord<String, byte[]>> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching,
                                                                          Duration timeout) {
        return java.util.Optional.of(Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return seen.stream().filter(matching).findFirst();
                }, java.util.Optional::isPresent).orElseThrow());
    }

    /** Every message of the type seen so far that matches, after reading what is there now. */
    public <T extends SpecificRecord> List<T> all(Class<T> type, Predicate<T> matching) {
        poll();
        return seen.stream().map(this::decode).filter(type::isInstance).map(type::cast).filter(matching).toList();
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        poll();
        return List.copyOf(seen);
    }

    public SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        return deserializer.deserialize(topic, record.value());
    }

    private void poll() {
        for (int round = 0; round < 3; round++) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
