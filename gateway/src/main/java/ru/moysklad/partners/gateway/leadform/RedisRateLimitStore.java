package ru.moysklad.partners.gateway.leadform;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * Counts in Redis, so every gateway instance shares one limit per client. One script call per post:
 * INCR the client's key, start its window's expiry on the first post, and answer the count with the
 * window's remaining time. If Redis cannot be reached the post is counted in memory instead: the
 * lead form keeps working, limited per instance, and the log says so.
 */
class RedisRateLimitStore implements RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {count, ttl}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitStore fallback;
    private final String prefix;

    RedisRateLimitStore(ReactiveStringRedisTemplate redis, RateLimitStore fallback, String prefix) {
        this.redis = redis;
        this.fallback = fallback;
        this.prefix = prefix;
    }

    @Override
    public Mono<RateLimitVerdict.Count> count(String key, Duration window) {
        return redis.execute(COUNT, List.of(prefix + key), List.of(Long.toString(window.toMillis())))
                .next()
                .map(result -> new RateLimitVerdict.Count(((Number) result.get(0)).longValue(),
                        Duration.ofMillis(((Number) result.get(1)).longValue())))
                .timeout(Duration.ofSeconds(2))
                .onErrorResume(failure -> {
                    log.warn("Redis is not answering ({}); counting lead form posts in this instance's memory", failure.toString());
                    return fallback.count(key, window);
                });
    }
}
