package ru.moysklad.partners.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.DeclineCause;
import ru.moysklad.partners.events.LeadAccepted;
import ru.moysklad.partners.events.LeadAssigned;
import ru.moysklad.partners.events.LeadDeclined;
import ru.moysklad.partners.events.LeadOutcome;
import ru.moysklad.partners.events.LeadOutcomeRecorded;
import ru.moysklad.partners.events.LeadType;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.testing.RealInfrastructure;
import ru.moysklad.partners.platform.testing.SeededRandom;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * Replay: thousands of generated events for dozens of partners flow in from partner-, sales-,
 * bonus- and lead-service's topics, a review runs, and the engine's state is then rebuilt from its
 * input log. The statuses, figures, lead records and the whole history come out exactly the same.
 */
class TierReplayIT extends ServiceStartsHealthy {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final int PARTNERS = 40;
    private static final List<String> RULES = List.of("S1", "S2", "S3", "P1", "P2");
    private static final List<String> ACTIVITIES = List.of("INDUSTRY_EVENT", "SUCCESS_STORY", "WEBINAR", "ARTICLE");

    private static TestProducer producer;

    @BeforeAll
    static void connect() {
        producer = new TestProducer();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void shouldRebuildExactlyTheSameStatusesFiguresAndHistoryFromTheInputLog() {
        String run = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        List<SpecificRecord> events = generate(run, SeededRandom.random(20261125L));
        events.forEach(producer::send);
        assertThat(events).hasSizeGreaterThan(2_000);
        awaitApplied(run, events.size());

        // whom the review has to look at (rule book: When statuses change), as the engine left them
        List<String> due = jdbc.sql("""
                        SELECT partner_id FROM partner
                         WHERE partner_id LIKE ? AND status IN ('PARTNER', 'EXPERT', 'REPRESENTATIVE') AND NOT suspended
                           AND status_since < timestamptz '2026-01-01 00:00+03'""")
                .param(run + "%").query(String.class).list();
        assertThat(due).as("partners of the stream held a status through the half-year").isNotEmpty();
        Integer review = RestClient.create().post().uri("http://localhost:" + port + "/api/tier/reviews/2026-01-01")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(review).isEqualTo(200);
        List<String> reviewsDue = due.stream().map(partner -> EventIds.derived("PartnerReviewDue", "review:2026-01-01", partner)).toList();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM platform.processed_event WHERE consumer = 'tier-service.reviews' AND event_id = ANY(?)")
                .param(reviewsDue.toArray(String[]::new)).query(Long.class).single() == reviewsDue.size());
        assertThat(jdbc.sql("SELECT count(*) FROM partner WHERE partner_id = ANY(?) AND last_review_date = '2026-01-01'")
                .param(due.toArray(String[]::new)).query(Long.class).single())
                .as("each marked reviewed by the engine as it applied the review").isEqualTo(due.size());
        List<Map<String, Object>> before = snapshot(run);
        assertThat(before.stream().filter(row -> "change".equals(row.get("kind"))).count())
                .as("the stream promoted, suspended and reviewed partners").isGreaterThan(PARTNERS);
        assertThat(before).as("and gave them leads, answered and won")
                .anyMatch(row -> row.get("leads_accepted") instanceof Long accepted && accepted > 0)
                .anyMatch(row -> row.get("leads_won") instanceof Long won && won > 0);

        long lastChangeBefore = jdbc.sql("SELECT max(id) FROM status_change").query(Long.class).single();
        // damage the state, as a bug would: the rebuild must derive it afresh from the log, not keep it
        jdbc.sql("UPDATE partner SET status = 'REPRESENTATIVE', sales_before_months_kopecks = 1 WHERE partner_id LIKE ?").param(run + "%").update();

        Integer rebuild = RestClient.create().post().uri("http://localhost:" + port + "/api/tier/rebuild")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(rebuild).isEqualTo(202);

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> snapshot(run).equals(before));
        assertThat(snapshot(run)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT min(id) FROM status_change WHERE partner_id LIKE ?").param(run + "%").query(Long.class).single())
                .as("the history was written anew").isGreaterThan(lastChangeBefore);
    }

