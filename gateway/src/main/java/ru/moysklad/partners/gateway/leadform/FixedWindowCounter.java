package ru.moysklad.partners.gateway.leadform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts posts per key in fixed windows that start at a key's first post, the same rule the Redis
 * store applies (INCR, then expire), so both stores limit alike. Expired windows are dropped as
 * the map is touched, keeping memory bounded by the keys seen within one window.
 */
public final class FixedWindowCounter {

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.MIN;

    public FixedWindowCounter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one post for the key and answers how many it has made in the current window. */
    public RateLimitVerdict.Count count(String key, Duration window) {
        Instant now = clock.instant();
        sweep(now, window);
        Window current = windows.compute(key, (k, existing) -> existing == null || !now.isBefore(existing.end)
                ? new Window(now.plus(window), 1) : new Window(existing.end, existing.count + 1));
        return new RateLimitVerdict.Count(current.count, Duration.between(now, current.end));
    }

    int keys() {
        return windows.size();
    }

    private void sweep(Instant now, Duration window) {
        if (now.isAfter(lastSweep.plus(window))) {
            lastSweep = now;
            windows.values().removeIf(w -> !now.isBefore(w.end));
        }
    }

    private record Window(Instant end, long count) {
    }
}
