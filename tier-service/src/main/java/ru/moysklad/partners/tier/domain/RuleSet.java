package ru.moysklad.partners.tier.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One version of the status rules, in force from a date: what each status needs to be obtained and
 * to be kept, when reviews happen, and which marketing activities count as industry events (K2) or
 * success stories (K3). Data, not code: a new version is a new file.
 *
 * @param partner        P3, P4, P5: what Partner needs beyond Start
 * @param representative R1: the cumulative sales Representative needs beyond Expert
 * @param keep           K1-K5 per status (Partner, Expert, Representative); Expert's and Representative's
 *                       are also part of obtaining them (rule book, assumption for Expert). The optional K-LEADS
 *                       is checked at reviews only
 * @param activityRules  for an activity type, the rules it counts for beyond its points (K2, K3)
 * @param benefits       what each status gives (B1-B11), for partners to see; the services that grant them
 *                       (pricing, bonus points, leads) apply their own settings, kept equal to these by a test
 */
public record RuleSet(String version, LocalDate effectiveFrom, ZoneId timeZone, List<MonthDay> reviewDates,
                      Thresholds partner, Thresholds representative, Map<Status, Thresholds> keep,
                      Map<String, Set<String>> activityRules, BenefitCatalogue benefits) {

    public RuleSet {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a rule set needs a version");
        }
        if (reviewDates.isEmpty()) {
            throw new IllegalArgumentException("rule set " + version + " names no review date");
        }
        reviewDates = reviewDates.stream().sorted().distinct().toList();
        keep = Map.copyOf(keep);
        activityRules = Map.copyOf(activityRules);
        Objects.requireNonNull(benefits, "benefits");
        for (Status status : List.of(Status.PARTNER, Status.EXPERT, Status.REPRESENTATIVE)) {
            if (!keep.containsKey(status)) {
                throw new IllegalArgumentException("rule set " + version + " has no keep-conditions for " + status);
            }
        }
    }

    public Thresholds keep(Status status) {
        return keep.getOrDefault(status, Thresholds.NONE);
    }

    /** Whether an activity of this type counts for the rule (K2 industry events, K3 success stories). */
    public boolean activityCountsFor(String activityType, String ruleId) {
        return activityRules.getOrDefault(activityType, Set.of()).contains(ruleId);
    }
}