    @Test
    void shouldRefuseARebuildWhileAnEngineOfAnotherInstanceReadsTheLogAndChangeNothing() {
        String partner = "replay-refused-" + UUID.randomUUID().toString().substring(0, 8);
        producer.send(PartnerRegistered.newBuilder().setEventId(id(partner)).setOccurredAt(Instant.now()).setPartnerId(partner)
                .setLegalName("OOO Refused").setTaxId("7707083893").setCountry("RU").setRegion("URALS").build());
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql("SELECT count(*) FROM partner WHERE partner_id = ?")
                .param(partner).query(Long.class).single() == 1);

        // another instance's engine: in the group, holding partitions, committing nothing
        try (var other = new KafkaConsumer<String, byte[]>(Map.<String, Object>of(
                "bootstrap.servers", RealInfrastructure.kafkaBootstrapServers(),
                "group.id", "tier-service.engine", "enable.auto.commit", "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            other.subscribe(List.of("tier.inputs"));
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
                other.poll(Duration.ofMillis(200));
                return !other.assignment().isEmpty();
            });

            var refused = RestClient.create().post().uri("http://localhost:" + port + "/api/tier/rebuild")
                    .exchange((request, response) -> Map.entry(response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));

            assertThat(refused.getKey()).isEqualTo(409);
            assertThat(refused.getValue()).contains("rebuild-refused").contains("stop the others first");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM partner WHERE partner_id = ?").param(partner).query(Long.class).single())
                .as("nothing was forgotten").isEqualTo(1);
        String later = partner + "-later";
        producer.send(PartnerRegistered.newBuilder().setEventId(id(later)).setOccurredAt(Instant.now()).setPartnerId(later)
                .setLegalName("OOO Later").setTaxId("7707083893").setCountry("RU").setRegion("URALS").build());
        Awaitility.await("the engine goes on").atMost(Duration.ofMinutes(1))
                .until(() -> jdbc.sql("SELECT count(*) FROM partner WHERE partner_id = ?").param(later).query(Long.class).single() == 1);
    }

