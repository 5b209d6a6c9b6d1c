package ru.moysklad.partners.contracts;

/** Kafka headers the platform sets on every event it publishes, so that tools and forwarders can tell events apart without decoding them. */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String CORRELATION_ID = "correlation-id";
    /** On a dead letter: why the consumer gave up on it, for people (Spring's kafka_dlt-* headers carry the rest). */
    public static final String DEAD_LETTER_REASON = "dlt-reason";
    /** On a dead letter: the consumer group that gave up on it. */
    public static final String DEAD_LETTER_CONSUMER = "dlt-consumer";

    private EventHeaders() {
    }
}
