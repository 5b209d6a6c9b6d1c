package ru.moysklad.partners.tier.domain;

import static ru.moysklad.partners.platform.testing.SeededRandom.between;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/**
 * Random but plausible partner facts around the rule book's thresholds: onboarding facts each
 * present or not, and up to three years of months whose sales, points, events, stories and new
 * clients straddle the figures each status needs, refunds included.
 */
final class PartnerFactsGenerator {

    static final List<String> ONBOARDING = List.of("S1", "S2", "S3", "P1", "P2");

    private PartnerFactsGenerator() {
    }

    static PartnerFacts facts(Random random) {
        PartnerFacts facts = PartnerFacts.none("p-" + random.nextInt(1000));
        for (String rule : ONBOARDING) {
            if (random.nextInt(5) > 0) {
                Instant until = rule.equals("P2") && random.nextBoolean()
                        ? Instant.parse("2025-01-01T00:00:00Z").plusSeconds(between(random, 0, 3L * 365 * 86_400)) : null;
                facts = facts.withOnboarding(rule, new OnboardingFact(random.nextInt(6) > 0, until));
            }
        }
        int months = random.nextInt(30);
        for (int i = 0; i < months; i++) {
            YearMonth month = YearMonth.of(2025, 1).plusMonths(random.nextInt(36));
            facts = facts.with(month, figures(random));
        }
        return facts.withSuspended(random.nextInt(10) == 0);
    }

    static MonthFigures figures(Random random) {
        long sales = random.nextInt(8) == 0 ? -between(random, 0, 100_000_00) : between(random, 0, 800_000_00);
        return new MonthFigures(sales, between(random, 0, 150), between(random, 0, 2), between(random, 0, 2), between(random, 0, 20));
    }

    /** Only growth: no refund, nothing negative. */
    static MonthFigures growth(Random random) {
        return new MonthFigures(between(random, 0, 800_000_00), between(random, 0, 150), between(random, 0, 2),
                between(random, 0, 2), between(random, 0, 20));
    }

    static Instant moment(Random random) {
        return Instant.parse("2025-01-01T00:00:00Z").plusSeconds(between(random, 0, 3L * 365 * 86_400));
    }

    static Status status(Random random) {
        return Status.values()[random.nextInt(Status.values().length)];
    }
}
