package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectSerializer;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.RealInfrastructure;

/** The dead-letter tool over a real broker: dead letters listed with their reasons, one re-driven to where it came from. */
class DeadLettersIT {

    private static final String DEAD_LETTERS = Topic.PARTNER_ACTIVITIES.deadLetterTopicName();

    @BeforeAll
    static void topics() {
        RealInfrastructure.createCatalogueTopics();
    }

    @Test
    void shouldReadTheHeadersThePlatformsConsumersWrite() {
        assertThat(DeadLetters.REASON).isEqualTo(EventHeaders.DEAD_LETTER_REASON);
        assertThat(DeadLetters.CONSUMER).isEqualTo(EventHeaders.DEAD_LETTER_CONSUMER);
        assertThat(DeadLetters.ORIGINAL_TOPIC).isEqualTo(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        assertThat(DeadLetters.ORIGINAL_PARTITION).isEqualTo(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        assertThat(DeadLetters.ORIGINAL_OFFSET).isEqualTo(KafkaHeaders.DLT_ORIGINAL_OFFSET);
    }

    @Test
    void shouldListDeadLettersWithTheirReasonsAndRedriveOneToItsTopicWithoutItsFailure() throws Exception {
        String partnerId = "partner-" + UUID.randomUUID();
        ActivityLogged activity = ActivityLogged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setActivityId("activity-" + UUID.randomUUID()).setActivityType("WEBINAR").setActivityDate(LocalDate.of(2026, 11, 20)).setMarketingPoints(20)
                .build();
        byte[] event;
        try (AvroSingleObjectSerializer serializer = new AvroSingleObjectSerializer()) {
            event = serializer.serialize(Topic.PARTNER_ACTIVITIES.topicName(), activity);
        }
        deadLetter(partnerId, event, "unknown partner " + partnerId);
        deadLetter(partnerId, "not avro".getBytes(StandardCharsets.UTF_8), "not an Avro single-object message");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DeadLetters tool = new DeadLetters(RealInfrastructure.kafkaBootstrapServers(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<DeadLetters.DeadLetter> letters = tool.list(List.of(DEAD_LETTERS)).stream()
                .filter(letter -> partnerId.equals(letter.key())).toList();

        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).reason()).isEqualTo("unknown partner " + partnerId);
        assertThat(letters.get(0).originalTopic()).isEqualTo(Topic.PARTNER_ACTIVITIES.topicName());
        assertThat(letters.get(0).originalPosition()).isEqualTo("3:41");
        assertThat(letters.get(0).consumer()).isEqualTo("bonus-service.activities");
        assertThat(letters.get(0).event()).startsWith("ActivityLogged " + activity.getEventId());
        assertThat(letters.get(1).event()).startsWith("not a readable event").contains("6e6f74206176726f");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("reason: unknown partner " + partnerId);

        try (EventProbe activities = EventProbe.on(Topic.PARTNER_ACTIVITIES)) {
            assertThat(tool.redrive(DEAD_LETTERS, List.of(letters.get(0).position()))).isEqualTo(1);

            var redriven = activities.awaitRecord(record -> partnerId.equals(record.key()), Duration.ofSeconds(30)).orElseThrow();
            assertThat(activities.decode(redriven)).isEqualTo(activity);
            assertThat(new String(redriven.headers().lastHeader(DeadLetters.REDRIVEN_FROM).value(), StandardCharsets.UTF_8))
                    .isEqualTo(DEAD_LETTERS + "@" + letters.get(0).position());
            assertThat(redriven.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON)).isNull();
            assertThat(new String(redriven.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo(activity.getEventId());
        }
        assertThatThrownBy(() -> tool.redrive(DEAD_LETTERS, List.of("0:999999"))).hasMessageContaining("no dead letter at 0:999999");
    }

    /** A dead letter as the platform's error handler writes it: the event's bytes and headers, and why it failed. */
    private static void deadLetter(String key, byte[] value, String reason) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(DEAD_LETTERS, key.getBytes(StandardCharsets.UTF_8), value);
            record.headers().add(EventHeaders.EVENT_ID, eventIdOf(value))
                    .add(EventHeaders.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.DEAD_LETTER_CONSUMER, "bonus-service.activities".getBytes(StandardCharsets.UTF_8))
                    .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topic.PARTNER_ACTIVITIES.topicName().getBytes(StandardCharsets.UTF_8))
                    .add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(3).array())
                    .add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41).array());
            producer.send(record).get();
        }
    }

    private static byte[] eventIdOf(byte[] value) {
        try (AvroSingleObjectDeserializer decoder = new AvroSingleObjectDeserializer()) {
            return EventFields.eventIdOf(decoder.deserialize(null, value)).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException notAnEvent) {
            return "unknown".getBytes(StandardCharsets.UTF_8);
        }
    }
}
