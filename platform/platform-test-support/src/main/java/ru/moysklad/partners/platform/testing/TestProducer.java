package ru.moysklad.partners.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectSerializer;

/**
 * Publishes to the shared test broker as another service would: events on their catalogue topic and
 * key, or raw bytes (a redelivery, or a poison message) anywhere.
 */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    private final AvroSingleObjectSerializer serializer = new AvroSingleObjectSerializer();

    /** As the producing service's outbox relay sends it: on its catalogue topic, keyed by partner (or lead), with the event's id and type in headers. */
    public void send(SpecificRecord event) {
        sendUnderKey(event, EventFields.keyOf(event));
    }

    /** As {@link #send} does, but under another key: a producer that keys its events wrongly. */
    public void sendUnderKey(SpecificRecord event, String key) {
        Topic topic = Topic.carrying(event.getClass());
        sendRaw(topic.topicName(), key, serializer.serialize(topic.topicName(), event), EventHeaders.of(event));
    }

    /** Bytes without headers: a redelivery by hand, or a poison message. */
    public void sendRaw(String topic, String key, byte[] value) {
        sendRaw(topic, key, value, Map.of());
    }

    public void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
