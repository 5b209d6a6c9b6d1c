package ru.moysklad.partners.tier.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.platform.web.RequestRejected;
import ru.moysklad.partners.tier.application.StandingQueries;
import ru.moysklad.partners.tier.domain.CumulativeSalesPolicy;
import ru.moysklad.partners.tier.domain.PartnerStanding;
import ru.moysklad.partners.tier.domain.RuleEvaluation;

@RestController
@RequestMapping("/api/tier")
class StandingController {

    private final StandingQueries queries;

    StandingController(StandingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/partners/{partnerId}")
    StandingView standing(@PathVariable String partnerId) {
        PartnerStanding standing = queries.standingOf(partnerId)
                .orElseThrow(() -> RequestRejected.notFound("partner " + partnerId));
        CumulativeSalesPolicy.Progress progress = queries.progressOf(standing);
        return new StandingView(standing.partnerId(), standing.status().name(), standing.cumulativeSalesKopecks(),
                progress.nextStatus() == null ? null : progress.nextStatus().name(),
                progress.requirements().stream().map(RequirementView::of).toList(), queries.rulesVersion());
    }

    /** Partners per status now: the dashboards' overview. */
    @GetMapping("/statistics")
    Statistics statistics() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        queries.partnersByStatus().forEach((status, count) -> byStatus.put(status.name(), count));
        return new Statistics(byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * @param nextStatus   the next status up, null at the top
     * @param toNextStatus each requirement of the next status: required, actual, met
     */
    record StandingView(String partnerId, String status, long cumulativeSalesKopecks, String nextStatus,
                        List<RequirementView> toNextStatus, String rulesVersion) {
    }

    record RequirementView(String ruleId, String unit, long required, long actual, boolean met) {

        static RequirementView of(RuleEvaluation evaluation) {
            return new RequirementView(evaluation.ruleId(), evaluation.unit().name(), evaluation.required(), evaluation.actual(),
                    evaluation.met());
        }
    }

    record Statistics(Map<String, Long> partnersByStatus, long partners) {
    }
}
