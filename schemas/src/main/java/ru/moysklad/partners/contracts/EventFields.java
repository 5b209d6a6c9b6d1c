package ru.moysklad.partners.contracts;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Reads the fields every event carries, whatever its type. */
public final class EventFields {

    private EventFields() {
    }

    public static String eventIdOf(SpecificRecord event) {
        return required(event, "eventId");
    }

    public static String correlationIdOf(SpecificRecord event) {
        return optional(event, "correlationId");
    }

    /** The message key on the event's topic: the partner id, or the lead id for a lead not yet routed. */
    public static String keyOf(SpecificRecord event) {
        Topic topic = Topic.carrying(event.getClass());
        return required(event, topic.key() == KeyKind.PARTNER_ID ? "partnerId" : "leadId");
    }

    private static String required(SpecificRecord event, String field) {
        String value = optional(event, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(event.getSchema().getName() + " has no " + field);
        }
        return value;
    }

    private static String optional(SpecificRecord event, String field) {
        Schema.Field schemaField = event.getSchema().getField(field);
        if (schemaField == null) {
            throw new IllegalArgumentException(event.getSchema().getName() + " has no field " + field);
        }
        Object value = event.get(schemaField.pos());
        return value == null ? null : value.toString();
    }
}
