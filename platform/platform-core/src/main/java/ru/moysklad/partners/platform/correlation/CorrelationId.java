package ru.moysklad.partners.platform.correlation;

import java.util.Optional;

import org.slf4j.MDC;

/** The correlation id of the work the current thread does (the form one may take: {@code CorrelationIds}). */
public final class CorrelationId {

    public static final String MDC_KEY = "correlationId";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CorrelationId() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Sets the id for the current thread's work until the returned scope is closed. */
    public static Scope begin(String correlationId) {
        String previous = CURRENT.get();
        CURRENT.set(correlationId);
        MDC.put(MDC_KEY, correlationId);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove(MDC_KEY);
            } else {
                CURRENT.set(previous);
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** Ends a correlation scope. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
