package ru.moysklad.partners.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.moysklad.partners.platform.testing.SeededRandom;

class LeadRouterTest {

    /** The regions each partner of a test serves, by partner id. */
    private final Map<String, Set<String>> served = new HashMap<>();

    private final LeadRouter router = new LeadRouter(RoutingRules.defaults());

    @Test
    void shouldGiveAStandardLeadOnlyToPartnersOfStatusPartnerAndAbove() {
        var decision = router.route(lead("l1", LeadType.STANDARD, "CENTRAL"), pool(
                partner("applicant", ProgramStatus.APPLICANT, "CENTRAL"),
                partner("start", ProgramStatus.PARTNER_START, "CENTRAL"),
                partner("partner", ProgramStatus.PARTNER, "CENTRAL")));

        assertThat(decision.assignedTo()).map(RoutingPartner::partnerId).contains("partner");
        assertThat(decision.ruleIds()).containsExactly("B6");
        assertThat(decision.candidates()).filteredOn(c -> !c.eligible()).extracting(CandidateNote::partnerId)
                .containsExactlyInAnyOrder("applicant", "start");
        assertThat(note(decision, "start")).contains("leads go to Partner and above (B6)");
    }

    @Test
    void shouldGiveLargeAndFranchiseLeadsOnlyToRepresentatives() {
        for (LeadType type : List.of(LeadType.LARGE, LeadType.FRANCHISE)) {
            var decision = router.route(lead("l-" + type, type, "CENTRAL"), pool(
                    partner("expert", ProgramStatus.EXPERT, "CENTRAL"),
                    partner("representative", ProgramStatus.REPRESENTATIVE, "CENTRAL")));

            assertThat(decision.assignedTo()).map(RoutingPartner::partnerId).contains("representative");
            assertThat(decision.ruleIds()).containsExactly("B6", "B10");
            assertThat(note(decision, "expert")).contains(type + " leads go to Representatives only (B10)");
        }
    }

    @Test
    void shouldSendALargeLeadToTheVendorQueueWhenNoRepresentativeMayTakeIt() {
        var decision = router.route(lead("l1", LeadType.LARGE, "CENTRAL"), pool(partner("expert", ProgramStatus.EXPERT, "CENTRAL")));

        assertThat(decision.toVendorQueue()).isTrue();
        assertThat(decision.reason()).contains("no partner may take it").contains("vendor's own queue")
                .endsWith("Considered: expert — LARGE leads go to Representatives only (B10).");
    }

    @Test
    void shouldNeverGiveALeadToASuspendedPartner() {
        var suspended = serving(Set.of("CENTRAL"), "suspended", ProgramStatus.REPRESENTATIVE, true, 5, 0, 0, ResponseRecord.NONE);

        var decision = router.route(lead("l1", LeadType.STANDARD, "CENTRAL"), pool(suspended, partner("partner", ProgramStatus.PARTNER, "CENTRAL")));

        assertThat(decision.assignedTo()).map(RoutingPartner::partnerId).contains("partner");
        assertThat(note(decision, "suspended")).contains("suspended").contains("C2");
    }

    @Test
    void shouldPassOverAPartnerAtCapacityOrTakingNoLeads() {
        var full = serving(Set.of("CENTRAL"), "full", ProgramStatus.EXPERT, false, 3, 3, 0, ResponseRecord.NONE);
        var none = serving(Set.of("CENTRAL"), "none", ProgramStatus.EXPERT, false, 0, 0, 0, ResponseRecord.NONE);
        var almost = serving(Set.of("CENTRAL"), "almost", ProgramStatus.PARTNER, false, 3, 2, 9 * LeadRouter.ONE_LEAD,
                ResponseRecord.NONE);

        var decision = router.route(lead("l1", LeadType.STANDARD, "CENTRAL"), pool(full, none, almost));

        assertThat(decision.assignedTo()).map(RoutingPartner::partnerId).contains("almost");
        assertThat(note(decision, "full")).contains("at capacity: 3 of 3 open leads");
        assertThat(note(decision, "none")).contains("takes no leads");
    }

