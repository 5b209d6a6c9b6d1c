package ru.moysklad.partners.sales.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * C1, "imitates partner work": for more than the period (6 months by default, configurable) the
 * partner has served a single client account and taken the partner discount on its payments.
 * Concretely, at a moment {@code now}: every sale paid in the trailing period went to one client
 * account, at least one of them was discounted, and the partner's first discounted sale to that
 * client is older than the period.
 */
public final class ImitationCheck {

    public static final String RULE = "C1";

    private final Duration period;

    public ImitationCheck(Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the C1 period is positive");
        }
        this.period = period;
    }

    /** What the check needs to know of a partner's sales in the trailing period. */
    public record Facts(List<String> clientAccountsInPeriod, long discountedSalesInPeriod,
                        Instant firstDiscountedSaleToTheOnlyClient) {
    }

    /** Why C1 holds: the client account served and since when. */
    public record Finding(String clientAccountId, Instant servedSince, String detail) {
    }

    public Instant periodStart(Instant now) {
        return now.minus(period);
    }

    public Optional<Finding> evaluate(Facts facts, Instant now) {
        if (facts.clientAccountsInPeriod().size() != 1 || facts.discountedSalesInPeriod() == 0
                || facts.firstDiscountedSaleToTheOnlyClient() == null
                || facts.firstDiscountedSaleToTheOnlyClient().isAfter(periodStart(now))) {
            return Optional.empty();
        }
        String client = facts.clientAccountsInPeriod().get(0);
        return Optional.of(new Finding(client, facts.firstDiscountedSaleToTheOnlyClient(),
                "only client account " + client + " since " + facts.firstDiscountedSaleToTheOnlyClient()
                        + ", with the partner discount, for more than " + period.toDays() + " days"));
    }
}
