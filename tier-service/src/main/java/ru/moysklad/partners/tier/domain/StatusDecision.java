package ru.moysklad.partners.tier.domain;

import java.util.List;

/** The outcome of applying a rule set to a partner: the status before and after, and why. */
public record StatusDecision(String partnerId, Status oldStatus, Status newStatus, List<RuleEvaluation> evaluations,
                             String rulesVersion) {

    public StatusDecision {
        evaluations = List.copyOf(evaluations);
    }

    public boolean changed() {
        return oldStatus != newStatus;
    }
}
