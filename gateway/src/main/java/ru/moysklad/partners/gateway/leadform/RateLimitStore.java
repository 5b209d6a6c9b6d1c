package ru.moysklad.partners.gateway.leadform;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** Where posts are counted: this instance's memory, or Redis shared by every instance. */
interface RateLimitStore {

    Mono<RateLimitVerdict.Count> count(String key, Duration window);
}
