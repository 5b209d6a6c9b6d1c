package ru.moysklad.partners.deploy.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectSerializer;

/**
 * The benchmarks' own Kafka client: puts events on a topic as their producing service would (Avro
 * single-object encoding, keyed by partner, the outbox's headers), and reads how far a consumer group has got.
 */
final class BenchKafka implements AutoCloseable {

    /** As every service creates its topics (platform.kafka.partitions' default). */
    static final int PARTITIONS = 6;

    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSingleObjectSerializer avro = new AvroSingleObjectSerializer();

    BenchKafka(String bootstrapServers) {
        Properties admins = new Properties();
        admins.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(admins);
        Properties producers = new Properties();
        producers.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producers.put(ProducerConfig.ACKS_CONFIG, "all");
        producers.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producers.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        producers.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(producers, new StringSerializer(), new ByteArraySerializer());
    }

    /** The topics, as the services would create them, so that events can be put on them before any service starts. */
    void createTopics(Collection<String> names) throws ExecutionException, InterruptedException {
        for (String name : names) {
            try {
                admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** As the producing service's outbox relay sends it: keyed by partner, with the event's id and type in headers. */
    void send(String topic, SpecificRecord event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, EventFields.keyOf(event), avro.serialize(topic, event));
        EventHeaders.of(event).forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    /** The sum over the topic's partitions of their end offsets: how many records the topic holds. */
    long endOffsets(String topic) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> latest = described.get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** How many of the topic's records the group has committed: processed for good. */
    long committed(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        avro.close();
        admin.close(Duration.ofSeconds(10));
    }

    static void sleep(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