    @Test
    void shouldKeepTheInputLogForGood() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                ru.moysklad.partners.platform.testing.RealInfrastructure.kafkaBootstrapServers()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
                    "tier.inputs");
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    /**
     * Each partner's life in 2025, in time order: registration, onboarding facts (some withdrawn and
     * given again), sales, refunds, activities, leads assigned and answered (some won or lost), now
     * and then a suspension and a reinstatement.
     */
    private static List<SpecificRecord> generate(String run, Random random) {
        List<SpecificRecord> events = new ArrayList<>();
        for (int p = 0; p < PARTNERS; p++) {
            String partner = run + "-" + p;
            Instant at = LocalDate.of(2025, 5, 1).atStartOfDay(MOSCOW).toInstant().plusSeconds(random.nextInt(86_400 * 30));
            events.add(PartnerRegistered.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner)
                    .setLegalName("OOO " + p).setTaxId("7707083893").setCountry("RU").setRegion("URALS").build());
            List<SaleRecorded> sales = new ArrayList<>();
            int count = 40 + random.nextInt(60);
            for (int i = 0; i < count; i++) {
                at = at.plusSeconds(3_600 + random.nextInt(86_400 * 3));
                if (at.isAfter(Instant.parse("2025-12-25T00:00:00Z"))) {
                    break;
                }
                int kind = random.nextInt(22);
                if (kind < 4) {
                    events.add(PartnerQualificationChanged.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner)
                            .setRuleId(SeededRandom.pick(random, RULES)).setMet(random.nextInt(8) > 0).setValidUntil(null)
                            .setDetail("generated").build());
                } else if (kind < 12) {
                    SaleRecorded sale = SaleRecorded.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner)
                            .setSaleId("sale-" + UUID.randomUUID()).setClientAccountId("c-" + random.nextInt(30)).setPaidAt(at)
                            .setListPriceKopecks(0).setPartnerPriceKopecks(SeededRandom.between(random, 100_00, 60_000_00))
                            .setNewClient(random.nextInt(3) == 0).setLines(List.of()).build();
                    sales.add(sale);
                    events.add(sale);
                } else if (kind < 13 && !sales.isEmpty()) {
                    SaleRecorded sale = SeededRandom.pick(random, sales);
                    events.add(SaleRefunded.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner)
                            .setRefundId("r-" + UUID.randomUUID()).setSaleId(sale.getSaleId()).setClientAccountId(sale.getClientAccountId())
                            .setPaidAt(sale.getPaidAt()).setRefundedAt(at).setListPriceKopecks(0)
                            .setPartnerPriceKopecks(sale.getPartnerPriceKopecks() / 2).setFullyRefunded(false).build());
                } else if (kind < 19) {
                    events.add(ActivityLogged.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner)
                            .setActivityId("a-" + UUID.randomUUID()).setActivityType(SeededRandom.pick(random, ACTIVITIES))
                            .setActivityDate(at.atZone(MOSCOW).toLocalDate()).setMarketingPoints(random.nextInt(60)).build());
                } else if (kind >= 20) {
                    at = lead(run, partner, "lead-" + p + "-" + i, at, random, events);
                } else if (random.nextBoolean()) {
                    events.add(PartnerSuspended.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner)
                            .setReason("generated").setSuspendedBy("staff").build());
                } else {
                    events.add(PartnerReinstated.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner)
                            .setReason("generated").setReinstatedBy("staff").build());
                }
            }
        }
        return events;
    }

    /** A lead assigned to the partner and how its turn ended, with an outcome if accepted; returns when the last happened. */
    private static Instant lead(String run, String partner, String leadId, Instant assignedAt, Random random, List<SpecificRecord> events) {
        events.add(LeadAssigned.newBuilder().setEventId(id(run)).setOccurredAt(assignedAt).setPartnerId(partner).setLeadId(leadId)
                .setLeadType(LeadType.STANDARD).setRegion("URALS").setAttempt(1).setRespondBy(assignedAt.plusSeconds(14_400))
                .setReason("generated").build());
        long seconds = SeededRandom.between(random, 60, 14_400);
        Instant at = assignedAt.plusSeconds(seconds);
        int ending = random.nextInt(6);
        if (ending < 3) {
            events.add(LeadAccepted.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner).setLeadId(leadId)
                    .setAttempt(1).setResponseSeconds(seconds).build());
            LeadOutcome outcome = SeededRandom.pick(random, List.of(LeadOutcome.CONTACTED, LeadOutcome.WON, LeadOutcome.LOST));
            at = at.plusSeconds(86_400);
            events.add(LeadOutcomeRecorded.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner).setLeadId(leadId)
                    .setOutcome(outcome).setClientAccountId(outcome == LeadOutcome.WON ? "c-" + leadId : null)
                    .setLostReason(outcome == LeadOutcome.LOST ? "generated" : null).build());
        } else {
            DeclineCause cause = List.of(DeclineCause.DECLINED, DeclineCause.DEADLINE_MISSED, DeclineCause.NO_LONGER_ELIGIBLE).get(ending - 3);
            events.add(LeadDeclined.newBuilder().setEventId(id(run)).setOccurredAt(at).setPartnerId(partner).setLeadId(leadId)
                    .setAttempt(1).setCause(cause).setResponseSeconds(cause == DeclineCause.DECLINED ? seconds : null).build());
        }
        return at;
    }

    private static String id(String run) {
        return run + "-" + UUID.randomUUID();
    }

    /** Until the engine has applied every one of this run's events. */
    private void awaitApplied(String run, int events) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM platform.processed_event WHERE consumer LIKE 'tier-service.%' AND event_id LIKE ?")
                .param(run + "-%").query(Long.class).single() >= events);
    }

    private List<Map<String, Object>> snapshot(String run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                        SELECT 'partner' AS kind, partner_id, status, suspended, status_since, sales_before_months_kopecks, last_review_date
                          FROM partner WHERE partner_id LIKE ? ORDER BY partner_id""").param(run + "%").query().listOfRows());
        rows.addAll(jdbc.sql("""
                        SELECT 'month' AS kind, partner_id, month, sales_kopecks, marketing_points, industry_events, success_stories,
                               new_clients, leads_assigned, leads_accepted, leads_declined, leads_missed, leads_withdrawn, leads_won,
                               leads_lost, lead_response_seconds
                          FROM partner_month WHERE partner_id LIKE ? ORDER BY partner_id, month""")
                .param(run + "%").query().listOfRows());
        rows.addAll(jdbc.sql("""
                        SELECT 'change' AS kind, partner_id, occurred_at, old_status, new_status, reason, suspended, rules::text AS rules,
                               rules_version, triggering_event_id
                          FROM status_change WHERE partner_id LIKE ? ORDER BY partner_id, id""").param(run + "%").query().listOfRows());
        return rows;
    }
}
