package ru.moysklad.partners.gateway.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A path pattern of literal segments, {@code *} (any one segment), {@code {partnerId}} (one segment,
 * captured) and a final {@code **} (the rest, possibly nothing). Small on purpose: the access table
 * needs nothing more, and a newcomer reads it at a glance.
 */
public record PathTemplate(String pattern, List<String> segments) {

    static final String PARTNER = "{partnerId}";

    static PathTemplate of(String pattern) {
        List<String> segments = split(pattern);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).equals("**") && i != segments.size() - 1) {
                throw new IllegalArgumentException("** may only end a pattern: " + pattern);
            }
        }
        return new PathTemplate(pattern, segments);
    }

    /** Empty when the path does not match; otherwise the captured partner id, if the pattern has one. */
    Optional<Match> match(String path) {
        List<String> actual = split(path);
        String partner = null;
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            if (expected.equals("**")) {
                return Optional.of(new Match(Optional.ofNullable(partner)));
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            String segment = actual.get(i);
            if (expected.equals(PARTNER)) {
                partner = segment;
            } else if (!expected.equals("*") && !expected.equals(segment)) {
                return Optional.empty();
            }
        }
        return actual.size() == segments.size() ? Optional.of(new Match(Optional.ofNullable(partner))) : Optional.empty();
    }

    boolean capturesPartner() {
        return segments.contains(PARTNER);
    }

    record Match(Optional<String> partnerId) {
    }

    private static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
