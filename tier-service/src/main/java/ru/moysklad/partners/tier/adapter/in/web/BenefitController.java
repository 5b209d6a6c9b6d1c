package ru.moysklad.partners.tier.adapter.in.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.platform.web.RequestRejected;
import ru.moysklad.partners.tier.application.StatusQueries;
import ru.moysklad.partners.tier.domain.Benefit;
import ru.moysklad.partners.tier.domain.BenefitCatalogue;
import ru.moysklad.partners.tier.domain.RuleSet;
import ru.moysklad.partners.tier.domain.Status;

/**
 * What each status gives (B1-B11) under the rule set in force, for anyone; and for a partner, what
 * it has now and what its next status would add — why the next status is worth reaching.
 */
@RestController
@RequestMapping("/api/tier")
class BenefitController {

    private static final List<Status> STATUSES = List.of(Status.PARTNER_START, Status.PARTNER, Status.EXPERT, Status.REPRESENTATIVE);

    private final StatusQueries queries;

    BenefitController(StatusQueries queries) {
        this.queries = queries;
    }

    /** Each status with every benefit it has and the amount (a discount in percent, bonus points...). An applicant has none. */
    @GetMapping("/benefits")
    CatalogueView catalogue() {
        RuleSet rules = queries.rulesInForce();
        return new CatalogueView(rules.version(), rules.effectiveFrom(), STATUSES.stream()
                .map(status -> new StatusBenefits(status.name(), views(rules.benefits().of(status, false), status)))
                .toList());
    }

    /** The partner's benefits now (none while suspended, C2) and what its next status would add or raise. */
    @GetMapping("/partners/{partnerId}/benefits")
    PartnerBenefits partner(@PathVariable String partnerId) {
        var standing = queries.standing(partnerId).orElseThrow(() -> RequestRejected.notFound("partner " + partnerId));
        Status status = standing.record().status();
        boolean suspended = standing.record().suspended();
        Status next = standing.progress().nextStatus();
        RuleSet rules = queries.rulesInForce();
        BenefitCatalogue catalogue = rules.benefits();
        List<Unlock> unlocks = next == null ? List.of() : catalogue.unlockedBy(status, next).stream()
                .map(benefit -> new Unlock(benefit.id(), benefit.title(), benefit.unit(), benefit.amountFor(status).orElse(null),
                        benefit.amountFor(next).orElseThrow(), benefit.detail()))
                .toList();
        return new PartnerBenefits(partnerId, status.name(), suspended, rules.version(), views(catalogue.of(status, suspended), status),
                suspended ? "suspended (C2): no benefit applies until reinstated" : null, next == null ? null : next.name(), unlocks);
    }

    private static List<BenefitView> views(List<Benefit> benefits, Status status) {
        return benefits.stream()
                .map(benefit -> new BenefitView(benefit.id(), benefit.title(), benefit.unit(), benefit.amountFor(status).orElseThrow(),
                        benefit.detail()))
                .toList();
    }

    /** @param amount the discount in percent, the bonus points, the points per rouble; 1 for a benefit simply had (unit YES) */
    record BenefitView(String id, String title, String unit, BigDecimal amount, String detail) {
    }

    record StatusBenefits(String status, List<BenefitView> benefits) {
    }

    record CatalogueView(String rulesVersion, LocalDate effectiveFrom, List<StatusBenefits> statuses) {
    }

    /** @param now the amount the partner has now, null when it has none of it */
    record Unlock(String id, String title, String unit, BigDecimal now, BigDecimal next, String detail) {
    }

    /** @param benefits what it has now: none while suspended, none for an applicant */
    record PartnerBenefits(String partnerId, String status, boolean suspended, String rulesVersion, List<BenefitView> benefits,
                           String note, String nextStatus, List<Unlock> unlockedByNextStatus) {
    }
}
