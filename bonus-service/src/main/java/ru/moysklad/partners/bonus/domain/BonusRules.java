package ru.moysklad.partners.bonus.domain;

/**
 * What the ledger credits (rule book: Marketing activity points and bonus points):
 *
 * @param welcomePoints            B4: once, when a partner completes onboarding as Start (10,000)
 * @param pointsPerMarketingPoint  bonus points for each marketing point of an approved activity
 *                                 (the guide gives no ratio: an assumption)
 */
public record BonusRules(long welcomePoints, long pointsPerMarketingPoint) {

    public BonusRules {
        if (welcomePoints < 0 || pointsPerMarketingPoint < 0) {
            throw new IllegalArgumentException("credits cannot be negative");
        }
    }

    public long forActivity(int marketingPoints) {
        return Math.multiplyExact(marketingPoints, pointsPerMarketingPoint);
    }
}
