package ru.moysklad.partners.gateway.leadform;

import java.time.Duration;

/** The rate limit's answer for one post. */
public record RateLimitVerdict(boolean allowed, Duration retryAfter) {

    /** A key's posts in its current window, and how long that window still runs. */
    public record Count(long posts, Duration remaining) {
    }

    public static RateLimitVerdict of(Count count, int limit) {
        return count.posts() <= limit ? new RateLimitVerdict(true, Duration.ZERO) : new RateLimitVerdict(false, count.remaining());
    }

    /** Whole seconds for Retry-After, never 0: a client told "retry after 0" would hammer at once. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
