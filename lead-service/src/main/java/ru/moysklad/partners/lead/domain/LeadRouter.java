package ru.moysklad.partners.lead.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * Chooses the partner a website lead goes to (rule book: Leads; B6, B10), or the vendor's own queue.
 *
 * <p><b>Who may take it.</b> Partners of status Partner and above (B6), only Representatives for LARGE
 * and FRANCHISE leads (B10), never a suspended partner (C2), nor one holding as many open leads as it
 * takes, nor one that already declined this lead or let its deadline pass.
 *
 * <p><b>Where.</b> Partners serving the lead's region first; when none of them may take it, those
 * serving the region's configured fallback regions; then, if configured, any partner.
 *
 * <p><b>Which one: a weighted rotation</b> (stride scheduling). Each partner has a standing in the
 * lead region's rotation: the leads it received there per unit of weight. The eligible partner
 * furthest behind wins, and its standing grows by one lead divided by its weight, so over many leads
 * each gets a share proportional to its weight. The weight is its status's weight times two
 * corrections from its recent answers: the share of leads it accepted, and how much of the response
 * time it took to answer (a missed deadline counts as all of it). A partner that was away (new,
 * suspended, at capacity) joins no further back than one round behind the leader, rather than being
 * owed every lead it missed. Ties go by a hash of lead and partner, so the same inputs always give the
 * same assignment and no partner is favoured by its id.
 */
public final class LeadRouter {

    /** A partner of weight 1 taking a lead advances its standing by this: standings read as leads per unit of weight. */
    static final long ONE_LEAD = 1_000_000L;
    private static final long ONE = 1_000L;

    private final RoutingRules rules;
    /** The rules' fractions in thousandths, worked out once rather than for every candidate of every lead. */
    private final Map<ProgramStatus, Long> statusWeights = new EnumMap<>(ProgramStatus.class);
    private final long acceptanceFloor;
    private final long slowResponseFloor;

    public LeadRouter(RoutingRules rules) {
        this.rules = rules;
        rules.statusWeights().forEach((status, weight) -> statusWeights.put(status, milli(weight)));
        this.acceptanceFloor = milli(rules.acceptanceFloor());
        this.slowResponseFloor = milli(rules.slowResponseFloor());
    }

    public RoutingRules rules() {
        return rules;
    }

    /** Where to look for partners for a lead of this region, in order of preference. */
    public List<RegionScope> scopesFor(String region) {
        List<RegionScope> scopes = new ArrayList<>();
        scopes.add(RegionScope.of(region, Set.of(region)));
        List<String> fallback = rules.fallbackRegions().getOrDefault(region, List.of());
        if (!fallback.isEmpty()) {
            scopes.add(RegionScope.of("fallback " + String.join(", ", fallback), new LinkedHashSet<>(fallback)));
        }
        if (rules.fallbackToAnyRegion()) {
            scopes.add(RegionScope.everywhere());
        }
        return scopes;
    }

    /**
     * Routes one lead.
     *
     * @param partnersIn the partners of status Partner and above serving a scope's regions (any partner
     *                   of those statuses for {@link RegionScope#anyRegion()}), with their standing in the
     *                   lead region's rotation
     */
    public RoutingDecision route(LeadToRoute lead, Function<RegionScope, List<RoutingPartner>> partnersIn) {
        List<String> ruleIds = lead.type() == LeadType.STANDARD ? List.of("B6") : List.of("B6", "B10");
        if (lead.attempt() > rules.maxAttempts()) {
            return toVendor(ruleIds, "assigned " + (lead.attempt() - 1) + " times without being accepted (at most "
                    + rules.maxAttempts() + " partners may have a lead): it goes to the vendor's own queue", List.of());
        }
        Set<String> seen = new HashSet<>();
        List<CandidateNote> ineligible = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        for (RegionScope scope : scopesFor(lead.region())) {
            looked.add(scope.anyRegion() ? scope.label() : "serving " + scope.label());
            List<Standing> eligible = new ArrayList<>();
            for (RoutingPartner partner : partnersIn.apply(scope)) {
                if (!seen.add(partner.partnerId())) {
                    continue;
                }
                Optional<String> why = ineligibility(partner, lead);
                if (why.isPresent()) {
                    ineligible.add(new CandidateNote(partner.partnerId(), false, why.get()));
                } else {
                    eligible.add(standing(partner, lead.leadId()));
                }
            }
            if (!eligible.isEmpty()) {
                return choose(lead, scope, looked.size() > 1 ? looked.subList(0, looked.size() - 1) : List.of(), eligible, ineligible,
                        ruleIds);
            }
        }
        return toVendor(ruleIds, "no partner may take it (" + String.join("; ", looked) + ": " + ineligible.size()
                + " considered, none eligible): it goes to the vendor's own queue", ineligible);
    }

