package ru.moysklad.partners.gateway.leadform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FixedWindowCounterTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final FixedWindowCounter counter = new FixedWindowCounter(clock);
    private final Duration minute = Duration.ofMinutes(1);

    @Test
    void shouldRefuseThePostOverTheLimitUntilTheWindowEnds() {
        for (int i = 0; i < 5; i++) {
            assertThat(RateLimitVerdict.of(counter.count("10.0.0.1", minute), 5).allowed()).isTrue();
        }
        now = now.plusSeconds(20);

        RateLimitVerdict refused = RateLimitVerdict.of(counter.count("10.0.0.1", minute), 5);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);
        now = now.plusSeconds(40);
        assertThat(RateLimitVerdict.of(counter.count("10.0.0.1", minute), 5).allowed()).isTrue();
    }

    @Test
    void shouldCountEachAddressApart() {
        for (int i = 0; i < 5; i++) {
            counter.count("10.0.0.1", minute);
        }

        assertThat(RateLimitVerdict.of(counter.count("10.0.0.2", minute), 5).allowed()).isTrue();
    }

    @Test
    void shouldForgetAddressesWhoseWindowHasEnded() {
        for (int i = 0; i < 100; i++) {
            counter.count("10.0.1." + i, minute);
        }
        now = now.plus(minute).plusSeconds(1);

        counter.count("10.0.2.1", minute);

        assertThat(counter.keys()).isEqualTo(1);
    }

    @Test
    void shouldNeverTellAClientToRetryAfterZeroSeconds() {
        assertThat(new RateLimitVerdict(false, Duration.ofMillis(10)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitVerdict(false, Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
    }
}
