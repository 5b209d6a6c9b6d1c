package ru.moysklad.partners.tier.domain;

/**
 * One rule applied to one partner: what the rule requires and what the partner has.
 *
 * @param ruleId the rule book's id (S1, P3, R1, K1, ...), or K-LEADS, the platform's optional keep-condition on leads
 * @param unit   what the figures count
 * @param period the period the figures cover (2026-Q1 for a quarter, 2026 for a year, 2025-07..2026-06
 *               for trailing months); null for cumulative figures and onboarding facts
 */
public record RuleEvaluation(String ruleId, Unit unit, long required, long actual, String period) {

    public enum Unit { KOPECKS, POINTS, COUNT, FLAG }

    static RuleEvaluation flag(String ruleId, boolean holds) {
        return new RuleEvaluation(ruleId, Unit.FLAG, 1, holds ? 1 : 0, null);
    }

    public boolean met() {
        return actual >= required;
    }

    /** How much is still missing; zero when met. */
    public long shortfall() {
        return Math.max(0, required - actual);
    }
}