    /**
     * Why a partner holding this lead, not yet answered, may no longer keep it — suspended, or its
     * status no longer enough — or empty when it may.
     */
    public Optional<String> whyNoLongerEligible(RoutingPartner partner, LeadType type) {
        if (partner.suspended()) {
            return Optional.of("suspended: no leads (C2)");
        }
        if (!partner.status().receivesLeads()) {
            return Optional.of("status " + partner.status() + ": leads go to Partner and above (B6)");
        }
        if (type != LeadType.STANDARD && partner.status() != ProgramStatus.REPRESENTATIVE) {
            return Optional.of(type + " leads go to Representatives only (B10)");
        }
        return Optional.empty();
    }

    private Optional<String> ineligibility(RoutingPartner partner, LeadToRoute lead) {
        if (lead.alreadyOffered().contains(partner.partnerId())) {
            return Optional.of("had this lead already and declined it or let the deadline pass");
        }
        Optional<String> status = whyNoLongerEligible(partner, lead.type());
        if (status.isPresent()) {
            return status;
        }
        if (partner.maxOpenLeads() <= 0) {
            return Optional.of("takes no leads (its lead preferences)");
        }
        if (partner.openLeads() >= partner.maxOpenLeads()) {
            return Optional.of("at capacity: " + partner.openLeads() + " of " + partner.maxOpenLeads() + " open leads");
        }
        return Optional.empty();
    }

    private RoutingDecision choose(LeadToRoute lead, RegionScope scope, List<String> passedOver, List<Standing> eligible,
                                   List<CandidateNote> ineligible, List<String> ruleIds) {
        long leader = eligible.stream().mapToLong(s -> s.partner.pass()).max().orElseThrow();
        long longestStride = eligible.stream().mapToLong(s -> s.stride).max().orElseThrow();
        long floor = leader - longestStride;
        List<Standing> order = eligible.stream()
                .map(s -> s.at(Math.max(s.partner.pass(), floor)))
                .sorted(Comparator.comparingLong((Standing s) -> s.pass)
                        .thenComparingLong(s -> s.tie)
                        .thenComparing(s -> s.partner.partnerId()))
                .toList();
        Standing winner = order.get(0);

        List<CandidateNote> notes = new ArrayList<>();
        order.stream().limit(rules.candidatesInReason()).forEach(s -> notes.add(new CandidateNote(s.partner.partnerId(), true,
                s.describe() + (s == winner ? " — chosen: furthest behind its share" : ""))));
        ineligible.stream().limit(rules.candidatesInReason()).forEach(notes::add);

        StringBuilder reason = new StringBuilder();
        if (!passedOver.isEmpty()) {
            reason.append("No partner ").append(String.join(" or ", passedOver)).append(" could take it; ");
        }
        reason.append(passedOver.isEmpty() ? "Among " : "among ").append(eligible.size()).append(" eligible partner")
                .append(eligible.size() == 1 ? "" : "s").append(" ").append(scope.anyRegion() ? "in any region" : "serving " + scope.label())
                .append(", ").append(winner.partner.partnerId()).append(" (").append(winner.partner.status()).append(") was furthest behind its share of the rotation: ")
                .append(leads(winner.pass)).append(" leads per unit of weight");
        if (order.size() > 1) {
            Standing next = order.get(1);
            reason.append(" (next: ").append(next.partner.partnerId()).append(" at ").append(leads(next.pass)).append(")");
        }
        reason.append("; its weight ").append(winner.weightFormula()).append(".");
        if (order.size() > rules.candidatesInReason() || ineligible.size() > rules.candidatesInReason()) {
            reason.append(" Candidates listed: the first ").append(rules.candidatesInReason()).append(" eligible and ineligible.");
        }
        return new RoutingDecision(Optional.of(winner.partner), winner.pass + winner.stride, ruleIds, reason.toString(), notes);
    }

