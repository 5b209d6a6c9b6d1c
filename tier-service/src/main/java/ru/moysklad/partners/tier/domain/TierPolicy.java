package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ru.moysklad.partners.tier.domain.RuleEvaluation.Unit;

/**
 * The status rules of the rule book, applied: what a partner's facts reach under a rule set
 * (requirements S, P, R and, for Expert and Representative, their keep-conditions), promotion
 * the moment they are reached, the 6-monthly review of keep-conditions (with the platform's
 * optional K-LEADS), suspension and reinstatement, how far the next status is, and the partner's
 * lead record. Stateless; every answer names the rule ids, the figures and the rule set's version.
 */
public final class TierPolicy {

    /** The statuses a partner climbs, lowest first. */
    static final List<Status> LADDER = List.of(Status.PARTNER_START, Status.PARTNER, Status.EXPERT, Status.REPRESENTATIVE);
    private static final List<Status> KEPT = List.of(Status.REPRESENTATIVE, Status.EXPERT, Status.PARTNER);
    /** The platform's own rule id: the rule book's keep-conditions stop at K5. */
    private static final String LEAD_ACCEPTANCE = "K-LEADS";

    /**
     * The partner's facts against every status's requirements at a moment. For obtaining a status,
     * "quarterly sales" are the current quarter to date or the last complete quarter, whichever is
     * higher; "per year" is the current calendar year to date (rule book: When statuses change).
     */
    public Evaluation evaluate(PartnerFacts facts, RuleSet rules, Instant at) {
        Standing standing = new Standing(facts, rules, at);
        Map<Status, List<RuleEvaluation>> requirements = new EnumMap<>(Status.class);
        for (Status level : LADDER) {
            requirements.put(level, requirementsOf(level, standing));
        }
        return new Evaluation(facts.partnerId(), rules.version(), requirements);
    }

    /**
     * Promotion is immediate: when the facts reach a status above the current one, the partner moves
     * there at once, skipping levels when earned. Never lower; nothing while suspended.
     *
     * <p>The same answer as {@link #evaluate}'s {@link Evaluation#reached()}, but the statuses are
     * measured from the bottom only until one is not reached: the engine asks after every sale, and
     * most sales promote nobody (measuring every status was a tenth of the engine's profile).
     */
    public Optional<StatusDecision> promote(PartnerFacts facts, Status current, RuleSet rules, Instant at) {
        if (facts.suspended()) {
            return Optional.empty();
        }
        Standing standing = new Standing(facts, rules, at);
        Status reached = Status.APPLICANT;
        List<RuleEvaluation> deciding = new ArrayList<>();
        for (Status level : LADDER) {
            List<RuleEvaluation> requirements = requirementsOf(level, standing);
            if (!requirements.stream().allMatch(RuleEvaluation::met)) {
                break;
            }
            reached = level;
            if (level.isAbove(current)) {
                deciding.addAll(requirements);
            }
        }
        if (!reached.isAbove(current)) {
            return Optional.empty();
        }
        ChangeReason reason = current == Status.APPLICANT ? ChangeReason.ONBOARDING_COMPLETED : ChangeReason.PROMOTION;
        return Optional.of(new StatusDecision(facts.partnerId(), current, reached, reason, false, deciding, rules.version()));
    }

    /** The requirements a status adds to the one below it (rule book: S, P, R and the keep-conditions K1-K5). */
    private static List<RuleEvaluation> requirementsOf(Status level, Standing standing) {
        PartnerFacts facts = standing.facts;
        RuleSet rules = standing.rules;
        Instant at = standing.at;
        return switch (level) {
            case PARTNER_START -> List.of(
                        RuleEvaluation.flag("S1", facts.onboarding("S1").holdsAt(at)),
                        RuleEvaluation.flag("S2", facts.onboarding("S2").holdsAt(at)),
                        RuleEvaluation.flag("S3", facts.onboarding("S3").holdsAt(at)));
            case PARTNER -> {
                List<RuleEvaluation> partner = new ArrayList<>();
                partner.add(RuleEvaluation.flag("P1", facts.onboarding("P1").holdsAt(at)));
                partner.add(RuleEvaluation.flag("P2", facts.onboarding("P2").holdsAt(at)));
                Thresholds p = rules.partner();
                addIfSet(partner, "P3", Unit.KOPECKS, p.cumulativeSalesKopecks(), facts.cumulativeSalesKopecks(), null);
                QuarterSales best = standing.bestQuarter();
                addIfSet(partner, "P4", Unit.KOPECKS, p.quarterlySalesKopecks(), best.kopecks(), best.quarter().toString());
                addIfSet(partner, "P5", Unit.POINTS, p.marketingPoints(), standing.year().marketingPoints(), standing.yearLabel());
                yield partner;
            }
            case EXPERT -> keepConditions(rules.keep(Status.EXPERT), List.of(standing.bestQuarter()), standing.year(), standing.yearLabel());
            case REPRESENTATIVE -> {
                List<RuleEvaluation> representative = new ArrayList<>();
                addIfSet(representative, "R1", Unit.KOPECKS, rules.representative().cumulativeSalesKopecks(),
                        facts.cumulativeSalesKopecks(), null);
                representative.addAll(keepConditions(rules.keep(Status.REPRESENTATIVE), List.of(standing.bestQuarter()),
                        standing.year(), standing.yearLabel()));
                yield representative;
            }
            case APPLICANT -> List.of();
        };
    }

