package ru.moysklad.partners.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.platform.PlatformProperties;
import ru.moysklad.partners.contracts.EventHeaders;

/**
 * Moves outbox rows to Kafka: deletes a batch in id (commit) order, sends it and waits for the
 * broker's acknowledgement, all in one database transaction that commits only after the broker has
 * acknowledged — one statement per batch. A failed send rolls the deletion back; a crash after the
 * send and before the commit sends the batch again, which is harmless, consumers being idempotent by
 * event id.
 *
 * <p>Only one instance of a service relays at a time (a transaction-scoped advisory lock), because
 * two relays taking different batches could reorder one partner's events.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final PlatformProperties.Outbox settings;
    private final String table;
    private final long lockKey;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<Object, Object> kafka,
                       PlatformProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = properties.outbox();
        this.table = properties.schema() + ".outbox_message";
        this.lockKey = ("outbox-relay:" + table).hashCode();
    }

    /** Called after a commit that appended events, so they leave without waiting for the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Publishes one batch; returns how many events it published (0 when another instance holds the relay). */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Boolean leader = jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", lockKey)
                    .query(Boolean.class).single();
            if (!leader) {
                return 0;
            }
            // taken off the table and sent in one transaction: if the broker does not acknowledge them, the rollback puts them back
            List<OutboxRow> rows = new ArrayList<>(jdbc.sql("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                            + " ORDER BY id LIMIT :limit) RETURNING id, topic, message_key, event_id, event_type, correlation_id, payload")
                    .param("limit", settings.batchSize())
                    .query(OutboxRow.class)
                    .list());
            if (rows.isEmpty()) {
                return 0;
            }
            // RETURNING keeps no order: the rows are relayed in id (commit) order
            rows.sort(Comparator.comparingLong(OutboxRow::id));
            publish(rows);
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    /** Sends the rows and waits until the broker has acknowledged them all. */
    void publish(List<OutboxRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<Object, Object> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
            record.headers().add(EventHeaders.EVENT_ID, row.eventId().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
            if (row.correlationId() != null) {
                record.headers().add(EventHeaders.CORRELATION_ID, row.correlationId().getBytes(StandardCharsets.UTF_8));
            }
            acks.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge an outbox batch; it will be sent again", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                int sent = relayOnce();
                if (sent < settings.batchSize()) {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Outbox relay failed; retrying: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            wakeUp();
            try {
                worker.join(settings.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    record OutboxRow(long id, String topic, String messageKey, String eventId, String eventType, String correlationId,
                     byte[] payload) {
    }
}
