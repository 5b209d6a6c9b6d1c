package ru.moysklad.partners.gateway.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a stream stands: for each topic, the next offset to read in each partition. Written as an
 * SSE id, {@code partner.status-changes:15.3.0;lead.assignments:7.0.2} (offsets by partition
 * number), it is all a dashboard needs to resume after a reconnect.
 */
final class StreamPosition {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final int MAX_PARTITIONS = 10_000;

    private final Map<String, long[]> offsets;

    private StreamPosition(Map<String, long[]> offsets) {
        this.offsets = offsets;
    }

    static StreamPosition empty() {
        return new StreamPosition(new LinkedHashMap<>());
    }

    /**
     * Reads an id this stream wrote.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    static StreamPosition parse(String text) {
        Map<String, long[]> offsets = new LinkedHashMap<>();
        if (text.length() > 100_000) {
            throw new IllegalArgumentException("is too long to be a stream position");
        }
        for (String part : text.split(";")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("is not a stream position: expected topic:offset.offset...");
            }
            String topic = part.substring(0, colon);
            if (!TOPIC.matcher(topic).matches()) {
                throw new IllegalArgumentException("names no valid topic");
            }
            String[] numbers = part.substring(colon + 1).split("\\.");
            if (numbers.length > MAX_PARTITIONS) {
                throw new IllegalArgumentException("has too many partitions");
            }
            long[] values = new long[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                try {
                    values[i] = Long.parseLong(numbers[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("has an offset that is not a number");
                }
                if (values[i] < 0) {
                    throw new IllegalArgumentException("has a negative offset");
                }
            }
            offsets.put(topic, values);
        }
        return new StreamPosition(offsets);
    }

    /** The next offset to read in the partition, if this position knows it. */
    Optional<Long> offset(String topic, int partition) {
        long[] values = offsets.get(topic);
        return values == null || partition >= values.length ? Optional.empty() : Optional.of(values[partition]);
    }

    /** This position with the partition's next offset set. */
    StreamPosition with(String topic, int partition, long nextOffset) {
        Map<String, long[]> copy = new LinkedHashMap<>();
        offsets.forEach((t, values) -> copy.put(t, values.clone()));
        long[] values = copy.getOrDefault(topic, new long[0]);
        if (partition >= values.length) {
            values = Arrays.copyOf(values, partition + 1);
        }
        values[partition] = nextOffset;
        copy.put(topic, values);
        return new StreamPosition(copy);
    }

    List<String> topics() {
        return Collections.unmodifiableList(new ArrayList<>(offsets.keySet()));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        offsets.forEach((topic, values) -> {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(topic).append(':');
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('.');
                }
                text.append(values[i]);
            }
        });
        return text.toString();
    }
}
