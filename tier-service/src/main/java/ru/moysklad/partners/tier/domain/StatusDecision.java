package ru.moysklad.partners.tier.domain;

import java.util.List;

/**
 * The outcome of applying a rule set to a partner: the status before and after, why, and the
 * figures of every rule that decided it.
 *
 * @param suspended whether the partner is suspended after the change (C2)
 */
public record StatusDecision(String partnerId, Status oldStatus, Status newStatus, ChangeReason reason, boolean suspended,
                             List<RuleEvaluation> evaluations, String rulesVersion) {

    public StatusDecision {
        evaluations = List.copyOf(evaluations);
    }
}
