package ru.moysklad.partners.platform.correlation;

import java.nio.charset.StandardCharsets;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

import ru.moysklad.partners.contracts.CorrelationIds;
import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.EventHeaders;

/**
 * Carries an event's correlation id (its header, else its field) into the work its consumer does, so
 * the events that work publishes carry it on; an event without one starts a new id.
 */
public class CorrelationIdRecordInterceptor implements RecordInterceptor<Object, Object> {

    private final ThreadLocal<CorrelationId.Scope> scopes = new ThreadLocal<>();

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        scopes.set(scopeFor(record));
        return record;
    }

    /** The correlation scope of one record's work: for listeners that take records in batches, record by record. */
    public static CorrelationId.Scope scopeFor(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.CORRELATION_ID);
        String offered = header != null ? new String(header.value(), StandardCharsets.UTF_8)
                : record.value() instanceof SpecificRecord event && event.getSchema().getField("correlationId") != null
                ? EventFields.correlationIdOf(event) : null;
        return CorrelationId.begin(CorrelationIds.acceptOrCreate(offered));
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        CorrelationId.Scope scope = scopes.get();
        if (scope != null) {
            scope.close();
            scopes.remove();
        }
    }
}
