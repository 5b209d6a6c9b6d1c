package ru.moysklad.partners.tier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.moysklad.partners.tier.domain.RuleBook.RULES;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.moysklad.partners.platform.testing.SeededRandom;

/** Properties of the engine over thousands of seeded random fact sets (a failure names its seed; -Dproperty.seed replays a run). */
class TierPolicyPropertiesTest {

    private final TierPolicy policy = new TierPolicy();

    static Stream<Long> seeds() {
        return SeededRandom.seeds(3_000);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void promotionNeverLowersAStatusAndOnlyEverRaisesItToWhatTheFactsReachExplainedByEveryStatusCrossed(long seed) {
        Random random = SeededRandom.random(seed);
        PartnerFacts facts = PartnerFactsGenerator.facts(random);
        Status current = PartnerFactsGenerator.status(random);
        Instant at = PartnerFactsGenerator.moment(random);

        var decision = policy.promote(facts, current, RULES, at);

        Evaluation evaluation = policy.evaluate(facts, RULES, at);
        Status reached = evaluation.reached();
        if (decision.isPresent()) {
            assertThat(decision.get().newStatus()).isGreaterThan(current).isEqualTo(reached);
            assertThat(decision.get().evaluations()).isNotEmpty().allMatch(RuleEvaluation::met);
            // promotion measures only as far as it must; its explanation is still the full measure of every status crossed
            List<RuleEvaluation> crossed = new ArrayList<>();
            TierPolicy.LADDER.stream().filter(level -> level.isAbove(current) && !level.isAbove(reached))
                    .forEach(level -> crossed.addAll(evaluation.of(level)));
            assertThat(decision.get().evaluations()).isEqualTo(crossed);
            assertThat(facts.suspended()).isFalse();
        } else {
            assertThat(facts.suspended() || !reached.isAbove(current)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aReviewNeverRaisesAStatusNorDropsOneBelowStart(long seed) {
        Random random = SeededRandom.random(seed);
        PartnerFacts facts = PartnerFactsGenerator.facts(random);
        Status current = PartnerFactsGenerator.status(random);
        LocalDate reviewDate = random.nextBoolean() ? LocalDate.of(2026 + random.nextInt(2), 1, 1) : LocalDate.of(2026 + random.nextInt(2), 7, 1);

        ReviewOutcome outcome = policy.review(facts, current, RULES, reviewDate);

        assertThat(outcome.newStatus()).isLessThanOrEqualTo(current);
        if (current.isAbove(Status.APPLICANT)) {
            assertThat(outcome.newStatus()).isGreaterThanOrEqualTo(Status.PARTNER_START);
        } else {
            assertThat(outcome.newStatus()).isEqualTo(Status.APPLICANT);
        }
        if (outcome.demotes()) {
            assertThat(outcome.conditions()).anyMatch(rule -> !rule.met());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void moreSalesPointsAndClientsNeverLowerWhatThePartnerReaches(long seed) {
        Random random = SeededRandom.random(seed);
        PartnerFacts facts = PartnerFactsGenerator.facts(random);
        Instant at = PartnerFactsGenerator.moment(random);
        YearMonth month = YearMonth.from(at.atZone(RULES.timeZone())).minusMonths(random.nextInt(4));

        Status before = policy.evaluate(facts, RULES, at).reached();
        Status after = policy.evaluate(facts.with(month, PartnerFactsGenerator.growth(random)), RULES, at).reached();

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theOrderInWhichAPartnersMonthsArriveDoesNotMatter(long seed) {
        Random random = SeededRandom.random(seed);
        PartnerFacts empty = PartnerFacts.none("p");
        var months = Stream.generate(() -> YearMonth.of(2025, 1).plusMonths(random.nextInt(36))).limit(20).toList();
        var figures = Stream.generate(() -> PartnerFactsGenerator.figures(random)).limit(20).toList();

        PartnerFacts forwards = empty;
        PartnerFacts backwards = empty;
        for (int i = 0; i < months.size(); i++) {
            forwards = forwards.with(months.get(i), figures.get(i));
            backwards = backwards.with(months.get(months.size() - 1 - i), figures.get(months.size() - 1 - i));
        }

        assertThat(backwards).isEqualTo(forwards);
    }
}