    @Test
    void shouldNotOfferALeadAgainToAPartnerThatHadIt() {
        var decision = router.route(new LeadToRoute("l1", LeadType.STANDARD, "CENTRAL", 2, Set.of("first")), pool(
                partner("first", ProgramStatus.REPRESENTATIVE, "CENTRAL"), partner("second", ProgramStatus.PARTNER, "CENTRAL")));

        assertThat(decision.assignedTo()).map(RoutingPartner::partnerId).contains("second");
        assertThat(note(decision, "first")).contains("had this lead already");
    }

    @Test
    void shouldPreferPartnersServingTheLeadsRegionThenItsFallbackRegionsThenAnyRegion() {
        var router = new LeadRouter(RoutingRules.defaults().withFallbackRegions(Map.of("CRIMEA", List.of("SOUTHERN"))));
        var south = partner("south", ProgramStatus.PARTNER, "SOUTHERN");
        var far = partner("far", ProgramStatus.REPRESENTATIVE, "FAR_EASTERN");
        var crimea = partner("crimea", ProgramStatus.PARTNER, "CRIMEA");

        assertThat(router.route(lead("l1", LeadType.STANDARD, "CRIMEA"), pool(far, south, crimea)).assignedTo())
                .map(RoutingPartner::partnerId).contains("crimea");

        var fallback = router.route(lead("l2", LeadType.STANDARD, "CRIMEA"), pool(far, south));
        assertThat(fallback.assignedTo()).map(RoutingPartner::partnerId).contains("south");
        assertThat(fallback.reason()).startsWith("No partner serving CRIMEA could take it; among 1 eligible partner serving fallback SOUTHERN");

        var anywhere = router.route(lead("l3", LeadType.STANDARD, "CRIMEA"), pool(far));
        assertThat(anywhere.assignedTo()).map(RoutingPartner::partnerId).contains("far");
        assertThat(anywhere.reason()).contains("in any region");

        var nowhere = new LeadRouter(router.rules().withFallbackToAnyRegion(false)).route(lead("l4", LeadType.STANDARD, "CRIMEA"), pool(far));
        assertThat(nowhere.toVendorQueue()).isTrue();
    }

    @Test
    void shouldSendALeadToTheVendorQueueAfterTheLastAttemptAllowed() {
        var router = new LeadRouter(RoutingRules.defaults().withMaxAttempts(2));

        var third = router.route(new LeadToRoute("l1", LeadType.STANDARD, "CENTRAL", 3, Set.of("a", "b")),
                pool(partner("c", ProgramStatus.PARTNER, "CENTRAL")));
        var second = router.route(new LeadToRoute("l1", LeadType.STANDARD, "CENTRAL", 2, Set.of("a")),
                pool(partner("c", ProgramStatus.PARTNER, "CENTRAL")));

        assertThat(third.toVendorQueue()).isTrue();
        assertThat(third.reason()).contains("assigned 2 times without being accepted");
        assertThat(second.assignedTo()).map(RoutingPartner::partnerId).contains("c");
    }

