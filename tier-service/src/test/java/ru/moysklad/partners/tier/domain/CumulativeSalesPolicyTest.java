package ru.moysklad.partners.tier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.moysklad.partners.platform.testing.SeededRandom;

class CumulativeSalesPolicyTest {

    private static final long RUB = 100;
    private final CumulativeSalesPolicy policy = new CumulativeSalesPolicy("test-1", 100_000 * RUB, 5_000_000 * RUB);

    @Test
    void shouldPromoteToPartnerWhenCumulativeSalesReach100kRoubles() {
        var decision = policy.decide(new PartnerStanding("p", Status.PARTNER_START, 100_000 * RUB));

        assertThat(decision.changed()).isTrue();
        assertThat(decision.newStatus()).isEqualTo(Status.PARTNER);
        assertThat(decision.evaluations()).singleElement().satisfies(p3 -> {
            assertThat(p3.ruleId()).isEqualTo("P3");
            assertThat(p3.required()).isEqualTo(100_000 * RUB);
            assertThat(p3.actual()).isEqualTo(100_000 * RUB);
            assertThat(p3.met()).isTrue();
        });
        assertThat(decision.rulesVersion()).isEqualTo("test-1");
    }

    @Test
    void shouldStayStartOneKopeckShortOfP3() {
        var decision = policy.decide(new PartnerStanding("p", Status.PARTNER_START, 100_000 * RUB - 1));

        assertThat(decision.changed()).isFalse();
        assertThat(decision.evaluations()).singleElement().satisfies(p3 -> assertThat(p3.met()).isFalse());
    }

    @Test
    void shouldSkipStraightToRepresentativeWhenR1IsReachedAtOnce() {
        var decision = policy.decide(new PartnerStanding("p", Status.PARTNER_START, 5_000_000 * RUB));

        assertThat(decision.newStatus()).isEqualTo(Status.REPRESENTATIVE);
        assertThat(decision.evaluations()).extracting(RuleEvaluation::ruleId).containsExactly("P3", "R1");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldNeverDemoteAndAlwaysReachTheHighestStatusTheFiguresAllow(long seed) {
        Random random = SeededRandom.random(seed);
        Status current = SeededRandom.pick(random, java.util.List.of(Status.values()));
        long sales = SeededRandom.between(random, 0, 10_000_000 * RUB);

        var decision = policy.decide(new PartnerStanding("p", current, sales));

        Status allowed = sales >= 5_000_000 * RUB ? Status.REPRESENTATIVE : sales >= 100_000 * RUB ? Status.PARTNER : Status.PARTNER_START;
        assertThat(decision.newStatus()).as("seed %d", seed).isEqualTo(allowed.isAbove(current) ? allowed : current);
    }

    static Stream<Long> seeds() {
        return SeededRandom.seeds(200);
    }

    @Test
    void shouldRefuseThresholdsThatDoNotRiseWithTheStatus() {
        assertThatThrownBy(() -> new CumulativeSalesPolicy("bad", 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldShowAStartPartnerHowFarItIsFromP3() {
        var progress = policy.progress(new PartnerStanding("p", Status.PARTNER_START, 40_000 * RUB));

        assertThat(progress.nextStatus()).isEqualTo(Status.PARTNER);
        assertThat(progress.requirements()).singleElement().satisfies(p3 -> {
            assertThat(p3.ruleId()).isEqualTo("P3");
            assertThat(p3.required()).isEqualTo(100_000 * RUB);
            assertThat(p3.actual()).isEqualTo(40_000 * RUB);
            assertThat(p3.met()).isFalse();
        });
    }

    @Test
    void shouldShowAPartnerTheRepresentativeRequirementAndARepresentativeNothingAbove() {
        assertThat(policy.progress(new PartnerStanding("p", Status.EXPERT, 1)).requirements())
                .extracting(RuleEvaluation::ruleId).containsExactly("R1");
        assertThat(policy.progress(new PartnerStanding("p", Status.REPRESENTATIVE, 1)).nextStatus()).isNull();
    }
}
