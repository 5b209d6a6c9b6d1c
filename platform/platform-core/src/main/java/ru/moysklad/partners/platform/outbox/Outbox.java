package ru.moysklad.partners.platform.outbox;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.platform.correlation.CorrelationId;
import ru.moysklad.partners.platform.kafka.BatchApplier;

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
        appendAll(List.of(event));
    }

    /**
     * Appends events in their order, in the caller's transaction. The rows wait and go in together,
     * in one statement, just before the transaction commits — all a request announces, or all of a
     * batch of events applied together — except in a transaction whose parts a savepoint may roll
     * back alone, where they go in at once ({@link BatchApplier#gatherUntilCommit}).
     */
    public void appendAll(List<? extends SpecificRecord> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the event and the change it announces could part ways.
            throw new IllegalStateException("an outbox append must join the transaction of the change it announces");
        }
        List<OutboxRelay.OutboxRow> rows = rowsOf(events);
        BatchApplier.<OutboxRelay.OutboxRow>gatherUntilCommit(this, this::insert).ifPresentOrElse(gathered -> gathered.addAll(rows), () -> insert(rows));
        if (!TransactionSynchronizationManager.hasResource(relay)) {
            TransactionSynchronizationManager.bindResource(relay, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(relay);
                }
            });
        }
    }

    /**
     * Publishes events at once, without an outbox row, returning when the broker has acknowledged
     * them all; they go out as the relay would send them (topic, key and headers). Only for events
     * that announce no change of the caller's: sent again after a failure, each is harmless (its
     * consumers apply an event id once), and lost, it is sent by the retry — a review run's
     * PartnerReviewDue, published before the run records how far it got, is the one use: a million
     * outbox rows written, read and deleted were most of the review's time (docs/benchmarks.md).
     *
     * @throws IllegalStateException when the broker did not acknowledge them all in time
     */
    public void publishNow(List<? extends SpecificRecord> events) {
        relay.publish(rowsOf(events));
    }

    private List<OutboxRelay.OutboxRow> rowsOf(List<? extends SpecificRecord> events) {
        List<OutboxRelay.OutboxRow> rows = new ArrayList<>(events.size());
        for (SpecificRecord event : events) {
            carryCorrelationId(event);
            Topic topic = Topic.carrying(event.getClass());
            // the id is the row's once inserted; until then, none
            rows.add(new OutboxRelay.OutboxRow(0, topic.topicName(), EventFields.keyOf(event), EventFields.eventIdOf(event),
                    event.getSchema().getFullName(), EventFields.correlationIdOf(event), serializer.serialize(topic.topicName(), event)));
        }
        return rows;
    }

    private void insert(List<OutboxRelay.OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] eventIds = new String[size];
        String[] eventTypes = new String[size];
        String[] correlationIds = new String[size];
        byte[][] payloads = new byte[size][];
        for (int i = 0; i < size; i++) {
            OutboxRelay.OutboxRow row = rows.get(i);
            topics[i] = row.topic();
            keys[i] = row.messageKey();
            eventIds[i] = row.eventId();
            eventTypes[i] = row.eventType();
            correlationIds[i] = row.correlationId();
            payloads[i] = row.payload();
        }
        // WITH ORDINALITY: the rows get their ids in the order the events were appended, the order they are relayed in
        jdbc.sql("INSERT INTO " + table + " (topic, message_key, event_id, event_type, correlation_id, payload)"
                        + " SELECT topic, message_key, event_id, event_type, correlation_id, payload"
                        + " FROM unnest(:topics::text[], :keys::text[], :eventIds::text[], :eventTypes::text[], :correlationIds::text[],"
                        + " :payloads::bytea[]) WITH ORDINALITY AS e(topic, message_key, event_id, event_type, correlation_id, payload, n)"
                        + " ORDER BY n")
                .param("topics", topics)
                .param("keys", keys)
                .param("eventIds", eventIds)
                .param("eventTypes", eventTypes)
                .param("correlationIds", correlationIds)
                .param("payloads", payloads)
                .update();
    }

    /** An event caused by a request or another event carries that cause's correlation id, unless it names its own. */
    private static void carryCorrelationId(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("correlationId");
        if (field != null && event.get(field.pos()) == null) {
            CorrelationId.current().ifPresent(id -> event.put(field.pos(), id));
        }
    }
}
