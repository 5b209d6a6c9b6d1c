package ru.moysklad.partners.tier.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rule book's figures as a rule set, for the engine's tests (the service reads the same from its rule-set file). */
final class RuleBook {

    static final long RUB = 100;
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static final RuleSet RULES = new RuleSet("test-2026", LocalDate.of(2026, 1, 1), MOSCOW,
            List.of(MonthDay.of(1, 1), MonthDay.of(7, 1)),
            new Thresholds(100_000 * RUB, 50_000 * RUB, 100, 0, 0, 0, 0),
            new Thresholds(5_000_000 * RUB, 0, 0, 0, 0, 0, 0),
            Map.of(Status.PARTNER, new Thresholds(0, 50_000 * RUB, 100, 0, 0, 0, 0),
                    Status.EXPERT, new Thresholds(0, 150_000 * RUB, 200, 2, 1, 15, 0),
                    Status.REPRESENTATIVE, new Thresholds(0, 600_000 * RUB, 300, 2, 2, 50, 0)),
            Map.of("INDUSTRY_EVENT", Set.of("K2"), "SUCCESS_STORY", Set.of("K3"), "IMPLEMENTATION_PROJECT", Set.of("K3")));

    private RuleBook() {
    }
}