    @Test
    void shouldExplainTheChoiceWithTheWinnersStandingAndTheRunnerUp() {
        var decision = router.route(lead("l1", LeadType.STANDARD, "VOLGA"), pool(
                serving(Set.of("VOLGA"), "ahead", ProgramStatus.EXPERT, false, 5, 1, 3 * LeadRouter.ONE_LEAD, ResponseRecord.NONE),
                serving(Set.of("VOLGA"), "behind", ProgramStatus.PARTNER, false, 5, 2, 5 * LeadRouter.ONE_LEAD / 2,
                        ResponseRecord.NONE)));

        assertThat(decision.assignedTo()).map(RoutingPartner::partnerId).contains("behind");
        assertThat(decision.newPass()).isEqualTo(7 * LeadRouter.ONE_LEAD / 2);
        assertThat(decision.reason()).isEqualTo("Among 2 eligible partners serving VOLGA, behind (PARTNER) was furthest behind its share"
                + " of the rotation: 2.500 leads per unit of weight (next: ahead at 3.000); its weight 1.000 (PARTNER) × acceptance 1.000"
                + " × response 1.000 = 1.000 (too few recent assignments to correct it).");
        assertThat(note(decision, "behind")).startsWith("PARTNER, 2 of 5 open leads, standing 2.500").endsWith("chosen: furthest behind its share");
    }

    @Test
    void shouldShareTenThousandLeadsInProportionToTheStatusWeights() {
        var rotation = new Rotation(router, List.of(
                partner("partner-1", ProgramStatus.PARTNER, "CENTRAL"), partner("partner-2", ProgramStatus.PARTNER, "CENTRAL"),
                partner("expert-1", ProgramStatus.EXPERT, "CENTRAL"), partner("expert-2", ProgramStatus.EXPERT, "CENTRAL"),
                partner("representative", ProgramStatus.REPRESENTATIVE, "CENTRAL")));

        Map<String, Integer> shares = rotation.route(10_000, "CENTRAL");

        System.out.println("shares of 10,000 leads, weights 1/1/2/2/3: " + shares);
        // 9 units of weight: 10,000 / 9 = 1,111.1 per unit, and stride scheduling is exact to within a lead
        assertThat((double) shares.get("partner-1")).isCloseTo(1_111.1, within(1.0));
        assertThat((double) shares.get("partner-2")).isCloseTo(1_111.1, within(1.0));
        assertThat((double) shares.get("expert-1")).isCloseTo(2_222.2, within(1.0));
        assertThat((double) shares.get("expert-2")).isCloseTo(2_222.2, within(1.0));
        assertThat((double) shares.get("representative")).isCloseTo(3_333.3, within(1.0));
    }

    @Test
    void shouldGiveFewerLeadsToAPartnerThatDeclinesThemOrAnswersSlowly() {
        // accepts half: 0.25 + 0.75 × 0.5 = 0.625; answers in 2 of 4 hours: 1 − 0.5 × 0.5 = 0.75; both: 0.468 (in thousandths)
        var choosy = serving(Set.of("CENTRAL"), "choosy", ProgramStatus.PARTNER, false, 5, 0, 0, new ResponseRecord(5, 5, 0, 10 * 7_200));
        var slow = serving(Set.of("CENTRAL"), "slow", ProgramStatus.PARTNER, false, 5, 0, 0, new ResponseRecord(10, 0, 0, 10 * 7_200));
        var prompt = serving(Set.of("CENTRAL"), "prompt", ProgramStatus.PARTNER, false, 5, 0, 0, new ResponseRecord(10, 0, 0, 0));
        var rotation = new Rotation(router, List.of(choosy, slow, prompt));

        Map<String, Integer> shares = rotation.route(10_000, "CENTRAL");

        System.out.println("shares of 10,000 leads, weights 0.468/0.750/1.000: " + shares);
        double total = 0.468 + 0.75 + 1.0;
        assertThat((double) shares.get("choosy")).isCloseTo(10_000 * 0.468 / total, within(1.0));
        assertThat((double) shares.get("slow")).isCloseTo(10_000 * 0.75 / total, within(1.0));
        assertThat((double) shares.get("prompt")).isCloseTo(10_000 * 1.0 / total, within(1.0));
    }

    @Test
    void shouldCountAMissedDeadlineAsTheWholeResponseTime() {
        var missing = serving(Set.of("CENTRAL"), "missing", ProgramStatus.PARTNER, false, 5, 0, 0, new ResponseRecord(0, 0, 5, 0));

        var decision = router.route(lead("l1", LeadType.STANDARD, "CENTRAL"), pool(missing));

        assertThat(decision.reason()).contains("1.000 (PARTNER) × acceptance 0.250 × response 0.500 = 0.125.");
    }

