package ru.moysklad.partners.lead;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import ru.moysklad.partners.platform.testing.MutableClock;

/**
 * The clock of lead-service's integration tests, shared by all of them so that they share one
 * application context: deadlines move when a test moves the clock. It starts on a working Tuesday
 * morning in Moscow.
 */
@TestConfiguration(proxyBeanMethods = false)
class ControllableClock {

    static final Instant TUESDAY_10_MSK = Instant.parse("2026-11-24T07:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(TUESDAY_10_MSK);
    }
}
