package ru.moysklad.partners.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every schema version a consumer of this build can meet: the current one of each event type, and
 * every version published before (kept in {@code published/<full name>/v<n>.avsc}, on the classpath
 * under {@code avro-published/}). Looked up by the 64-bit fingerprint that single-object encoding
 * puts in each message.
 */
public final class EventSchemas {

    public static final String PUBLISHED_RESOURCE_ROOT = "avro-published/";

    private static final EventSchemas INSTANCE = load();

    private final Map<Long, Schema> byFingerprint;

    private EventSchemas(Map<Long, Schema> byFingerprint) {
        this.byFingerprint = Map.copyOf(byFingerprint);
    }

    public static EventSchemas instance() {
        return INSTANCE;
    }

    public Schema byFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    public List<Schema> all() {
        return List.copyOf(byFingerprint.values());
    }

    /** The fingerprint single-object encoding uses: CRC-64-AVRO of the parsing canonical form. */
    public static long fingerprintOf(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The versions of one event type published so far, oldest first. */
    public static List<Schema> publishedVersionsOf(String fullName) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = EventSchemas.class.getClassLoader();
        for (int version = 1; ; version++) {
            try (InputStream in = loader.getResourceAsStream(PUBLISHED_RESOURCE_ROOT + fullName + "/v" + version + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static EventSchemas load() {
        Map<Long, Schema> schemas = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : Topic.allEventTypes()) {
            Schema current = SpecificData.get().getSchema(type);
            schemas.put(fingerprintOf(current), current);
            for (Schema published : publishedVersionsOf(current.getFullName())) {
                schemas.putIfAbsent(fingerprintOf(published), published);
            }
        }
        return new EventSchemas(schemas);
    }
}
