package ru.moysklad.partners.contracts;

import java.util.UUID;

/**
 * The {@code correlationId} every event may carry, and the HTTP header that brings it in: what form
 * one may take, so that a caller's id never injects anything into logs or events.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    private static final int LONGEST = 100;

    private CorrelationIds() {
    }

    /** The caller's id when it has the accepted form, else a new one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && acceptable(offered) ? offered : UUID.randomUUID().toString();
    }

    /**
     * 1 to 100 of {@code A-Z a-z 0-9 . _ : -}. A loop, not a regular expression: every event a
     * consumer takes is checked, a million of them in the review's benchmark.
     */
    private static boolean acceptable(String offered) {
        int length = offered.length();
        if (length == 0 || length > LONGEST) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = offered.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
