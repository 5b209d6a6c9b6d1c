package ru.moysklad.partners.platform.outbox;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.platform.correlation.CorrelationId;

/** Appends events to the outbox inside the caller's transaction; the topic and key come from the catalogue. */
public class Outbox {

    private final JdbcClient jdbc;
    private final String table;
    private final OutboxRelay relay;
    private final Serializer<SpecificRecord> serializer;

    public Outbox(JdbcClient jdbc, String schema, OutboxRelay relay, Serializer<SpecificRecord> serializer) {
        this.jdbc = jdbc;
        this.table = schema + ".outbox_message";
        this.relay = relay;
        this.serializer = serializer;
    }

    public void append(SpecificRecord event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the event and the change it announces could part ways.
            throw new IllegalStateException("an outbox append must join the transaction of the change it announces");
        }
        carryCorrelationId(event);
        Topic topic = Topic.carrying(event.getClass());
        jdbc.sql("INSERT INTO " + table + " (topic, message_key, event_id, event_type, correlation_id, payload)"
                        + " VALUES (:topic, :key, :eventId, :eventType, :correlationId, :payload)")
                .param("topic", topic.topicName())
                .param("key", EventFields.keyOf(event))
                .param("eventId", EventFields.eventIdOf(event))
                .param("eventType", event.getSchema().getFullName())
                .param("correlationId", EventFields.correlationIdOf(event))
                .param("payload", serializer.serialize(topic.topicName(), event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }

    /** An event caused by a request or another event carries that cause's correlation id, unless it names its own. */
    private static void carryCorrelationId(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("correlationId");
        if (field != null && event.get(field.pos()) == null) {
            CorrelationId.current().ifPresent(id -> event.put(field.pos(), id));
        }
    }
}
