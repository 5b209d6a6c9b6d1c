package ru.moysklad.partners.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A service's whole API under malformed and hostile requests ({@link ApiFuzzer}): not one server
 * error, not one answer showing a stack trace, SQL or a driver's message. A service's {@code *FuzzIT}
 * extends this; {@code -Dfuzz.requests} and {@code -Dfuzz.seed} change how many and which.
 */
public abstract class FuzzedService extends ServiceStartsHealthy {

    @Value("${spring.application.name}")
    private String name;

    @Test
    void shouldAnswerEveryMalformedOrHostileRequestWithoutAServerErrorOrItsInsides() throws Exception {
        ApiFuzzer.Report report = new ApiFuzzer("http://localhost:" + port,
                // the caller the gateway vouches for: vendor staff reach every operation
                Map.of("X-Platform-Caller", "fuzzer", "X-Platform-Roles", "vendor-staff"), skipped())
                .run(Integer.getInteger("fuzz.requests", 2_000), Long.getLong("fuzz.seed", 20261125L));

        System.out.println(name + " fuzz: " + report.summary());
        assertThat(report.findings()).isEmpty();
        assertThat(report.serverErrors()).isZero();
    }

    /** Operations left out, as {@code "POST /api/x"}: ones that take no input, where calling them only costs time. */
    protected Set<String> skipped() {
        return Set.of();
    }
}
