package ru.moysklad.partners.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectSerializer;
import ru.moysklad.partners.platform.PlatformProperties;

class EventSerdeTest {

    @Test
    void shouldUseAvroSingleObjectEncodingByDefault() {
        EventSerde serde = new EventSerde(new PlatformProperties(null, null, null).kafka());

        assertThat(serde.newSerializer()).isInstanceOf(AvroSingleObjectSerializer.class);
        assertThat(serde.newDeserializer()).isInstanceOf(AvroSingleObjectDeserializer.class);
    }

    @Test
    void shouldUseTheConfiguredSerializerWithItsProperties() {
        var settings = new PlatformProperties.Kafka(null, null, null, null, null, RegistrySerializer.class, null,
                Map.of("schema.registry.url", "http://registry:8081"));

        Serializer<SpecificRecord> serializer = new EventSerde(settings).newSerializer();

        assertThat(serializer).isInstanceOf(RegistrySerializer.class);
        assertThat(((RegistrySerializer) serializer).configured).containsEntry("schema.registry.url", "http://registry:8081");
    }

    /** Stands in for a registry-based serializer such as Confluent's. */
    public static class RegistrySerializer implements Serializer<SpecificRecord> {
        final Map<String, Object> configured = new HashMap<>();

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            configured.putAll(configs);
        }

        @Override
        public byte[] serialize(String topic, SpecificRecord data) {
            return new byte[0];
        }
    }
}
