package ru.moysklad.partners.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.DeclineCause;
import ru.moysklad.partners.events.LeadAccepted;
import ru.moysklad.partners.events.LeadAssigned;
import ru.moysklad.partners.events.LeadDeclined;
import ru.moysklad.partners.events.LeadOutcome;
import ru.moysklad.partners.events.LeadOutcomeRecorded;
import ru.moysklad.partners.events.LeadPreferencesChanged;
import ru.moysklad.partners.events.LeadQueuedForVendor;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.lead.LeadApi.Answer;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.MutableClock;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * Routing over a real broker and database: partners' events decide who may receive leads (B6, B10,
 * C2, capacity), a lead goes to an eligible partner with the reason, moves on after a decline or a
 * missed deadline (the clock is moved, not waited for), and ends in the vendor's queue.
 */
@Import(ControllableClock.class)
class LeadRoutingIT extends ServiceStartsHealthy {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EventProbe assignments;
    private static EventProbe vendorQueue;
    private static TestProducer producer;

    @Autowired
    private MutableClock clock;
    private LeadApi api;

    @BeforeAll
    static void listen() {
        assignments = EventProbe.on(Topic.LEAD_ASSIGNMENTS);
        vendorQueue = EventProbe.on(Topic.LEAD_VENDOR_QUEUE);
        producer = new TestProducer();
    }

    @AfterAll
    static void stop() {
        assignments.close();
        vendorQueue.close();
        producer.close();
    }

    /** Each test routes among its own partners only. */
    @BeforeEach
    void startAfresh() {
        api = new LeadApi(port);
        clock.set(ControllableClock.TUESDAY_10_MSK);
        jdbc.sql("TRUNCATE offer, lead, rotation, partner_load, routing_partner").update();
    }