    @Test
    void shouldLetAPartnerThatWasAwayJoinNoFurtherBackThanOneRound() {
        var regular = serving(Set.of("CENTRAL"), "regular", ProgramStatus.PARTNER, false, 5, 0, 100 * LeadRouter.ONE_LEAD,
                ResponseRecord.NONE);
        var newcomer = partner("newcomer", ProgramStatus.PARTNER, "CENTRAL");
        var rotation = new Rotation(router, List.of(regular, newcomer));

        Map<String, Integer> shares = rotation.route(10, "CENTRAL");

        // without the floor the newcomer would take the next hundred leads
        assertThat(shares.get("newcomer")).isBetween(5, 6);
    }

    @Test
    void shouldGiveTheSameAssignmentsForTheSameInputs() {
        List<RoutingPartner> partners = List.of(partner("a", ProgramStatus.PARTNER, "URALS"), partner("b", ProgramStatus.EXPERT, "URALS"),
                partner("c", ProgramStatus.REPRESENTATIVE, "URALS"), partner("d", ProgramStatus.PARTNER, "URALS"));

        assertThat(new Rotation(router, partners).sequence(500, "URALS")).isEqualTo(new Rotation(router, partners).sequence(500, "URALS"));
    }

    static List<Long> seeds() {
        return SeededRandom.seeds(500).toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldOnlyEverAssignAnEligiblePartnerAndShareInProportionToWeights(long seed) {
        Random random = SeededRandom.random(seed);
        List<RoutingPartner> partners = new ArrayList<>();
        int count = (int) SeededRandom.between(random, 1, 12);
        for (int i = 0; i < count; i++) {
            // drawn in this order, whatever order they are passed in: each seed keeps the case it always gave
            ProgramStatus status = SeededRandom.pick(random, List.of(ProgramStatus.values()));
            boolean suspended = random.nextInt(5) == 0;
            Set<String> regions = Set.of(SeededRandom.pick(random, List.of("CENTRAL", "VOLGA")));
            partners.add(serving(regions, "p" + i, status, suspended, random.nextInt(4), random.nextInt(4),
                    random.nextInt(3) * LeadRouter.ONE_LEAD, ResponseRecord.NONE));
        }
        LeadType type = SeededRandom.pick(random, List.of(LeadType.values()));
        var lead = new LeadToRoute("lead-" + seed, type, "CENTRAL", 1, Set.of());

        var decision = router.route(lead, pool(partners.toArray(RoutingPartner[]::new)));

        boolean anyEligible = partners.stream().anyMatch(p -> !p.suspended() && p.status().receivesLeads()
                && (type == LeadType.STANDARD || p.status() == ProgramStatus.REPRESENTATIVE) && p.openLeads() < p.maxOpenLeads());
        assertThat(decision.toVendorQueue()).isEqualTo(!anyEligible);
        decision.assignedTo().ifPresent(winner -> {
            assertThat(winner.suspended()).isFalse();
            assertThat(winner.status().receivesLeads()).isTrue();
            assertThat(winner.openLeads()).isLessThan(winner.maxOpenLeads());
            if (type != LeadType.STANDARD) {
                assertThat(winner.status()).isEqualTo(ProgramStatus.REPRESENTATIVE);
            }
            // the region's own partners first
            if (partners.stream().anyMatch(p -> regionsOf(p).contains("CENTRAL") && !p.suspended() && p.status().receivesLeads()
                    && (type == LeadType.STANDARD || p.status() == ProgramStatus.REPRESENTATIVE) && p.openLeads() < p.maxOpenLeads())) {
                assertThat(regionsOf(winner)).contains("CENTRAL");
            }
        });

        // and among the eligible ones of the region, with room for every lead, shares follow the weights
        List<RoutingPartner> open = partners.stream().filter(p -> !p.suspended() && p.status().receivesLeads())
                .map(p -> serving(Set.of("CENTRAL"), p.partnerId(), p.status(), false, Integer.MAX_VALUE, 0, 0, ResponseRecord.NONE))
                .toList();
        if (!open.isEmpty()) {
            int leads = 1_000;
            Map<String, Integer> shares = new Rotation(router, open).route(leads, "CENTRAL");
            double weights = open.stream().mapToDouble(p -> RoutingRules.defaults().statusWeights().get(p.status()).doubleValue()).sum();
            for (RoutingPartner p : open) {
                double expected = leads * RoutingRules.defaults().statusWeights().get(p.status()).doubleValue() / weights;
                assertThat((double) shares.getOrDefault(p.partnerId(), 0)).as(p.partnerId()).isCloseTo(expected, within(1.0));
            }
        }
    }

    private static LeadToRoute lead(String id, LeadType type, String region) {
        return new LeadToRoute(id, type, region, 1, Set.of());
    }

    private RoutingPartner partner(String id, ProgramStatus status, String region) {
        return serving(Set.of(region), id, status, false, 5, 0, 0, ResponseRecord.NONE);
    }

    /**
     * A partner serving these regions. Routing is given the partners of a scope and never asks where
     * they serve; the test keeps the regions beside them, to give each scope its partners as the
     * database does ({@link #pool}).
     */
    private RoutingPartner serving(Set<String> regions, String id, ProgramStatus status, boolean suspended, int maxOpenLeads, int openLeads,
                                   long pass, ResponseRecord responses) {
        served.put(id, Set.copyOf(regions));
        return new RoutingPartner(id, status, suspended, maxOpenLeads, openLeads, pass, responses);
    }

    private Set<String> regionsOf(RoutingPartner partner) {
        return served.get(partner.partnerId());
    }

    /** The partners serving a scope's regions, as the database gives them. */
    private Function<RegionScope, List<RoutingPartner>> pool(RoutingPartner... partners) {
        return scope -> List.of(partners).stream()
                .filter(p -> scope.anyRegion() ? p.status().receivesLeads() : regionsOf(p).stream().anyMatch(scope.regions()::contains))
                .toList();
    }

    private static String note(RoutingDecision decision, String partnerId) {
        return decision.candidates().stream().filter(c -> c.partnerId().equals(partnerId)).findFirst().orElseThrow().note();
    }

    /** Routes leads one after another, keeping each winner's new standing; no lead is ever closed. */
    private final class Rotation {
        private final LeadRouter router;
        private final Map<String, RoutingPartner> partners = new LinkedHashMap<>();

        Rotation(LeadRouter router, List<RoutingPartner> partners) {
            this.router = router;
            partners.forEach(p -> this.partners.put(p.partnerId(), serving(regionsOf(p), p.partnerId(), p.status(), p.suspended(), Integer.MAX_VALUE, 0, p.pass(), p.responses())));
        }

        List<String> sequence(int leads, String region) {
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < leads; i++) {
                var decision = router.route(new LeadToRoute("lead-" + i, LeadType.STANDARD, region, 1, Set.of()),
                        pool(partners.values().toArray(RoutingPartner[]::new)));
                RoutingPartner winner = decision.assignedTo().orElseThrow();
                partners.put(winner.partnerId(), serving(regionsOf(winner), winner.partnerId(), winner.status(), false, winner.maxOpenLeads(), 0, decision.newPass(), winner.responses()));
                winners.add(winner.partnerId());
            }
            return winners;
        }

        Map<String, Integer> route(int leads, String region) {
            Map<String, Integer> shares = new TreeMap<>();
            sequence(leads, region).forEach(id -> shares.merge(id, 1, Integer::sum));
            return shares;
        }
    }
}
