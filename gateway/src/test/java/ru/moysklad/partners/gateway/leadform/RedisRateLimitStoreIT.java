package ru.moysklad.partners.gateway.leadform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import reactor.core.publisher.Mono;
import ru.moysklad.partners.gateway.GatewayTestSupport;

/**
 * The lead form's limit counted in a real Redis (the one these machines run on 127.0.0.1:6379), so
 * that posts through one gateway instance count against another's: a second store on the same
 * Redis stands in for the second instance. Skipped, saying so, where no Redis answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.lead-form.rate-limit.store=redis",
        "platform.lead-form.rate-limit.requests=4",
        "spring.data.redis.host=127.0.0.1",
        "spring.data.redis.port=6379",
        "server.forward-headers-strategy=framework"})
class RedisRateLimitStoreIT {

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
        } catch (Exception e) {
            assumeTrue(false, "no Redis on 127.0.0.1:6379 (" + e + "); the shared rate limit is not tested here");
        }
    }

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        GatewayTestSupport.configure(registry);
    }

    @Test
    void shouldShareTheLimitWithAnotherInstanceThroughRedis() {
        String client = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        RateLimitStore otherInstance = new RedisRateLimitStore(redis, (key, window) -> Mono.error(new AssertionError("no fallback")),
                "partner-platform:lead-form:");
        for (int i = 0; i < 3; i++) {
            otherInstance.count(client, Duration.ofMinutes(1)).block();
        }

        HttpResponse<String> fourth = post(client);
        HttpResponse<String> fifth = post(client);

        assertThat(fourth.statusCode()).isEqualTo(200);
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(redis.getExpire("partner-platform:lead-form:" + client).block()).isPositive();
    }

    @Test
    void shouldCountInMemoryWhenRedisDoesNotAnswer() {
        var broken = new org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory("127.0.0.1", 1);
        broken.afterPropertiesSet();
        String key = UUID.randomUUID().toString();
        var memory = new FixedWindowCounter(java.time.Clock.systemUTC());
        RateLimitStore store = new RedisRateLimitStore(new ReactiveStringRedisTemplate(broken),
                (k, window) -> Mono.fromSupplier(() -> memory.count(k, window)), "test:");

        assertThat(store.count(key, Duration.ofMinutes(1)).block().posts()).isEqualTo(1);
        assertThat(store.count(key, Duration.ofMinutes(1)).block().posts()).isEqualTo(2);
        broken.destroy();
    }

    private HttpResponse<String> post(String client) {
        return new ru.moysklad.partners.gateway.GatewayHttp(port).call("POST", "/api/leads", null, "{\"company\":\"x\"}",
                Map.of("X-Forwarded-For", client));
    }
}