    @Test
    void shouldAssignALeadToAnEligiblePartnerOfItsRegionWithTheReasonThenRecordItsAnswerAndOutcome() {
        String partner = partner("CENTRAL", PartnerStatus.PARTNER, false);
        String start = partner("CENTRAL", PartnerStatus.PARTNER_START, false);
        String suspended = partner("CENTRAL", PartnerStatus.REPRESENTATIVE, true);
        partner("VOLGA", PartnerStatus.EXPERT, false);

        String leadId = newLead("CENTRAL", null, false);

        LeadAssigned assigned = assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId), WAIT);
        assertThat(assigned.getPartnerId()).isEqualTo(partner);
        assertThat(assigned.getAttempt()).isEqualTo(1);
        assertThat(assigned.getRuleIds()).containsExactly("B6");
        // four working hours from Tuesday 10:00 in Moscow
        assertThat(assigned.getRespondBy()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(assigned.getReason()).contains("Among 1 eligible partner serving CENTRAL, " + partner);
        assertThat(assigned.getCandidates()).anySatisfy(c -> {
            assertThat(c.getPartnerId()).isEqualTo(suspended);
            assertThat(c.getNote()).contains("C2");
        });
        assertThat(assigned.getCandidates()).noneMatch(c -> c.getPartnerId().equals(start)); // below Partner: not even considered

        Answer offered = api.get("/api/leads/partners/" + partner);
        assertThat(offered.body()).contains("\"leadId\":\"" + leadId + "\"").contains("\"status\":\"OFFERED\"")
                .contains("\"respondBy\":\"2026-11-24T11:00:00Z\"").contains("\"phone\":null");

        clock.advance(Duration.ofMinutes(30));
        assertThat(api.post("/api/leads/partners/" + partner + "/" + leadId + "/acceptance", null).status()).isEqualTo(200);
        LeadAccepted accepted = assignments.await(LeadAccepted.class, e -> e.getLeadId().equals(leadId), WAIT);
        assertThat(accepted.getResponseSeconds()).isEqualTo(1_800);
        assertThat(api.get("/api/leads/partners/" + partner).body()).contains("\"status\":\"ACCEPTED\"").contains("\"phone\":\"+7");

        Answer withoutAccount = api.post("/api/leads/partners/" + partner + "/" + leadId + "/outcome", "{\"outcome\": \"WON\"}");
        assertThat(withoutAccount.status()).isEqualTo(400);
        assertThat(withoutAccount.body()).contains("\"field\":\"clientAccountId\"");
        assertThat(api.post("/api/leads/partners/" + partner + "/" + leadId + "/outcome", "{\"outcome\": \"CONTACTED\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/leads/partners/" + partner + "/" + leadId + "/outcome",
                "{\"outcome\": \"WON\", \"clientAccountId\": \"acc-42\"}").status()).isEqualTo(200);
        LeadOutcomeRecorded won = assignments.await(LeadOutcomeRecorded.class,
                e -> e.getLeadId().equals(leadId) && e.getOutcome() == LeadOutcome.WON, WAIT);
        assertThat(won.getClientAccountId()).isEqualTo("acc-42");
        assertThat(openLeads(partner)).isZero();

        String funnel = api.get("/api/leads/funnel?from=2026-11-24&to=2026-11-24").body();
        assertThat(funnel).contains("{\"group\":\"CENTRAL\",\"received\":1,\"assigned\":1,\"awaitingAnswer\":0,\"accepted\":1,"
                + "\"contacted\":0,\"won\":1,\"lost\":0,\"inVendorQueue\":0}");
        assertThat(funnel).contains("{\"group\":\"PARTNER\",\"received\":1,");
    }

    @Test
    void shouldPassALeadOnAfterADeclineAndAMissedDeadlineThenQueueItForTheVendor() {
        List<String> partners = List.of(partner("URALS", PartnerStatus.PARTNER, false), partner("URALS", PartnerStatus.PARTNER, false),
                partner("URALS", PartnerStatus.PARTNER, false));
        String leadId = newLead("URALS", null, false);

        LeadAssigned first = assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId) && e.getAttempt() == 1, WAIT);
        assertThat(api.post("/api/leads/partners/" + first.getPartnerId() + "/" + leadId + "/decline", "{\"reason\": \"too far\"}").status())
                .isEqualTo(200);
        LeadDeclined declined = assignments.await(LeadDeclined.class, e -> e.getLeadId().equals(leadId) && e.getAttempt() == 1, WAIT);
        assertThat(declined.getCause()).isEqualTo(DeclineCause.DECLINED);
        assertThat(declined.getComment()).isEqualTo("too far");

        LeadAssigned second = assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId) && e.getAttempt() == 2, WAIT);
        assertThat(second.getPartnerId()).isNotEqualTo(first.getPartnerId());
        assertThat(second.getCandidates()).anySatisfy(c -> {
            assertThat(c.getPartnerId()).isEqualTo(first.getPartnerId());
            assertThat(c.getNote()).contains("had this lead already");
        });
        // the second partner's own deadline: Tuesday 14:00 Moscow; a minute before it, nothing moves
        clock.set(Instant.parse("2026-11-24T10:59:00Z"));
        assertThat(api.post("/api/leads/partners/" + first.getPartnerId() + "/" + leadId + "/acceptance", null).status()).isEqualTo(409);
        clock.set(Instant.parse("2026-11-24T11:00:01Z"));
        assertThat(api.post("/api/leads/partners/" + second.getPartnerId() + "/" + leadId + "/acceptance", null).status()).isEqualTo(409);

        LeadDeclined missed = assignments.await(LeadDeclined.class, e -> e.getLeadId().equals(leadId) && e.getAttempt() == 2, WAIT);
        assertThat(missed.getCause()).isEqualTo(DeclineCause.DEADLINE_MISSED);
        assertThat(missed.getResponseSeconds()).isNull();
        LeadAssigned third = assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId) && e.getAttempt() == 3, WAIT);
        assertThat(List.of(first.getPartnerId(), second.getPartnerId(), third.getPartnerId())).containsExactlyInAnyOrderElementsOf(partners);
        // assigned at 14:00:01 on Tuesday: 3:59:59 of the four working hours that day, the last second on Wednesday at 09:00
        assertThat(third.getRespondBy()).isEqualTo(Instant.parse("2026-11-25T06:00:01Z"));

        assertThat(api.post("/api/leads/partners/" + third.getPartnerId() + "/" + leadId + "/decline", null).status()).isEqualTo(200);
        LeadQueuedForVendor queued = vendorQueue.await(LeadQueuedForVendor.class, e -> e.getLeadId().equals(leadId), WAIT);
        assertThat(queued.getAttempts()).isEqualTo(3);
        assertThat(queued.getReason()).contains("assigned 3 times without being accepted");
        assertThat(api.get("/api/leads/vendor-queue").body()).contains("\"leadId\":\"" + leadId + "\"").contains("\"attempts\":3");
        assertThat(partners).allSatisfy(p -> assertThat(openLeads(p)).isZero());

        String history = api.get("/api/leads/" + leadId).body();
        assertThat(history).contains("\"state\":\"VENDOR_QUEUE\"").contains("\"answer\":\"DECLINED\"").contains("\"answer\":\"MISSED\"");
    }

    @Test
    void shouldCorrectAPartnersWeightByItsAnswersButNotByTheLeadsItHasYetToAnswer() {
        String partner = partner("VOLGA", PartnerStatus.PARTNER, false);
        for (int i = 0; i < 5; i++) {
            String leadId = newLead("VOLGA", null, false);
            assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId), WAIT);
            assertThat(api.post("/api/leads/partners/" + partner + "/" + leadId + "/decline", null).status()).isEqualTo(200);
        }
        // five declines and nothing accepted: the least acceptance
        String awaited = newLead("VOLGA", null, false);
        assertThat(assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(awaited), WAIT).getReason())
                .contains("× acceptance 0.250 × response 1.000 = 0.250");
        // the lead it holds unanswered counts neither way
        String next = newLead("VOLGA", null, false);
        assertThat(assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(next), WAIT).getReason())
                .contains("× acceptance 0.250 × response 1.000 = 0.250");
    }

    @Test
    void shouldGiveALargeLeadOnlyToARepresentativeAndQueueItWhenThereIsNone() {
        partner("SOUTHERN", PartnerStatus.EXPERT, false);
        String large = newLead("SOUTHERN", 500, false);

        LeadQueuedForVendor queued = vendorQueue.await(LeadQueuedForVendor.class, e -> e.getLeadId().equals(large), WAIT);
        assertThat(queued.getReason()).contains("no partner may take it");

        String representative = partner("FAR_EASTERN", PartnerStatus.REPRESENTATIVE, false);
        String franchise = newLead("SOUTHERN", null, true);
        LeadAssigned assigned = assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(franchise), WAIT);
        assertThat(assigned.getPartnerId()).isEqualTo(representative);
        assertThat(assigned.getRuleIds()).containsExactly("B6", "B10");
        assertThat(assigned.getReason()).contains("in any region");
    }

    @Test
    void shouldTakeALeadAwayFromAPartnerSuspendedBeforeItAnswered() {
        String soon = partner("SIBERIAN", PartnerStatus.EXPERT, false);
        String leadId = newLead("SIBERIAN", null, false);
        assertThat(assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId), WAIT).getPartnerId()).isEqualTo(soon);
        String other = partner("SIBERIAN", PartnerStatus.PARTNER, false);

        producer.send(PartnerSuspended.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(clock.instant())
                .setPartnerId(soon).setReason("C1: sales below the floor").setSuspendedBy("staff").build());

        LeadDeclined withdrawn = assignments.await(LeadDeclined.class, e -> e.getLeadId().equals(leadId), WAIT);
        assertThat(withdrawn.getCause()).isEqualTo(DeclineCause.NO_LONGER_ELIGIBLE);
        assertThat(withdrawn.getComment()).contains("suspended");
        assertThat(assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId) && e.getAttempt() == 2, WAIT).getPartnerId())
                .isEqualTo(other);
    }

    @Test
    void shouldNeverGiveAPartnerMoreOpenLeadsThanItTakes() {
        String partner = partner("NORTH_WESTERN", PartnerStatus.REPRESENTATIVE, false);
        preferences(partner, List.of("NORTH_WESTERN"), 1);

        String first = newLead("NORTH_WESTERN", null, false);
        String second = newLead("NORTH_WESTERN", null, false);

        assertThat(assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(first), WAIT).getPartnerId()).isEqualTo(partner);
        assertThat(vendorQueue.await(LeadQueuedForVendor.class, e -> e.getLeadId().equals(second), WAIT).getReason())
                .contains("no partner may take it");
        assertThat(api.get("/api/leads/" + second).body()).contains("at capacity: 1 of 1 open leads");
    }

    @Test
    void shouldShareLeadsPostedAtOnceInOneRegionEquallyAmongEqualPartners() throws Exception {
        // each lead's standings are read and advanced under its region's lock: read by two leads at once,
        // the same partner would be furthest behind for both and the shares would drift apart
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            partners.add(partner("URALS", PartnerStatus.PARTNER, false));
            preferences(partners.get(i), List.of("URALS"), 24); // room for every lead: their capacity must not be what shares them
        }

        List<String> leads = postAtOnce(Collections.nCopies(24, "URALS"));

        Map<String, Long> shares = leads.stream()
                .map(leadId -> assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId), WAIT).getPartnerId())
                .collect(Collectors.groupingBy(partnerId -> partnerId, Collectors.counting()));
        assertThat(shares).containsOnlyKeys(partners).allSatisfy((partnerId, count) -> assertThat(count).isEqualTo(6L));
        assertThat(partners).allSatisfy(partnerId -> assertThat(openLeads(partnerId)).isEqualTo(6));
    }

    @Test
    void shouldNeverGiveAPartnerMoreOpenLeadsThanItTakesWhenTwoRegionsLeadsArriveAtOnce() throws Exception {
        // two regions' leads are routed side by side, each under its own region's lock: the place is what they share
        String partner = partner("SIBERIAN", PartnerStatus.REPRESENTATIVE, false);
        preferences(partner, List.of("SIBERIAN", "FAR_EASTERN"), 3);

        List<String> regions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            regions.add("SIBERIAN");
            regions.add("FAR_EASTERN");
        }
        List<String> leads = postAtOnce(regions);

        // routed in the post's own transaction: each lead is with the partner or in the vendor's queue once its post is answered
        Map<String, Long> states = leads.stream()
                .collect(Collectors.groupingBy(leadId -> api.get("/api/leads/" + leadId).field("state"), Collectors.counting()));
        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of("OFFERED", 3L, "VENDOR_QUEUE", 9L));
        assertThat(openLeads(partner)).isEqualTo(3);
    }

    @Test
    void shouldRefuseAnswersFromAPartnerTheLeadIsNotAssignedTo() {
        String partner = partner("VOLGA", PartnerStatus.PARTNER, false);
        String stranger = partner("KZ", PartnerStatus.PARTNER, false);
        String leadId = newLead("VOLGA", null, false);
        assignments.await(LeadAssigned.class, e -> e.getLeadId().equals(leadId), WAIT);

        Answer answer = api.post("/api/leads/partners/" + stranger + "/" + leadId + "/acceptance", null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(api.post("/api/leads/partners/" + partner + "/" + leadId + "/outcome", "{\"outcome\": \"WON\", \"clientAccountId\": \"a\"}")
                .status()).isEqualTo(409);
        assertThat(api.post("/api/leads/partners/" + partner + "/" + leadId + "/outcome", "{\"outcome\": \"MAYBE\"}").body())
                .contains("\"field\":\"outcome\"");
        assertThat(api.get("/api/leads/partners/" + partner + "?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/leads/funnel?from=2026-12-01&to=2026-11-01").body()).contains("\"field\":\"to\"");
    }

    /** A partner registered in the region with the status tier-service announced, ready to route to. */
    private String partner(String region, PartnerStatus status, boolean suspended) {
        String partnerId = "p-" + UUID.randomUUID();
        producer.send(PartnerRegistered.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(clock.instant())
                .setPartnerId(partnerId).setLegalName("OOO " + partnerId).setTaxId("7700000000").setCountry("RU").setRegion(region)
                .build());
        producer.send(PartnerStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(clock.instant())
                .setPartnerId(partnerId).setOldStatus(PartnerStatus.APPLICANT).setNewStatus(status)
                .setReason(suspended ? StatusChangeReason.SUSPENSION : StatusChangeReason.PROMOTION).setDecidingRules(List.of())
                .setTriggeringEventId("test").setRulesVersion("2026-1").setSuspended(suspended).build());
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM routing_partner WHERE partner_id = ? AND status = ?"
                + " AND home_region = ? AND suspended_by_status = ?").param(partnerId).param(status.name()).param(region).param(suspended)
                .query(Long.class).single() == 1);
        return partnerId;
    }

    /** Posts a lead for each region given, eight at a time, and returns their ids once all are answered. */
    private List<String> postAtOnce(List<String> regions) throws Exception {
        ExecutorService posters = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> posted = new ArrayList<>();
            for (String region : regions) {
                posted.add(posters.submit(() -> newLead(region, null, false)));
            }
            List<String> leadIds = new ArrayList<>();
            for (Future<String> lead : posted) {
                leadIds.add(lead.get());
            }
            return leadIds;
        } finally {
            posters.shutdownNow();
        }
    }

    /** The partner's lead preferences, taken in by lead-service. */
    private void preferences(String partnerId, List<String> regionsServed, int maxOpenLeads) {
        producer.send(LeadPreferencesChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(clock.instant())
                .setPartnerId(partnerId).setRegionsServed(regionsServed).setMaxOpenLeads(maxOpenLeads).build());
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT max_open_leads FROM routing_partner WHERE partner_id = ?").param(partnerId)
                .query(Integer.class).optional().orElse(0) == maxOpenLeads);
    }

    private String newLead(String region, Integer companySize, boolean franchise) {
        Answer answer = api.post("/api/leads", LeadApi.form(LeadApi.uniquePhone(), null, region, companySize, franchise));
        assertThat(answer.status()).isEqualTo(201);
        return answer.field("leadId");
    }

    private int openLeads(String partnerId) {
        return jdbc.sql("SELECT open_leads FROM partner_load WHERE partner_id = ?").param(partnerId).query(Integer.class).single();
    }
}
