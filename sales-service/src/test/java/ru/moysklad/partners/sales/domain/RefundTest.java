package ru.moysklad.partners.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.moysklad.partners.platform.testing.SeededRandom;

class RefundTest {

    private static final Instant PAID_Q1 = Instant.parse("2026-03-30T10:00:00Z");
    private static final Instant REFUNDED_Q2 = Instant.parse("2026-04-02T10:00:00Z");

    @Test
    void shouldTakeBackTheRefundedShareOfThePartnerPriceAndKeepBothDates() {
        RecordedSale sale = sale(1_000_00, 600_00, 0, 0);

        Refund refund = Refund.of("r-1", sale, 250_00, REFUNDED_Q2);

        assertThat(refund.partnerPriceKopecks()).isEqualTo(150_00);
        assertThat(refund.fullyRefunded()).isFalse();
        assertThat(refund.paidAt()).as("the quarter the sale counted in").isEqualTo(PAID_Q1);
        assertThat(refund.refundedAt()).as("the quarter the refund falls in").isEqualTo(REFUNDED_Q2);
    }

    @Test
    void shouldTakeBackExactlyWhatRemainsOnTheLastRefund() {
        RecordedSale sale = sale(1_000, 333, 333, 111);

        Refund rest = Refund.of("r-2", sale, 667, REFUNDED_Q2);

        assertThat(rest.fullyRefunded()).isTrue();
        assertThat(rest.partnerPriceKopecks()).isEqualTo(222);
    }

    @Test
    void shouldRefuseMoreThanRemainsPaidAndNothingThatIsNotPositive() {
        RecordedSale sale = sale(1_000, 600, 900, 540);

        assertThatThrownBy(() -> Refund.of("r-3", sale, 101, REFUNDED_Q2)).isInstanceOf(RefundExceedsPayment.class);
        assertThatThrownBy(() -> Refund.of("r-3", sale, 0, REFUNDED_Q2))
                .isInstanceOfSatisfying(InvalidPayment.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("listPrice"));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldNeverTakeBackMoreOrLessThanThePartnerPaidOverAnySeriesOfRefunds(long seed) {
        Random random = SeededRandom.random(seed);
        long list = SeededRandom.between(random, 1, 10_000_000);
        long partner = SeededRandom.between(random, 0, list);
        long refundedList = 0;
        long refundedPartner = 0;
        while (refundedList < list) {
            long amount = SeededRandom.between(random, 1, list - refundedList);
            Refund refund = Refund.of("r", sale(list, partner, refundedList, refundedPartner), amount, REFUNDED_Q2);
            assertThat(refund.partnerPriceKopecks()).as("seed %d", seed).isBetween(0L, partner - refundedPartner);
            refundedList += amount;
            refundedPartner += refund.partnerPriceKopecks();
            assertThat(refund.fullyRefunded()).as("seed %d", seed).isEqualTo(refundedList == list);
        }
        assertThat(refundedPartner).as("seed %d", seed).isEqualTo(partner);
    }

    static Stream<Long> seeds() {
        return SeededRandom.seeds(300);
    }

    private static RecordedSale sale(long list, long partner, long refundedList, long refundedPartner) {
        return new RecordedSale("pay-1", "p-1", "c-1", PAID_Q1, list, partner, refundedList, refundedPartner);
    }
}
