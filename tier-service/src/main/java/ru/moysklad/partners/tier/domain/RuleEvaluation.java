package ru.moysklad.partners.tier.domain;

/**
 * One rule applied to one partner: what the rule requires and what the partner has.
 *
 * @param ruleId   the rule book's id (P3, R1, K1, ...)
 * @param unit     what the figures count
 */
public record RuleEvaluation(String ruleId, Unit unit, long required, long actual) {

    public enum Unit { KOPECKS, POINTS, COUNT, FLAG }

    public boolean met() {
        return actual >= required;
    }
}