    /** The figures the requirements look at, at one moment: each worked out when a rule first asks for it, once. */
    private static final class Standing {

        private final PartnerFacts facts;
        private final RuleSet rules;
        private final Instant at;
        private final YearMonth month;
        private QuarterSales bestQuarter;
        private MonthFigures year;

        Standing(PartnerFacts facts, RuleSet rules, Instant at) {
            this.facts = facts;
            this.rules = rules;
            this.at = at;
            this.month = YearMonth.from(at.atZone(rules.timeZone()));
        }

        /** The current quarter to date or the last complete one, whichever sold more. */
        QuarterSales bestQuarter() {
            if (bestQuarter == null) {
                Quarter current = Quarter.of(month);
                Quarter previous = current.previous();
                long currentSales = sales(facts, current);
                long previousSales = sales(facts, previous);
                bestQuarter = currentSales >= previousSales ? new QuarterSales(current, currentSales) : new QuarterSales(previous, previousSales);
            }
            return bestQuarter;
        }

        /** The calendar year to date. */
        MonthFigures year() {
            if (year == null) {
                year = facts.between(YearMonth.of(month.getYear(), 1), month);
            }
            return year;
        }

        String yearLabel() {
            return Integer.toString(month.getYear());
        }
    }

    /**
     * The 6-monthly review on {@code reviewDate}: keep-conditions over the half-year that just ended
     * (K1 for each of its two quarters, K2-K5 over the trailing twelve months, K-LEADS over the
     * half-year where the rule set asks for it). A partner failing its status's conditions drops to
     * the highest status whose conditions it meets, never below Start; a review never raises anyone.
     * Applicants, Start partners and suspended partners are not reviewed.
     *
     * @return the outcome, whether or not the status changes, with every condition checked
     */
    public ReviewOutcome review(PartnerFacts facts, Status current, RuleSet rules, LocalDate reviewDate) {
        if (facts.suspended() || !current.isAbove(Status.PARTNER_START)) {
            return new ReviewOutcome(facts.partnerId(), reviewDate, current, current, List.of(), rules.version());
        }
        YearMonth lastMonth = YearMonth.from(reviewDate.minusDays(1));
        Quarter second = Quarter.of(lastMonth);
        Quarter first = second.previous();
        List<QuarterSales> quarters = List.of(new QuarterSales(first, sales(facts, first)), new QuarterSales(second, sales(facts, second)));
        YearMonth from = lastMonth.minusMonths(11);
        MonthFigures trailing = facts.between(from, lastMonth);
        String trailingLabel = from + ".." + lastMonth;
        HalfYearLeads halfYear = halfYearLeads(facts, lastMonth);

        List<RuleEvaluation> checked = new ArrayList<>();
        Status kept = Status.PARTNER_START;
        for (Status status : KEPT) {
            if (status.isAbove(current)) {
                continue;
            }
            List<RuleEvaluation> conditions = keepConditions(rules.keep(status), quarters, trailing, trailingLabel);
            leadAcceptance(rules.keep(status), halfYear).ifPresent(conditions::add);
            checked.addAll(conditions);
            if (conditions.stream().allMatch(RuleEvaluation::met)) {
                kept = status;
                break;
            }
        }
        return new ReviewOutcome(facts.partnerId(), reviewDate, current, kept, checked, rules.version());
    }

    /** C2: suspension keeps the status on record but stops every benefit at once. */
    public StatusDecision suspend(PartnerFacts facts, Status current, RuleSet rules) {
        return new StatusDecision(facts.partnerId(), current, current, ChangeReason.SUSPENSION, true, List.of(), rules.version());
    }

    /**
     * Reinstatement computes the status afresh from the facts now (assumption: the guide says nothing
     * more): the highest status whose requirements hold, which may be above or below the one before.
     */
    public StatusDecision reinstate(PartnerFacts facts, Status current, RuleSet rules, Instant at) {
        Evaluation evaluation = evaluate(facts.withSuspended(false), rules, at);
        Status reached = evaluation.reached();
        return new StatusDecision(facts.partnerId(), current, reached, ChangeReason.REINSTATEMENT, false,
                evaluation.upTo(reached.isAbove(Status.APPLICANT) ? reached : Status.PARTNER_START), rules.version());
    }

    /**
     * How far the next status is: its requirements (and any unmet one of the statuses between),
     * required against actual. Empty for a Representative.
     */
    public Progress progress(PartnerFacts facts, Status current, RuleSet rules, Instant at) {
        Evaluation evaluation = evaluate(facts, rules, at);
        Optional<Status> next = LADDER.stream().filter(status -> status.isAbove(current)).findFirst();
        if (next.isEmpty()) {
            return new Progress(null, List.of(), rules.version());
        }
        List<RuleEvaluation> requirements = new ArrayList<>();
        for (Status level : LADDER) {
            if (!level.isAbove(next.get())) {
                evaluation.of(level).stream()
                        .filter(rule -> level == next.get() || !rule.met())
                        .forEach(requirements::add);
            }
        }
        return new Progress(next.get(), requirements, rules.version());
    }

