package ru.moysklad.partners.contracts;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

/** Kafka headers the platform sets on every event it publishes, so that tools and forwarders can tell events apart without decoding them. */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String CORRELATION_ID = "correlation-id";
    /** On a dead letter: why the consumer gave up on it, for people (Spring's kafka_dlt-* headers carry the rest). */
    public static final String DEAD_LETTER_REASON = "dlt-reason";
    /** On a dead letter: the consumer group that gave up on it. */
    public static final String DEAD_LETTER_CONSUMER = "dlt-consumer";

    /** The id and type headers of an event, as the outbox relay sets them: for tools that publish as the services do. */
    public static Map<String, String> of(SpecificRecord event) {
        return Map.of(EVENT_ID, EventFields.eventIdOf(event), EVENT_TYPE, event.getSchema().getFullName());
    }

    private EventHeaders() {
    }
}
