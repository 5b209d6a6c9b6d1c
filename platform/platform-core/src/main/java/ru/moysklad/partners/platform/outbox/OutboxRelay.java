package ru.moysklad.partners.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Moves outbox rows to Kafka: reads a batch in id (commit) order, sends it and waits for the broker's
 * acknowledgement; the rows acknowledged are deleted in the transaction that reads the next batch.
 * No transaction stays open while the broker is waited on: one held open for a send kept every
 * table's dead rows from being cleaned up for as long as the broker took — seconds, while
 * tier-service's review published a million events (docs/benchmarks.md). A crash between a send and
 * the next read sends the batch again, which is harmless, consumers being idempotent by event id.
 *
 * <p>Only one instance of a service reads a batch at a time (a transaction-scoped advisory lock),
 * and each sends its batch in id order and deletes it only once acknowledged. Another instance that
 * reads while a batch is in flight reads the same batch, from its first row still on the table: it
 * may send rows again, never a row before one still unsent, so one partner's events keep their order.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long[] NONE = new long[0];

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final PlatformProperties.Outbox settings;
    private final String table;
    private final long lockKey;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    /** The ids of the rows the last batch sent and the broker acknowledged: the next read deletes them. */
    private volatile long[] acknowledged = NONE;
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

    /**
     * Deletes the rows the last batch sent, then publishes one batch; returns how many events it
     * published (0 when another instance holds the relay).
     */
    public int relayOnce() {
        long[] sent = acknowledged;
        List<OutboxRow> rows = transactions.execute(status -> {
            // one statement: the acknowledged rows are deleted by whichever instance sent them, the relay's lock or not
            Boolean leader = jdbc.sql("WITH sent AS (DELETE FROM " + table + " WHERE id = ANY(:ids::bigint[]) RETURNING id)"
                            + " SELECT pg_try_advisory_xact_lock(:key) FROM (SELECT count(*) FROM sent) AS deleted")
                    .param("ids", sent).param("key", lockKey)
                    .query(Boolean.class).single();
            if (!leader) {
                return List.<OutboxRow>of();
            }
            // the size is part of the text, not a parameter: the server then keeps one plan for the statement
            return jdbc.sql("SELECT id, topic, message_key, event_id, event_type, correlation_id, payload"
                            + " FROM " + table + " ORDER BY id LIMIT " + settings.batchSize())
                    .query(OutboxRow.class)
                    .list();
        });
        acknowledged = NONE;
        if (rows == null || rows.isEmpty()) {
            return 0;
        }
        publish(rows);
        acknowledged = rows.stream().mapToLong(OutboxRow::id).toArray();
        return rows.size();
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
        deleteAcknowledged();
    }

    private void delete(long[] ids) {
        jdbc.sql("DELETE FROM " + table + " WHERE id = ANY(:ids::bigint[])").param("ids", ids).update();
    }

    /** On the way out: the rows the last batch sent need not be sent again by the next start. */
    private void deleteAcknowledged() {
        long[] sent = acknowledged;
        if (sent.length == 0) {
            return;
        }
        try {
            delete(sent);
            acknowledged = NONE;
        } catch (RuntimeException e) {
            log.info("Outbox relay stopping: {} events sent are left to be sent again ({})", sent.length, e.getMessage());
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