    private Standing standing(RoutingPartner partner, String leadId) {
        long weight = statusWeights.get(partner.status());
        ResponseRecord answers = partner.responses();
        long acceptance = ONE;
        long response = ONE;
        boolean corrected = answers.assignments() > 0 && answers.assignments() >= rules.minAssignmentsForCorrection();
        if (corrected) {
            acceptance = acceptanceFloor + (ONE - acceptanceFloor) * answers.accepted() / answers.assignments();
            long deadline = Math.max(1, rules.responseTime().toSeconds());
            long meanSeconds = (answers.answeredSeconds() + answers.missed() * deadline) / answers.assignments();
            response = ONE - (ONE - slowResponseFloor) * Math.min(meanSeconds, deadline) / deadline;
        }
        long effective = Math.max(1, weight * acceptance / ONE * response / ONE);
        return new Standing(partner, weight, acceptance, response, corrected, effective, ONE_LEAD * ONE / effective, partner.pass(),
                tieBreak(leadId, partner.partnerId()));
    }

    private RoutingDecision toVendor(List<String> ruleIds, String reason, List<CandidateNote> ineligible) {
        List<CandidateNote> listed = ineligible.stream().limit(rules.candidatesInReason()).collect(Collectors.toList());
        // the vendor's queue has no candidates field to show them in: the reason names them
        String considered = listed.isEmpty() ? "" : " Considered: " + listed.stream()
                .map(c -> c.partnerId() + " — " + c.note()).collect(Collectors.joining("; ")) + ".";
        return new RoutingDecision(Optional.empty(), 0, ruleIds, "No partner: " + reason + "." + considered, listed);
    }

    private static long tieBreak(String leadId, String partnerId) {
        CRC32 crc = new CRC32();
        crc.update((leadId + "/" + partnerId).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static long milli(BigDecimal fraction) {
        return fraction.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static String leads(long pass) {
        return BigDecimal.valueOf(pass, 6).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String factor(long milli) {
        return BigDecimal.valueOf(milli, 3).toPlainString();
    }

    /** A partner's place in the rotation for this lead, and the weight behind its stride. */
    private static final class Standing {
        final RoutingPartner partner;
        final long weight;
        final long acceptance;
        final long response;
        final boolean corrected;
        final long effective;
        final long stride;
        final long pass;
        /** Orders equal standings: a hash of lead and partner, worked out once, not at each comparison of the sort. */
        final long tie;

        Standing(RoutingPartner partner, long weight, long acceptance, long response, boolean corrected, long effective, long stride,
                 long pass, long tie) {
            this.partner = partner;
            this.weight = weight;
            this.acceptance = acceptance;
            this.response = response;
            this.corrected = corrected;
            this.effective = effective;
            this.stride = stride;
            this.pass = pass;
            this.tie = tie;
        }

        Standing at(long clampedPass) {
            return new Standing(partner, weight, acceptance, response, corrected, effective, stride, clampedPass, tie);
        }

        String weightFormula() {
            String formula = factor(weight) + " (" + partner.status() + ") × acceptance " + factor(acceptance) + " × response "
                    + factor(response) + " = " + factor(effective);
            return corrected ? formula : formula + " (too few recent assignments to correct it)";
        }

        String describe() {
            return partner.status() + ", " + partner.openLeads() + " of " + partner.maxOpenLeads() + " open leads, standing "
                    + leads(pass) + " leads per unit of weight, weight " + weightFormula();
        }
    }
}
