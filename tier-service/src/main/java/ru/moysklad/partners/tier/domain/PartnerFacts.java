package ru.moysklad.partners.tier.domain;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * Everything the status rules look at for one partner, as the events applied so far tell: its
 * onboarding facts, whether it is suspended, its cumulative sales at partner prices, its figures
 * month by month, and its lead record month by month. Immutable; each {@code with...} returns the
 * facts after one more event, sharing with these whatever the event left as it was.
 */
public final class PartnerFacts {

    private final String partnerId;
    private final Map<String, OnboardingFact> onboarding;
    private final boolean suspended;
    private final long cumulativeSalesKopecks;
    private final ByMonth<MonthFigures> months;
    private final ByMonth<LeadRecord> leads;

    public PartnerFacts(String partnerId, Map<String, OnboardingFact> onboarding, boolean suspended,
                        long cumulativeSalesKopecks, NavigableMap<YearMonth, MonthFigures> months,
                        NavigableMap<YearMonth, LeadRecord> leads) {
        this(partnerId, Map.copyOf(onboarding), suspended, cumulativeSalesKopecks, ByMonth.of(months), ByMonth.of(leads));
    }

    private PartnerFacts(String partnerId, Map<String, OnboardingFact> onboarding, boolean suspended,
                         long cumulativeSalesKopecks, ByMonth<MonthFigures> months, ByMonth<LeadRecord> leads) {
        this.partnerId = partnerId;
        this.onboarding = onboarding;
        this.suspended = suspended;
        this.cumulativeSalesKopecks = cumulativeSalesKopecks;
        this.months = months;
        this.leads = leads;
    }

    public static PartnerFacts none(String partnerId) {
        return new PartnerFacts(partnerId, Map.of(), false, 0, ByMonth.empty(), ByMonth.empty());
    }

    public String partnerId() {
        return partnerId;
    }

    public Map<String, OnboardingFact> onboarding() {
        return onboarding;
    }

    public OnboardingFact onboarding(String ruleId) {
        return onboarding.getOrDefault(ruleId, OnboardingFact.MISSING);
    }

    public boolean suspended() {
        return suspended;
    }

    public long cumulativeSalesKopecks() {
        return cumulativeSalesKopecks;
    }

    /** The figures month by month, as a sorted map of their own. */
    public NavigableMap<YearMonth, MonthFigures> months() {
        return months.asMap();
    }

    /** The lead record month by month, as a sorted map of its own. */
    public NavigableMap<YearMonth, LeadRecord> leads() {
        return leads.asMap();
    }

    public PartnerFacts withOnboarding(String ruleId, OnboardingFact fact) {
        Map<String, OnboardingFact> changed = new HashMap<>(onboarding);
        changed.put(ruleId, fact);
        return new PartnerFacts(partnerId, Map.copyOf(changed), suspended, cumulativeSalesKopecks, months, leads);
    }

    public PartnerFacts withSuspended(boolean value) {
        return new PartnerFacts(partnerId, onboarding, value, cumulativeSalesKopecks, months, leads);
    }

    /** Adds a month's figures (a sale, a refund as negative sales, an activity) to the partner's. */
    public PartnerFacts with(YearMonth month, MonthFigures figures) {
        return new PartnerFacts(partnerId, onboarding, suspended, cumulativeSalesKopecks + figures.salesKopecks(),
                months.merge(month, figures, MonthFigures::plus), leads);
    }

    /** Adds a lead's assignment, ending or outcome to the partner's lead record of that month. */
    public PartnerFacts withLeads(YearMonth month, LeadRecord counted) {
        return new PartnerFacts(partnerId, onboarding, suspended, cumulativeSalesKopecks, months,
                leads.merge(month, counted, LeadRecord::plus));
    }

    /** The figures of the months from {@code first} to {@code last}, both inclusive. */
    public MonthFigures between(YearMonth first, YearMonth last) {
        return months.sum(first, last, MonthFigures.NONE, MonthFigures::plus);
    }

    /** The lead record of the months from {@code first} to {@code last}, both inclusive. */
    public LeadRecord leadsBetween(YearMonth first, YearMonth last) {
        return leads.sum(first, last, LeadRecord.NONE, LeadRecord::plus);
    }

    /** Equal facts: the same partner, onboarding, suspension, cumulative volume, figures and lead record. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerFacts that && partnerId.equals(that.partnerId) && onboarding.equals(that.onboarding)
                && suspended == that.suspended && cumulativeSalesKopecks == that.cumulativeSalesKopecks
                && months.equals(that.months) && leads.equals(that.leads);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partnerId, onboarding, suspended, cumulativeSalesKopecks, months, leads);
    }

    @Override
    public String toString() {
        return "PartnerFacts[" + partnerId + ", onboarding " + onboarding + (suspended ? ", suspended" : "")
                + ", cumulative " + cumulativeSalesKopecks + " kopecks, months " + months() + ", leads " + leads() + "]";
    }
}
