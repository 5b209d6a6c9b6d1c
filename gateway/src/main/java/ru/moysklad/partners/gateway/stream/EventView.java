package ru.moysklad.partners.gateway.stream;

import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * An event as plain JSON-ready values, field by field in schema order: times as ISO-8601 text,
 * enums by name, nested records as objects. What a browser gets is what the Avro schema documents.
 */
final class EventView {

    private EventView() {
    }

    static Map<String, Object> of(IndexedRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            fields.put(field.name(), value(record.get(field.pos())));
        }
        return fields;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>
                || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof IndexedRecord nested) {
            return of(nested);
        }
        if (value instanceof Collection<?> items) {
            var list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(value(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), value(v)));
            return copy;
        }
        if (value instanceof ByteBuffer bytes) {
            return Base64.getEncoder().encodeToString(bytes.duplicate().array());
        }
        return value.toString();
    }
}
