package ru.moysklad.partners.platform.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.moysklad.partners.contracts.EventFields;
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

    public void send(SpecificRecord event) {
        Topic topic = Topic.carrying(event.getClass());
        sendRaw(topic.topicName(), EventFields.keyOf(event), serializer.serialize(topic.topicName(), event));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