    /**
     * The partner's lead record over the half-year the review of {@code nextReview} will look at (so
     * far) and the half-year before it; and K-LEADS as that review would judge it on the figures so
     * far, when {@code rules} (the rule set of that review) ask for it for the partner's status.
     */
    public LeadReport leadReport(PartnerFacts facts, Status current, RuleSet rules, LocalDate nextReview) {
        YearMonth lastMonth = YearMonth.from(nextReview.minusDays(1));
        HalfYearLeads coming = halfYearLeads(facts, lastMonth);
        Optional<RuleEvaluation> keepCondition = facts.suspended() || !current.isAbove(Status.PARTNER_START)
                ? Optional.empty() : leadAcceptance(rules.keep(current), coming);
        return new LeadReport(coming, halfYearLeads(facts, lastMonth.minusMonths(6)), keepCondition.orElse(null));
    }

    /** The first review date strictly after the moment's day, in the rule set's time zone. */
    public LocalDate nextReviewDate(RuleSet rules, Instant after) {
        LocalDate today = after.atZone(rules.timeZone()).toLocalDate();
        for (int year = today.getYear(); ; year++) {
            for (MonthDay day : rules.reviewDates()) {
                LocalDate candidate = day.atYear(year);
                if (candidate.isAfter(today)) {
                    return candidate;
                }
            }
        }
    }

    /**
     * @param nextStatus   null at the top
     * @param requirements what the next status asks (met or not), and what is still unmet below it
     */
    public record Progress(Status nextStatus, List<RuleEvaluation> requirements, String rulesVersion) {

        public Progress {
            requirements = List.copyOf(requirements);
        }
    }

    /**
     * @param current       the half-year the coming review looks at, so far
     * @param previous      the half-year before it
     * @param keepCondition K-LEADS over {@code current}, null when no rule asks for it: the record is then informational
     */
    public record LeadReport(HalfYearLeads current, HalfYearLeads previous, RuleEvaluation keepCondition) {
    }

    /** @param period its months, first and last: 2026-01..2026-06 */
    public record HalfYearLeads(String period, LeadRecord leads) {
    }

    private record QuarterSales(Quarter quarter, long kopecks) {
    }

    private static HalfYearLeads halfYearLeads(PartnerFacts facts, YearMonth lastMonth) {
        YearMonth first = lastMonth.minusMonths(5);
        return new HalfYearLeads(first + ".." + lastMonth, facts.leadsBetween(first, lastMonth));
    }

    /**
     * K-LEADS, the platform's keep-condition (not the rule book's), where the rule set sets a share:
     * accepted leads against that share of the leads that counted (accepted, declined or missed),
     * rounded up — met exactly when accepted / counted reaches the share. A half-year in which no
     * lead counted asks for none, so it is met.
     */
    private static Optional<RuleEvaluation> leadAcceptance(Thresholds keep, HalfYearLeads halfYear) {
        if (keep.leadAcceptancePercent() == 0) {
            return Optional.empty();
        }
        long required = (keep.leadAcceptancePercent() * halfYear.leads().counted() + 99) / 100;
        return Optional.of(new RuleEvaluation(LEAD_ACCEPTANCE, Unit.COUNT, required, halfYear.leads().accepted(), halfYear.period()));
    }

    private static List<RuleEvaluation> keepConditions(Thresholds keep, List<QuarterSales> quarters, MonthFigures period,
                                                       String periodLabel) {
        List<RuleEvaluation> conditions = new ArrayList<>();
        for (QuarterSales quarter : quarters) {
            addIfSet(conditions, "K1", Unit.KOPECKS, keep.quarterlySalesKopecks(), quarter.kopecks(), quarter.quarter().toString());
        }
        addIfSet(conditions, "K2", Unit.COUNT, keep.industryEvents(), period.industryEvents(), periodLabel);
        addIfSet(conditions, "K3", Unit.COUNT, keep.successStories(), period.successStories(), periodLabel);
        addIfSet(conditions, "K4", Unit.POINTS, keep.marketingPoints(), period.marketingPoints(), periodLabel);
        addIfSet(conditions, "K5", Unit.COUNT, keep.newClients(), period.newClients(), periodLabel);
        return conditions;
    }

    /** A threshold of zero is the rule book's dash: the status sets no such condition. */
    private static void addIfSet(List<RuleEvaluation> into, String ruleId, Unit unit, long required, long actual, String period) {
        if (required > 0) {
            into.add(new RuleEvaluation(ruleId, unit, required, actual, period));
        }
    }

    private static long sales(PartnerFacts facts, Quarter quarter) {
        return facts.between(quarter.firstMonth(), quarter.lastMonth()).salesKopecks();
    }
}
