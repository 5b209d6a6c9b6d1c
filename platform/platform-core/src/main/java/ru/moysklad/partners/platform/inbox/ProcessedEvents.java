package ru.moysklad.partners.platform.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.contracts.EventFields;

/** Applies an event's effect at most once per consumer, in one transaction with the record of having done so. */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String table;

    public ProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions, String schema) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.table = schema + ".processed_event";
    }

    /**
     * Runs {@code effect} in a new transaction unless {@code consumer} has already applied this event.
     *
     * @return true when the effect ran, false for a redelivery
     */
    public boolean applyOnce(String consumer, SpecificRecord event, Runnable effect) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!markFirstDelivery(consumer, EventFields.eventIdOf(event))) {
                return false;
            }
            effect.run();
            return true;
        }));
    }

    /** Must run inside the effect's transaction: true the first time, false ever after. */
    public boolean markFirstDelivery(String consumer, String eventId) {
        return jdbc.sql("INSERT INTO " + table + " (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }

    /**
     * The batch form of {@link #markFirstDelivery}, in one statement: of these event ids (a repeated
     * id counts once), those the consumer had not applied yet, now recorded as applied. Must run
     * inside the transaction of the events' effects.
     */
    public Set<String> markFirstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("INSERT INTO " + table + " (consumer, event_id) SELECT :consumer, unnest(:eventIds::text[])"
                        + " ON CONFLICT DO NOTHING RETURNING event_id")
                .param("consumer", consumer)
                .param("eventIds", eventIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /**
     * Forgets every event the consumer applied, so that it applies them again: for rebuilding a
     * service's state from its topics. Runs in the caller's transaction.
     */
    public void forget(String consumer) {
        jdbc.sql("DELETE FROM " + table + " WHERE consumer = :consumer").param("consumer", consumer).update();
    }
}
