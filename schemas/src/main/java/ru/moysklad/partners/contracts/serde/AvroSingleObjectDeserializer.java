package ru.moysklad.partners.contracts.serde;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import ru.moysklad.partners.contracts.EventSchemas;

/**
 * Reads a single-object-encoded event into its generated class, whichever published version of the
 * schema it was written with. Bytes that are not single-object Avro, or carry a fingerprint no
 * known schema has, fail with a {@link SerializationException} that says which: wrapped in Spring
 * Kafka's {@code ErrorHandlingDeserializer}, such a message goes to the dead-letter topic with that
 * reason instead of stopping the consumer.
 */
public class AvroSingleObjectDeserializer implements Deserializer<SpecificRecord> {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private final EventSchemas schemas;
    private final SchemaStore store;
    private final Map<String, BinaryMessageDecoder<SpecificRecord>> decodersByType = new ConcurrentHashMap<>();

    public AvroSingleObjectDeserializer() {
        this(EventSchemas.instance());
    }

    AvroSingleObjectDeserializer(EventSchemas schemas) {
        AvroTrust.grant();
        this.schemas = schemas;
        SchemaStore.Cache cache = new SchemaStore.Cache();
        schemas.all().forEach(cache::addSchema);
        this.store = cache;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Schema writer = writerSchemaOf(topic, data);
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException("no generated class for " + writer.getFullName() + " on topic " + topic);
        }
        Schema reader = SpecificData.get().getSchema(type);
        BinaryMessageDecoder<SpecificRecord> decoder = decodersByType.computeIfAbsent(reader.getFullName(),
                name -> new BinaryMessageDecoder<>(SpecificData.getForSchema(reader), reader, store));
        try {
            return decoder.decode(data);
        } catch (Exception e) {
            throw new SerializationException("corrupt " + writer.getFullName() + " on topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private Schema writerSchemaOf(String topic, byte[] data) {
        if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
            throw new SerializationException("not an Avro single-object message on topic " + topic
                    + " (" + data.length + " bytes without the C3 01 marker)");
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = schemas.byFingerprint(fingerprint);
        if (writer == null) {
            throw new SerializationException("unknown schema fingerprint " + Long.toHexString(fingerprint)
                    + " on topic " + topic + ": written with a schema this build does not know");
        }
        return writer;
    }
}
