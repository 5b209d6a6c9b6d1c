package ru.moysklad.partners.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code correlationId} every event may carry, and the HTTP header that brings it in: what form
 * one may take, so that a caller's id never injects anything into logs or events.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    /** The caller's id when it has the accepted form, else a new one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
