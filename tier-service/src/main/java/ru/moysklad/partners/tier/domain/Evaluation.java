package ru.moysklad.partners.tier.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A partner measured against one rule set at one moment: for each status, the requirements it adds
 * to the one below, each with required, actual and met. A status is reached when its requirements
 * and those of every status below it hold.
 */
public record Evaluation(String partnerId, String rulesVersion, Map<Status, List<RuleEvaluation>> requirements) {

    public Evaluation {
        Map<Status, List<RuleEvaluation>> copy = new EnumMap<>(Status.class);
        requirements.forEach((status, rules) -> copy.put(status, List.copyOf(rules)));
        requirements = Collections.unmodifiableMap(copy);
    }

    /** The highest status whose requirements, and all those below it, hold; APPLICANT if not even Start's. */
    public Status reached() {
        Status reached = Status.APPLICANT;
        for (Status status : TierPolicy.LADDER) {
            if (!requirements.getOrDefault(status, List.of()).stream().allMatch(RuleEvaluation::met)) {
                break;
            }
            reached = status;
        }
        return reached;
    }

    /** Every requirement up to and including the status, lowest status first: the explanation of reaching it. */
    public List<RuleEvaluation> upTo(Status status) {
        List<RuleEvaluation> all = new ArrayList<>();
        for (Status level : TierPolicy.LADDER) {
            if (level.isAbove(status)) {
                break;
            }
            all.addAll(requirements.getOrDefault(level, List.of()));
        }
        return all;
    }

    /** The requirements a status adds to the one below it. */
    public List<RuleEvaluation> of(Status status) {
        return requirements.getOrDefault(status, List.of());
    }
}
