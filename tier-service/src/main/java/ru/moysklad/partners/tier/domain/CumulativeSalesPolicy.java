package ru.moysklad.partners.tier.domain;

import java.util.List;

/**
 * The walking skeleton's rule set: promotion on cumulative sales at partner prices alone, P3 for
 * Partner and R1 for Representative, never a demotion. Issue 6 replaces it with the whole rule book.
 */
public record CumulativeSalesPolicy(String version, long partnerMinimumKopecks, long representativeMinimumKopecks) {

    public CumulativeSalesPolicy {
        if (partnerMinimumKopecks <= 0 || representativeMinimumKopecks < partnerMinimumKopecks) {
            throw new IllegalArgumentException("thresholds must be positive and rise with the status");
        }
    }

    public StatusDecision decide(PartnerStanding standing) {
        RuleEvaluation p3 = new RuleEvaluation("P3", RuleEvaluation.Unit.KOPECKS, partnerMinimumKopecks, standing.cumulativeSalesKopecks());
        RuleEvaluation r1 = new RuleEvaluation("R1", RuleEvaluation.Unit.KOPECKS, representativeMinimumKopecks, standing.cumulativeSalesKopecks());
        Status reached = r1.met() ? Status.REPRESENTATIVE : p3.met() ? Status.PARTNER : Status.PARTNER_START;
        Status next = reached.isAbove(standing.status()) ? reached : standing.status();
        List<RuleEvaluation> deciding = next == Status.REPRESENTATIVE ? List.of(p3, r1) : List.of(p3);
        return new StatusDecision(standing.partnerId(), standing.status(), next, deciding, version);
    }

    /** The next status this rule set knows above the partner's, and its requirements against the partner's figures. */
    public Progress progress(PartnerStanding standing) {
        long actual = standing.cumulativeSalesKopecks();
        if (Status.PARTNER.isAbove(standing.status())) {
            return new Progress(Status.PARTNER, List.of(new RuleEvaluation("P3", RuleEvaluation.Unit.KOPECKS, partnerMinimumKopecks, actual)));
        }
        if (Status.REPRESENTATIVE.isAbove(standing.status())) {
            return new Progress(Status.REPRESENTATIVE,
                    List.of(new RuleEvaluation("R1", RuleEvaluation.Unit.KOPECKS, representativeMinimumKopecks, actual)));
        }
        return new Progress(null, List.of());
    }

    /**
     * @param nextStatus   null at the top
     * @param requirements what the next status asks, with the partner's figures
     */
    public record Progress(Status nextStatus, List<RuleEvaluation> requirements) {
    }
}
