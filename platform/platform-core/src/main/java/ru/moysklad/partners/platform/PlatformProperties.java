package ru.moysklad.partners.platform;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectSerializer;

/**
 * Settings of the shared plumbing, under {@code platform.*}.
 *
 * @param schema       the database schema that holds the outbox and processed-event tables, beside the service's own
 * @param outbox       how the relay moves outbox rows to Kafka
 * @param kafka        topic layout and failure handling
 */
@ConfigurationProperties("platform")
public record PlatformProperties(String schema, Outbox outbox, Kafka kafka) {

    public PlatformProperties {
        schema = schema == null ? "platform" : schema;
        outbox = outbox == null ? new Outbox(null, null, null) : outbox;
        kafka = kafka == null ? new Kafka(null, null, null, null, null, null, null, null) : kafka;
    }

    /**
     * @param pollInterval how long the relay waits when no commit woke it (a commit wakes it at once)
     * @param batchSize    rows sent per relay transaction
     * @param sendTimeout  how long the relay waits for the broker to acknowledge a batch
     */
    public record Outbox(Duration pollInterval, Integer batchSize, Duration sendTimeout) {
        public Outbox {
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            batchSize = batchSize == null ? 500 : batchSize;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        }
    }

    /**
     * @param partitions        partitions of every topic (the ceiling on consumer instances per group)
     * @param replicationFactor replicas of every topic
     * @param retries           retries of a failing message before it goes to the dead-letter topic
     * @param retryBackoff      pause between those retries
     * @param outageBackoffMax  longest pause between retries while the database or broker is unreachable;
     *                          such failures are retried until they pass, never dead-lettered
     * @param valueSerializer   the event serializer (Avro single-object encoding unless configured otherwise)
     * @param valueDeserializer the event deserializer, the counterpart of {@code valueSerializer}
     * @param serdeProperties   passed to both on {@code configure}, e.g. a schema registry's address
     */
    @SuppressWarnings("rawtypes")
    public record Kafka(Integer partitions, Short replicationFactor, Integer retries, Duration retryBackoff,
                        Duration outageBackoffMax, Class<? extends Serializer> valueSerializer,
                        Class<? extends Deserializer> valueDeserializer, Map<String, String> serdeProperties) {
        public Kafka {
            valueSerializer = valueSerializer == null ? AvroSingleObjectSerializer.class : valueSerializer;
            valueDeserializer = valueDeserializer == null ? AvroSingleObjectDeserializer.class : valueDeserializer;
            serdeProperties = serdeProperties == null ? Map.of() : Map.copyOf(serdeProperties);
            partitions = partitions == null ? 6 : partitions;
            replicationFactor = replicationFactor == null ? 1 : replicationFactor;
            retries = retries == null ? 2 : retries;
            retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
            outageBackoffMax = outageBackoffMax == null ? Duration.ofSeconds(10) : outageBackoffMax;
        }
    }
}
