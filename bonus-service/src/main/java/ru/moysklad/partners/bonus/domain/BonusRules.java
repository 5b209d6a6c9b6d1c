package ru.moysklad.partners.bonus.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * What the ledger credits (rule book: Marketing activity points and bonus points):
 *
 * @param welcomePoints            B4: once, when a partner completes onboarding as Start (10,000)
 * @param pointsPerMarketingPoint  bonus points for each marketing point of an approved activity
 *                                 (the guide gives no ratio: an assumption)
 * @param extendedPointsPerRouble  B7: bonus points per rouble of sales at partner prices (assumption)
 */
public record BonusRules(long welcomePoints, long pointsPerMarketingPoint, BigDecimal extendedPointsPerRouble) {

    private static final Set<String> EXTENDED_STATUSES = Set.of("PARTNER", "EXPERT", "REPRESENTATIVE");

    public BonusRules {
        if (welcomePoints < 0 || pointsPerMarketingPoint < 0 || extendedPointsPerRouble.signum() < 0) {
            throw new IllegalArgumentException("credits cannot be negative");
        }
    }

    /** B7: the extended program is for Partner and above, and never for a suspended partner. */
    public boolean extendedProgramFor(String status, boolean suspended) {
        return !suspended && status != null && EXTENDED_STATUSES.contains(status);
    }

    /** B7: whole points for an amount at partner prices, rounded down. */
    public long forSales(long partnerPriceKopecks) {
        return BigDecimal.valueOf(partnerPriceKopecks).movePointLeft(2).multiply(extendedPointsPerRouble)
                .setScale(0, RoundingMode.DOWN).longValueExact();
    }

    public long forActivity(int marketingPoints) {
        return Math.multiplyExact(marketingPoints, pointsPerMarketingPoint);
    }
}
