package ru.moysklad.partners.platform.kafka;

import java.util.List;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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

    private record Failure(int index, Exception cause) {
    }
}
