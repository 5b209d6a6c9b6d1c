package ru.moysklad.partners.platform.kafka;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.BeanUtils;

import ru.moysklad.partners.platform.PlatformProperties;

/**
 * The serializer and deserializer of event values, chosen by configuration
 * ({@code platform.kafka.value-serializer}, {@code value-deserializer}, {@code serde-properties}):
 * Avro single-object encoding by default, or e.g. a schema-registry serde where a registry exists.
 * The outbox encodes with the same serializer the producers would use.
 */
public final class EventSerde {

    private final Supplier<Serializer<SpecificRecord>> serializers;
    private final Supplier<Deserializer<SpecificRecord>> deserializers;

    @SuppressWarnings("unchecked")
    public EventSerde(PlatformProperties.Kafka settings) {
        Map<String, String> properties = settings.serdeProperties();
        this.serializers = () -> {
            Serializer<SpecificRecord> serializer = BeanUtils.instantiateClass(settings.valueSerializer());
            serializer.configure(properties, false);
            return serializer;
        };
        this.deserializers = () -> {
            Deserializer<SpecificRecord> deserializer = BeanUtils.instantiateClass(settings.valueDeserializer());
            deserializer.configure(properties, false);
            return deserializer;
        };
    }

    public Serializer<SpecificRecord> newSerializer() {
        return serializers.get();
    }

    public Deserializer<SpecificRecord> newDeserializer() {
        return deserializers.get();
    }
}
