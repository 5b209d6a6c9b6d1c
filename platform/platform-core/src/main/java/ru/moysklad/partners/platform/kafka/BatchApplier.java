package ru.moysklad.partners.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.platform.correlation.CorrelationId;
import ru.moysklad.partners.platform.correlation.CorrelationIdRecordInterceptor;

/**
 * Applies a batch of records in one database transaction (one commit for hundreds of events), each
 * record in a savepoint of its own. A record that fails is rolled back alone, the records before it
 * are committed, and the error handler is told its index: it retries that record, then sends it to
 * the dead-letter topic with the reason, and goes on with the rest. An outage (the database gone)
 * rolls the whole batch back and names the first record, so nothing is committed and the whole
 * batch is retried until the outage passes.
 */
public class BatchApplier {

    private static final LogAccessor log = new LogAccessor(LogFactory.getLog(BatchApplier.class));

    private final TransactionTemplate batch;
    private final TransactionTemplate each;

    public BatchApplier(PlatformTransactionManager transactions) {
        this.batch = new TransactionTemplate(transactions);
        this.each = new TransactionTemplate(transactions);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public void apply(List<ConsumerRecord<String, SpecificRecord>> records, Consumer<SpecificRecord> effect) {
        Failure failure;
        try {
            failure = batch.execute(status -> {
                bindUntilCompletion(IN_PARTS);
                for (int index = 0; index < records.size(); index++) {
                    ConsumerRecord<String, SpecificRecord> record = records.get(index);
                    if (record.value() == null) {
                        // the value could not be decoded: the deserializer left the reason in a header
                        return new Failure(index, SerializationUtils.getExceptionFromHeader(record,
                                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log));
                    }
                    try (CorrelationId.Scope scope = CorrelationIdRecordInterceptor.scopeFor(record)) {
                        each.executeWithoutResult(savepoint -> effect.accept(record.value()));
                    } catch (RuntimeException e) {
                        if (FailureClassifier.isOutage(e)) {
                            throw e;
                        }
                        return new Failure(index, e);
                    }
                }
                return null;
            });
        } catch (RuntimeException outage) {
            throw new BatchListenerFailedException("the batch could not be applied: " + outage.getMessage(), outage, 0);
        }
        if (failure != null) {
            Exception cause = failure.cause() == null ? new IllegalStateException("the record could not be decoded") : failure.cause();
            throw new BatchListenerFailedException(FailureClassifier.reasonOf(cause), cause, failure.index());
        }
    }

    /**
     * The fast way: the whole batch in one transaction without a savepoint per record, after
     * {@code prepare} has seen every event of it (to lock and load at once what they are about, and
     * to tell the effect which to apply); {@code prepare} returns the effect for this batch. If a
     * record cannot be decoded or an effect fails, nothing of the attempt stays, and the batch is
     * applied again record by record as {@link #apply} does, which sets the failing record apart.
     */
    public void applyTogether(List<ConsumerRecord<String, SpecificRecord>> records,
                              Function<List<SpecificRecord>, Consumer<SpecificRecord>> prepare, Consumer<SpecificRecord> oneByOne) {
        if (records.stream().anyMatch(record -> record.value() == null)) {
            apply(records, oneByOne);
            return;
        }
        try {
            batch.executeWithoutResult(status -> {
                Consumer<SpecificRecord> effect = prepare.apply(records.stream().map(ConsumerRecord::value).toList());
                for (ConsumerRecord<String, SpecificRecord> record : records) {
                    try (CorrelationId.Scope scope = CorrelationIdRecordInterceptor.scopeFor(record)) {
                        effect.accept(record.value());
                    }
                }
            });
        } catch (RuntimeException e) {
            if (FailureClassifier.isOutage(e)) {
                throw new BatchListenerFailedException("the batch could not be applied: " + e.getMessage(), e, 0);
            }
            log.info(() -> "A batch of " + records.size() + " is applied record by record, to set apart the one that failed: "
                    + FailureClassifier.reasonOf(e));
            apply(records, oneByOne);
        }
    }

    /**
     * Marks a transaction whose parts a savepoint may roll back alone ({@link #apply}): rows gathered
     * in it could outlive the part that gathered them.
     */
    private static final Object IN_PARTS = new Object();

    private static void bindUntilCompletion(Object marker) {
        TransactionSynchronizationManager.bindResource(marker, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int outcome) {
                TransactionSynchronizationManager.unbindResourceIfPossible(marker);
            }
        });
    }

    /**
     * Rows a transaction writes to one table can be gathered and written in one statement just
     * before it commits: one round trip instead of one per change — a batch applied together
     * ({@link #applyTogether}) gathers thousands, a web request that announces two events two. Returns
     * the list to add the rows to (the same one for the same key all through the transaction),
     * {@code writer} to be called with it before commit. Empty outside a transaction, and in one whose
     * parts a savepoint may roll back alone ({@link #apply}), where gathered rows could outlive the
     * part that gathered them: there each row must be written at once. A row added once the gathered
     * ones are written fails the commit rather than go unwritten.
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<List<T>> gatherUntilCommit(Object key, Consumer<List<T>> writer) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(IN_PARTS)) {
            return Optional.empty();
        }
        Gathering<T> gathering = (Gathering<T>) TransactionSynchronizationManager.getResource(key);
        if (gathering == null) {
            gathering = new Gathering<>(key, writer);
            TransactionSynchronizationManager.bindResource(key, gathering);
            TransactionSynchronizationManager.registerSynchronization(gathering);
        }
        return Optional.of(gathering.rows);
    }

    /**
     * The rows one transaction gathered for one key, written just before it commits. Bound to the key
     * while its transaction is the current one: a transaction begun inside it suspends it, and finds
     * no rows of its own until it gathers some.
     */
    private static final class Gathering<T> implements TransactionSynchronization {
        private final Object key;
        private final Consumer<List<T>> writer;
        private List<T> rows = new ArrayList<>();

        private Gathering(Object key, Consumer<List<T>> writer) {
            this.key = key;
            this.writer = writer;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            List<T> gathered = rows;
            rows = List.of();
            writer.accept(gathered);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }

    private record Failure(int index, Exception cause) {
    }
}
