package ru.moysklad.partners.tier.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One benefit of the rule book's table (B1-B11) with what each status gets of it. A status the
 * rule set does not name gets nothing of it (the table's "no" or dash).
 *
 * @param unit     what the amounts count: PERCENT (a discount), POINTS (bonus points), POINTS_PER_ROUBLE,
 *                 or YES where the benefit is simply had or not
 * @param amounts  per status that has the benefit, its amount (1 for YES)
 * @param detail   how it applies, for people (e.g. B3's renewal discount, B4's once only)
 */
public record Benefit(String id, String title, String unit, Map<Status, BigDecimal> amounts, String detail) {

    public static final String YES = "YES";

    public Benefit {
        if (id == null || !id.matches("B\\d{1,2}")) {
            throw new IllegalArgumentException("a benefit is named B1 to B11, not " + id);
        }
        amounts = Map.copyOf(amounts);
    }

    public Optional<BigDecimal> amountFor(Status status) {
        return Optional.ofNullable(amounts.get(status));
    }

    /** Whether the next status gives this benefit where the current one does not, or more of it. */
    boolean improvesFrom(Status current, Status next) {
        BigDecimal now = amounts.get(current);
        BigDecimal then = amounts.get(next);
        return then != null && (now == null || then.compareTo(now) > 0);
    }
}
