package ru.moysklad.partners.tier.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.platform.web.RequestRejected;
import ru.moysklad.partners.tier.application.StatusQueries;
import ru.moysklad.partners.tier.domain.RuleEvaluation;
import ru.moysklad.partners.tier.domain.StatusHistory;
import ru.moysklad.partners.tier.domain.TierPolicy;

/** A partner's status, its progress to the next one, its lead record, its history; partners per status. */
@RestController
@RequestMapping("/api/tier")
class StandingController {

    private final StatusQueries queries;

    StandingController(StatusQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/partners/{partnerId}")
    StandingView standing(@PathVariable String partnerId) {
        StatusQueries.Standing standing = queries.standing(partnerId)
                .orElseThrow(() -> RequestRejected.notFound("partner " + partnerId));
        var record = standing.record();
        var progress = standing.progress();
        return new StandingView(partnerId, record.status().name(), record.suspended(), record.statusSince(),
                record.facts().cumulativeSalesKopecks(), progress.nextStatus() == null ? null : progress.nextStatus().name(),
                progress.requirements().stream().map(RequirementView::of).toList(), progress.rulesVersion(), standing.nextReview(),
                LeadRecordView.of(standing.leads()), standing.asOf());
    }

    /** Every status change of the partner, oldest first, each with the rules and figures that decided it. */
    @GetMapping("/partners/{partnerId}/history")
    List<ChangeView> history(@PathVariable String partnerId) {
        if (queries.standing(partnerId).isEmpty()) {
            throw RequestRejected.notFound("partner " + partnerId);
        }
        return queries.history(partnerId).stream().map(ChangeView::of).toList();
    }

    /** Partners per status now: the dashboards' overview. */
    @GetMapping("/statistics")
    Statistics statistics() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        queries.partnersByStatus().forEach((status, count) -> byStatus.put(status.name(), count));
        return new Statistics(byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * @param suspended    C2: the status stays on record, but no benefit applies
     * @param nextStatus   the next status up, null at the top
     * @param toNextStatus what the next status asks: each requirement required, actual, met, and what is missing
     * @param nextReview   the next review date, when keep-conditions are checked
     * @param leadRecord   the leads lead-service gave the partner and how it answered them
     */
    record StandingView(String partnerId, String status, boolean suspended, Instant statusSince, long cumulativeSalesKopecks,
                        String nextStatus, List<RequirementView> toNextStatus, String rulesVersion, LocalDate nextReview,
                        LeadRecordView leadRecord, Instant asOf) {
    }

    /**
     * The partner's lead record over the half-year the next review looks at (so far) and the one before.
     *
     * @param informational true unless the next review's rule set asks for K-LEADS for the partner's status
     * @param keepCondition K-LEADS as the next review would judge it on the figures so far; null when informational
     */
    record LeadRecordView(boolean informational, RequirementView keepCondition, HalfYearView current, HalfYearView previous) {

        static LeadRecordView of(TierPolicy.LeadReport report) {
            return new LeadRecordView(report.keepCondition() == null,
                    report.keepCondition() == null ? null : RequirementView.of(report.keepCondition()),
                    HalfYearView.of(report.current()), HalfYearView.of(report.previous()));
        }
    }

    /**
     * @param withdrawn           taken back because the partner stopped being eligible: not held against it
     * @param acceptancePercent   accepted of accepted, declined and missed, in whole percent rounded down; null when none
     * @param meanResponseSeconds working seconds to an acceptance or a decline, on average; null when none
     */
    record HalfYearView(String period, long assigned, long accepted, long declined, long missed, long withdrawn, long won, long lost,
                        Long acceptancePercent, Long meanResponseSeconds) {

        static HalfYearView of(TierPolicy.HalfYearLeads halfYear) {
            var leads = halfYear.leads();
            return new HalfYearView(halfYear.period(), leads.assigned(), leads.accepted(), leads.declined(), leads.missed(),
                    leads.withdrawn(), leads.won(), leads.lost(), boxed(leads.acceptancePercent()), boxed(leads.meanResponseSeconds()));
        }

        private static Long boxed(OptionalLong value) {
            return value.isPresent() ? value.getAsLong() : null;
        }
    }

    /** One requirement; {@code missing} says in words what is still needed, null when met. */
    record RequirementView(String ruleId, String unit, long required, long actual, boolean met, String period, String missing) {

        static RequirementView of(RuleEvaluation rule) {
            return new RequirementView(rule.ruleId(), rule.unit().name(), rule.required(), rule.actual(), rule.met(), rule.period(),
                    rule.met() ? null : missing(rule));
        }

        private static String missing(RuleEvaluation rule) {
            String in = rule.period() == null ? "" : " in " + rule.period();
            return switch (rule.unit()) {
                case KOPECKS -> roubles(rule.shortfall()) + " RUB more sales" + in;
                case POINTS -> rule.shortfall() + " more marketing points" + in;
                case COUNT -> rule.shortfall() + " more" + in;
                case FLAG -> "not done yet";
            };
        }

        private static String roubles(long kopecks) {
            return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(kopecks, 2)).replace(".00", "");
        }
    }

    record ChangeView(Instant at, String oldStatus, String newStatus, String reason, boolean suspended,
                      List<RequirementView> rules, String rulesVersion, String triggeringEventId) {

        static ChangeView of(StatusHistory.Entry entry) {
            var decision = entry.decision();
            return new ChangeView(entry.at(), decision.oldStatus().name(), decision.newStatus().name(), decision.reason().name(),
                    decision.suspended(), decision.evaluations().stream().map(RequirementView::of).toList(), decision.rulesVersion(),
                    entry.triggeringEventId());
        }
    }

    record Statistics(Map<String, Long> partnersByStatus, long partners) {
    }
}
