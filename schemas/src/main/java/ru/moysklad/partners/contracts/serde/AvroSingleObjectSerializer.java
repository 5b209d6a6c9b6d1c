package ru.moysklad.partners.contracts.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any generated event class in Avro single-object encoding. */
public class AvroSingleObjectSerializer implements Serializer<SpecificRecord> {

    private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    public AvroSingleObjectSerializer() {
        AvroTrust.grant();
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        Schema schema = event.getSchema();
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.computeIfAbsent(schema,
                writer -> new BinaryMessageEncoder<>(SpecificData.getForSchema(writer), writer));
        try {
            ByteBuffer buffer = encoder.encode(event);
            return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                    buffer.arrayOffset() + buffer.limit());
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
