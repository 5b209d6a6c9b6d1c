package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Every version of the rules, each in force from its date until the next one's. Facts from before
 * the first version are judged by the first: there were no other rules then.
 */
public final class RuleSets {

    private final List<RuleSet> versions;

    public RuleSets(List<RuleSet> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("there must be at least one rule set");
        }
        this.versions = versions.stream().sorted(Comparator.comparing(RuleSet::effectiveFrom)).toList();
        for (int i = 1; i < this.versions.size(); i++) {
            if (this.versions.get(i).effectiveFrom().equals(this.versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("rule sets " + this.versions.get(i - 1).version() + " and "
                        + this.versions.get(i).version() + " take effect on the same day");
            }
        }
        if (versions.stream().map(RuleSet::version).distinct().count() != versions.size()) {
            throw new IllegalArgumentException("two rule sets share a version");
        }
    }

    public RuleSet inForceOn(LocalDate day) {
        RuleSet inForce = versions.get(0);
        for (RuleSet version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                inForce = version;
            }
        }
        return inForce;
    }

    /** The rule set in force at a moment, its day taken in that rule set's own time zone. */
    public RuleSet inForceAt(Instant moment) {
        RuleSet candidate = inForceOn(moment.atZone(versions.get(0).timeZone()).toLocalDate());
        return inForceOn(moment.atZone(candidate.timeZone()).toLocalDate());
    }
}
