package ru.moysklad.partners.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImitationCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final ImitationCheck c1 = new ImitationCheck(Duration.ofDays(183));

    @Test
    void shouldFlagAPartnerServingOnlyOneClientWithTheDiscountForLongerThanThePeriod() {
        Instant since = NOW.minus(Duration.ofDays(184));

        var finding = c1.evaluate(new ImitationCheck.Facts(List.of("client-1"), 3, since), NOW);

        assertThat(finding).hasValueSatisfying(found -> {
            assertThat(found.clientAccountId()).isEqualTo("client-1");
            assertThat(found.servedSince()).isEqualTo(since);
        });
    }

    @Test
    void shouldNotFlagBeforeThePeriodHasPassed() {
        assertThat(c1.evaluate(new ImitationCheck.Facts(List.of("client-1"), 3, NOW.minus(Duration.ofDays(182))), NOW)).isEmpty();
    }

    @Test
    void shouldNotFlagAPartnerWithASecondClientInThePeriod() {
        assertThat(c1.evaluate(new ImitationCheck.Facts(List.of("client-1", "client-2"), 3, null), NOW)).isEmpty();
    }

    @Test
    void shouldNotFlagAPartnerThatTookNoDiscountInThePeriod() {
        assertThat(c1.evaluate(new ImitationCheck.Facts(List.of("client-1"), 0, NOW.minus(Duration.ofDays(400))), NOW)).isEmpty();
    }

    @Test
    void shouldNotFlagAPartnerWithoutSalesInThePeriod() {
        assertThat(c1.evaluate(new ImitationCheck.Facts(List.of(), 0, null), NOW)).isEmpty();
    }
}
