package ru.moysklad.partners.tier.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One partner's review: the status before and after, and every keep-condition checked, from the
 * partner's status down to the one it keeps.
 */
public record ReviewOutcome(String partnerId, LocalDate reviewDate, Status oldStatus, Status newStatus,
                            List<RuleEvaluation> conditions, String rulesVersion) {

    public ReviewOutcome {
        conditions = List.copyOf(conditions);
    }

    public boolean demotes() {
        return oldStatus.isAbove(newStatus);
    }

    public StatusDecision decision() {
        return new StatusDecision(partnerId, oldStatus, newStatus, ChangeReason.REVIEW, false, conditions, rulesVersion);
    }
}
