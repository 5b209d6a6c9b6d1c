package ru.moysklad.partners.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import ru.moysklad.partners.platform.testing.SeededRandom;

class PartnerPricingTest {

    private static final long RUB = 100;
    private final PartnerPricing pricing = new PartnerPricing(DiscountTable.ruleBookDefaults());

    @ParameterizedTest(name = "B1 for {0}: {1}%")
    @CsvSource({"PARTNER_START,30", "PARTNER,40", "EXPERT,45", "REPRESENTATIVE,50"})
    void shouldPriceMonthlyTariffsAndOptionsWithB1ForTheStatus(PartnerStatus status, int percent) {
        for (ProductKind kind : new ProductKind[] {ProductKind.TARIFF, ProductKind.OPTION}) {
            SaleLine line = pricing.price(new PaymentItem(kind, "BASIC", 1, 1_000 * RUB), new Standing(status, false), false);

            assertThat(line.discountRuleId()).isEqualTo("B1");
            assertThat(line.discountBasisPoints()).isEqualTo(percent * 100);
            assertThat(line.partnerPriceKopecks()).isEqualTo((100 - percent) * 10 * RUB);
        }
    }

    @ParameterizedTest
    @CsvSource({"PARTNER_START", "PARTNER", "EXPERT", "REPRESENTATIVE"})
    void shouldPriceAppsWithB2WhateverTheStatusAndPeriod(PartnerStatus status) {
        SaleLine line = pricing.price(new PaymentItem(ProductKind.APP, "APP-1", 12, 500 * RUB), new Standing(status, false), true);

        assertThat(line.discountRuleId()).isEqualTo("B2");
        assertThat(line.partnerPriceKopecks()).isEqualTo(350 * RUB);
    }

    @Test
    void shouldGiveANewClientsFirstAnnualPaymentB3ThirtyPercentAndRenewalsTwenty() {
        PaymentItem annual = new PaymentItem(ProductKind.TARIFF, "PRO", 12, 12_000 * RUB);
        Standing expert = new Standing(PartnerStatus.EXPERT, false);

        SaleLine first = pricing.price(annual, expert, true);
        SaleLine renewal = pricing.price(annual, expert, false);

        assertThat(first.discountRuleId()).isEqualTo("B3");
        assertThat(first.partnerPriceKopecks()).isEqualTo(8_400 * RUB);
        assertThat(renewal.discountRuleId()).isEqualTo("B3");
        assertThat(renewal.partnerPriceKopecks()).isEqualTo(9_600 * RUB);
    }

    @Test
    void shouldGiveTheLargerOfB1AndB3WhenConfiguredSo() {
        DiscountTable defaults = DiscountTable.ruleBookDefaults();
        PartnerPricing bestForPartner = new PartnerPricing(new DiscountTable(defaults.b1(), defaults.b2(),
                defaults.b3FirstPayment(), defaults.b3Renewal(), DiscountTable.AnnualPolicy.BEST_FOR_PARTNER));
        PaymentItem annual = new PaymentItem(ProductKind.OPTION, "WMS", 12, 1_000 * RUB);

        assertThat(bestForPartner.price(annual, new Standing(PartnerStatus.REPRESENTATIVE, false), false).discountRuleId()).isEqualTo("B1");
        assertThat(bestForPartner.price(annual, new Standing(PartnerStatus.PARTNER_START, false), true).discountRuleId()).isEqualTo("B3");
    }

    @Test
    void shouldGiveNoDiscountToASuspendedPartnerUnderC2() {
        SaleLine line = pricing.price(new PaymentItem(ProductKind.TARIFF, "BASIC", 1, 1_000 * RUB),
                new Standing(PartnerStatus.REPRESENTATIVE, true), false);

        assertThat(line.discountRuleId()).isEqualTo("C2");
        assertThat(line.partnerPriceKopecks()).isEqualTo(line.listPriceKopecks());
    }

    @Test
    void shouldGiveNoDiscountToAnApplicant() {
        SaleLine line = pricing.price(new PaymentItem(ProductKind.APP, "APP", 1, 1_000 * RUB),
                new Standing(PartnerStatus.APPLICANT, false), true);

        assertThat(line.discountRuleId()).isEqualTo("APPLICANT");
        assertThat(line.discountBasisPoints()).isZero();
        assertThat(line.partnerPriceKopecks()).isEqualTo(1_000 * RUB);
    }

    @Test
    void shouldRoundThePartnerPriceHalfUpToTheKopeck() {
        // 45% off 0.99 RUB = 0.5445 RUB -> 54 kopecks; 45% off 0.01 RUB = 0.0055 -> 1 kopeck
        Standing expert = new Standing(PartnerStatus.EXPERT, false);
        assertThat(pricing.price(new PaymentItem(ProductKind.TARIFF, "X", 1, 99), expert, false).partnerPriceKopecks()).isEqualTo(54);
        assertThat(pricing.price(new PaymentItem(ProductKind.TARIFF, "X", 1, 1), expert, false).partnerPriceKopecks()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldAlwaysChargeBetweenZeroAndListPriceExactlyTheDiscountNamed(long seed) {
        Random random = SeededRandom.random(seed);
        PaymentItem item = new PaymentItem(SeededRandom.pick(random, java.util.List.of(ProductKind.TARIFF, ProductKind.OPTION, ProductKind.APP)),
                "P", SeededRandom.pick(random, java.util.List.of(1, 3, 6, 12, 24)), SeededRandom.between(random, 1, 10_000_000 * RUB));
        Standing standing = new Standing(SeededRandom.pick(random, java.util.List.of(PartnerStatus.values())), random.nextInt(5) == 0);

        SaleLine line = pricing.price(item, standing, random.nextBoolean());

        long expected = Math.round(item.listPriceKopecks() * (10_000 - line.discountBasisPoints()) / 10_000.0);
        assertThat(line.partnerPriceKopecks()).as("seed %d", seed).isBetween(0L, item.listPriceKopecks());
        assertThat(Math.abs(line.partnerPriceKopecks() - expected)).as("seed %d", seed).isLessThanOrEqualTo(1);
        assertThat(Map.of("B1", 1, "B2", 1, "B3", 1, "C2", 1, "APPLICANT", 1)).as("seed %d", seed).containsKey(line.discountRuleId());
    }

    static Stream<Long> seeds() {
        return SeededRandom.seeds(500);
    }
}
