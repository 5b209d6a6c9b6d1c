package ru.moysklad.partners.tier.domain;

import java.time.YearMonth;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Everything the status rules look at for one partner, as the events applied so far tell: its
 * onboarding facts, whether it is suspended, its cumulative sales at partner prices, its figures
 * month by month, and its lead record month by month. Immutable; each {@code with...} returns the
 * facts after one more event.
 */
public record PartnerFacts(String partnerId, Map<String, OnboardingFact> onboarding, boolean suspended,
                           long cumulativeSalesKopecks, NavigableMap<YearMonth, MonthFigures> months,
                           NavigableMap<YearMonth, LeadRecord> leads) {

    public PartnerFacts {
        onboarding = Map.copyOf(onboarding);
        months = Collections.unmodifiableNavigableMap(new TreeMap<>(months));
        leads = Collections.unmodifiableNavigableMap(new TreeMap<>(leads));
    }

    public static PartnerFacts none(String partnerId) {
        return new PartnerFacts(partnerId, Map.of(), false, 0, new TreeMap<>(), new TreeMap<>());
    }

    public OnboardingFact onboarding(String ruleId) {
        return onboarding.getOrDefault(ruleId, OnboardingFact.MISSING);
    }

    public PartnerFacts withOnboarding(String ruleId, OnboardingFact fact) {
        Map<String, OnboardingFact> changed = new HashMap<>(onboarding);
        changed.put(ruleId, fact);
        return new PartnerFacts(partnerId, changed, suspended, cumulativeSalesKopecks, months, leads);
    }

    public PartnerFacts withSuspended(boolean value) {
        return new PartnerFacts(partnerId, onboarding, value, cumulativeSalesKopecks, months, leads);
    }

    /** Adds a month's figures (a sale, a refund as negative sales, an activity) to the partner's. */
    public PartnerFacts with(YearMonth month, MonthFigures figures) {
        TreeMap<YearMonth, MonthFigures> changed = new TreeMap<>(months);
        changed.merge(month, figures, MonthFigures::plus);
        return new PartnerFacts(partnerId, onboarding, suspended, cumulativeSalesKopecks + figures.salesKopecks(), changed, leads);
    }

    /** Adds a lead's assignment, ending or outcome to the partner's lead record of that month. */
    public PartnerFacts withLeads(YearMonth month, LeadRecord counted) {
        TreeMap<YearMonth, LeadRecord> changed = new TreeMap<>(leads);
        changed.merge(month, counted, LeadRecord::plus);
        return new PartnerFacts(partnerId, onboarding, suspended, cumulativeSalesKopecks, months, changed);
    }

    /** The figures of the months from {@code first} to {@code last}, both inclusive. */
    public MonthFigures between(YearMonth first, YearMonth last) {
        if (last.isBefore(first)) {
            return MonthFigures.NONE;
        }
        MonthFigures sum = MonthFigures.NONE;
        for (MonthFigures figures : months.subMap(first, true, last, true).values()) {
            sum = sum.plus(figures);
        }
        return sum;
    }

    /** The lead record of the months from {@code first} to {@code last}, both inclusive. */
    public LeadRecord leadsBetween(YearMonth first, YearMonth last) {
        return leads.subMap(first, true, last, true).values().stream().reduce(LeadRecord.NONE, LeadRecord::plus);
    }
}
