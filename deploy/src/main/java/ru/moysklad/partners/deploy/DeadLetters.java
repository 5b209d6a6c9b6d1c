package ru.moysklad.partners.deploy;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;

/**
 * Vendor staff's tool for the dead-letter topics: lists what lies there and why, and re-drives a
 * dead letter — sends its very bytes, key and headers back to the topic it came from — once the
 * cause is fixed (a consumer upgraded, a partner registered). Every consumer applies an event once
 * by its id, so re-driving one already applied changes nothing.
 *
 * <pre>
 * ./run dead-letters list [TOPIC.dlt ...]                       every dead-letter topic when none is named
 * ./run dead-letters redrive TOPIC.dlt PARTITION:OFFSET [...]
 * ./run dead-letters redrive TOPIC.dlt --all
 * </pre>
 * {@code --bootstrap-servers HOST:PORT} (default 127.0.0.1:9092, the local run's broker) goes first.
 */
public final class DeadLetters {

    /** Headers the platform's consumers write on a dead letter. */
    static final String REASON = EventHeaders.DEAD_LETTER_REASON;
    static final String CONSUMER = EventHeaders.DEAD_LETTER_CONSUMER;
    /** Spring Kafka's own dead-letter headers. */
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    /** Put on a re-driven record: where it was taken from, so its story can be followed. */
    static final String REDRIVEN_FROM = "redriven-from";

    private static final Duration POLL = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final PrintStream out;

    DeadLetters(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        String servers = "127.0.0.1:9092";
        if (rest.size() >= 2 && rest.get(0).equals("--bootstrap-servers")) {
            servers = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        try {
            run(new DeadLetters(servers, System.out), rest);
        } catch (TimeoutException e) {
            System.err.println("dead-letters: no Kafka broker answered at " + servers + "; is the platform running?");
            System.exit(1);
        } catch (IllegalArgumentException e) {
            System.err.println("dead-letters: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(DeadLetters tool, List<String> rest) throws ExecutionException, InterruptedException {
        if (!rest.isEmpty() && rest.get(0).equals("list")) {
            List<String> topics = rest.size() > 1 ? rest.subList(1, rest.size())
                    : List.of(Topic.values()).stream().map(Topic::deadLetterTopicName).toList();
            tool.list(topics);
        } else if (rest.size() >= 3 && rest.get(0).equals("redrive")) {
            int sent = rest.get(2).equals("--all") ? tool.redriveAll(rest.get(1)) : tool.redrive(rest.get(1), rest.subList(2, rest.size()));
            System.out.println(sent + " dead letter(s) re-driven");
        } else {
            System.err.println("""
                    usage: dead-letters [--bootstrap-servers HOST:PORT] list [TOPIC.dlt ...]
                           dead-letters [--bootstrap-servers HOST:PORT] redrive TOPIC.dlt PARTITION:OFFSET [...]
                           dead-letters [--bootstrap-servers HOST:PORT] redrive TOPIC.dlt --all""");
            System.exit(2);
        }
    }

    /** One dead letter as a person reads it. */
    record DeadLetter(String topic, int partition, long offset, Instant at, String key, String originalTopic, String originalPosition,
                      String consumer, String reason, String event) {

        String position() {
            return partition + ":" + offset;
        }
    }

    /** Prints every dead letter of the topics, oldest first, and answers them. */
    List<DeadLetter> list(List<String> topics) {
        List<DeadLetter> all = new ArrayList<>();
        for (String topic : topics) {
            List<ConsumerRecord<byte[], byte[]>> records = read(topic);
            out.println(topic + ": " + records.size() + " dead letter(s)");
            for (ConsumerRecord<byte[], byte[]> record : records) {
                DeadLetter letter = describe(record);
                all.add(letter);
                out.println("  " + letter.position() + "  " + letter.at() + "  key " + letter.key() + "  from " + letter.originalTopic()
                        + " " + letter.originalPosition() + (letter.consumer() == null ? "" : "  consumer " + letter.consumer()));
                out.println("      reason: " + letter.reason());
                out.println("      event:  " + letter.event());
            }
        }
        return all;
    }

    /** Re-drives the dead letters at these positions ({@code PARTITION:OFFSET}) of the topic. */
    int redrive(String topic, List<String> positions) throws ExecutionException, InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> records = read(topic);
        for (String position : positions) {
            ConsumerRecord<byte[], byte[]> found = records.stream()
                    .filter(record -> (record.partition() + ":" + record.offset()).equals(position))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no dead letter at " + position + " of " + topic));
            chosen.add(found);
        }
        return send(chosen);
    }

    int redriveAll(String topic) throws ExecutionException, InterruptedException {
        return send(read(topic));
    }

    private int send(List<ConsumerRecord<byte[], byte[]>> letters) throws ExecutionException, InterruptedException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                String target = originalTopic(letter);
                ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(target, null, letter.key(), letter.value());
                for (Header header : letter.headers()) {
                    // the event's own headers go back with it; why it failed last time does not
                    if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("dlt-")) {
                        again.headers().add(header);
                    }
                }
                again.headers().add(REDRIVEN_FROM, (letter.topic() + "@" + letter.partition() + ":" + letter.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(again).get();
                out.println("re-driven " + letter.topic() + " " + letter.partition() + ":" + letter.offset() + " to " + target);
            }
        }
        return letters.size();
    }

    /** Every record on the topic now, from its beginning, read without joining a consumer group. */
    private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(POLL).forEach(records::add);
            }
            records.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
            return records;
        }
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), originalTopic(record),
                number(record, ORIGINAL_PARTITION) + ":" + number(record, ORIGINAL_OFFSET), text(record, CONSUMER),
                text(record, REASON), event(record.value()));
    }

    /** The event, when its bytes decode; otherwise what they look like. */
    private static String event(byte[] value) {
        if (value == null) {
            return "(no value)";
        }
        try (AvroSingleObjectDeserializer decoder = new AvroSingleObjectDeserializer()) {
            SpecificRecord event = decoder.deserialize(null, value);
            return event.getSchema().getName() + " " + EventFields.eventIdOf(event) + " " + event;
        } catch (RuntimeException e) {
            return "not a readable event (" + e.getMessage() + "): " + value.length + " bytes, starting "
                    + HexFormat.of().formatHex(value, 0, Math.min(16, value.length));
        }
    }

    private static String originalTopic(ConsumerRecord<byte[], byte[]> record) {
        String original = text(record, ORIGINAL_TOPIC);
        if (original != null) {
            return original;
        }
        if (!record.topic().endsWith(Topic.DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException(record.topic() + " is no dead-letter topic");
        }
        return record.topic().substring(0, record.topic().length() - Topic.DEAD_LETTER_SUFFIX.length());
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring writes partitions as 4 bytes and offsets as 8, big-endian. */
    private static String number(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return "?";
        }
        byte[] bytes = header.value();
        return switch (bytes.length) {
            case 4 -> Integer.toString(ByteBuffer.wrap(bytes).getInt());
            case 8 -> Long.toString(ByteBuffer.wrap(bytes).getLong());
            default -> new String(bytes, StandardCharsets.UTF_8);
        };
    }
}
