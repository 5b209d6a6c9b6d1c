package ru.moysklad.partners.tier.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rule book's figures as a rule set, for the engine's tests (the service reads the same from its rule-set file). */
public final class RuleBook {

    static final long RUB = 100;
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static final RuleSet RULES = new RuleSet("test-2026", LocalDate.of(2026, 1, 1), MOSCOW,
            List.of(MonthDay.of(1, 1), MonthDay.of(7, 1)),
            new Thresholds(100_000 * RUB, 50_000 * RUB, 100, 0, 0, 0, 0),
            new Thresholds(5_000_000 * RUB, 0, 0, 0, 0, 0, 0),
            Map.of(Status.PARTNER, new Thresholds(0, 50_000 * RUB, 100, 0, 0, 0, 0),
                    Status.EXPERT, new Thresholds(0, 150_000 * RUB, 200, 2, 1, 15, 0),
                    Status.REPRESENTATIVE, new Thresholds(0, 600_000 * RUB, 300, 2, 2, 50, 0)),
            Map.of("INDUSTRY_EVENT", Set.of("K2"), "SUCCESS_STORY", Set.of("K3"), "IMPLEMENTATION_PROJECT", Set.of("K3")),
            RuleBook.benefits());

    /**
     * The rule book's table "What each status gives", per benefit and status: the amount, or absent
     * for "no" and dash (Expert's 45% B1 and B7's rate are its assumptions).
     */
    public static BenefitCatalogue benefits() {
        return new BenefitCatalogue(List.of(
                benefit("B1", "PERCENT", Map.of(Status.PARTNER_START, "30", Status.PARTNER, "40", Status.EXPERT, "45", Status.REPRESENTATIVE, "50")),
                benefit("B2", "PERCENT", all("30")),
                benefit("B3", "PERCENT", all("30")),
                benefit("B4", "POINTS", Map.of(Status.PARTNER_START, "10000")),
                benefit("B5", Benefit.YES, all("1")),
                benefit("B6", Benefit.YES, fromPartner("1")),
                benefit("B7", "POINTS_PER_ROUBLE", fromPartner("0.01")),
                benefit("B8", Benefit.YES, fromPartner("1")),
                benefit("B9", Benefit.YES, Map.of(Status.REPRESENTATIVE, "1")),
                benefit("B10", Benefit.YES, Map.of(Status.REPRESENTATIVE, "1")),
                benefit("B11", Benefit.YES, Map.of(Status.REPRESENTATIVE, "1"))));
    }

    private static Benefit benefit(String id, String unit, Map<Status, String> amounts) {
        Map<Status, BigDecimal> parsed = new EnumMap<>(Status.class);
        amounts.forEach((status, amount) -> parsed.put(status, new BigDecimal(amount)));
        return new Benefit(id, id, unit, parsed, null);
    }

    private static Map<Status, String> all(String amount) {
        return Map.of(Status.PARTNER_START, amount, Status.PARTNER, amount, Status.EXPERT, amount, Status.REPRESENTATIVE, amount);
    }

    private static Map<Status, String> fromPartner(String amount) {
        return Map.of(Status.PARTNER, amount, Status.EXPERT, amount, Status.REPRESENTATIVE, amount);
    }

    private RuleBook() {
    }
}
