package ru.moysklad.partners.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerReviewDue;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * tier-service over a real broker and database: facts arriving from partner-, sales- and
 * bonus-service promote a partner the moment they complete a status's requirements, once, whatever
 * is redelivered; suspension and reinstatement; the standing, progress and history it answers.
 */
class TierServiceIT extends ServiceStartsHealthy {

    private static final long RUB = 100;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestProducer producer;
    private static EventProbe statusChanges;
    private static EventProbe deadLetters;
    private static EventProbe engineDeadLetters;

    @BeforeAll
    static void connect() {
        producer = new TestProducer();
        statusChanges = EventProbe.on(Topic.PARTNER_STATUS_CHANGES);
        deadLetters = EventProbe.onDeadLetters(Topic.PARTNER_SALES);
        engineDeadLetters = EventProbe.onDeadLetters(Topic.TIER_INPUTS);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        statusChanges.close();
        deadLetters.close();
        engineDeadLetters.close();
    }

    @Test
    void shouldMakeAnApplicantAStartPartnerOnTheEventThatCompletesOnboarding() {
        String partnerId = registered();
        producer.send(qualification(partnerId, "S1"));
        producer.send(qualification(partnerId, "S2"));
        PartnerQualificationChanged s3 = qualification(partnerId, "S3");
        producer.send(s3);

        PartnerStatusChanged change = awaitChange(partnerId, PartnerStatus.PARTNER_START);
        assertThat(change.getOldStatus()).isEqualTo(PartnerStatus.APPLICANT);
        assertThat(change.getReason()).isEqualTo(StatusChangeReason.ONBOARDING_COMPLETED);
        assertThat(change.getTriggeringEventId()).isEqualTo(s3.getEventId());
        assertThat(change.getRulesVersion()).isEqualTo("2026-1");
        assertThat(change.getDecidingRules()).extracting(rule -> rule.getRuleId()).containsExactly("S1", "S2", "S3");
    }

    @Test
    void shouldPromoteToPartnerOnTheSaleThatCompletesP1ToP5AndIgnoreItsRedelivery() {
        String partnerId = startPartner();
        producer.send(qualification(partnerId, "P1"));
        producer.send(qualification(partnerId, "P2"));
        producer.send(activity(partnerId, "WEBINAR", 100));
        // three topics: the input log may take them in any order, so the sales wait until P1, P2 and the points are on record
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT (SELECT count(*) FROM partner_onboarding WHERE partner_id = :id AND rule_id IN ('P1', 'P2') AND met)
                             + (SELECT coalesce(sum(marketing_points), 0) FROM partner_month WHERE partner_id = :id)""")
                .param("id", partnerId).query(Long.class).single() == 2 + 100);
        producer.send(sale(partnerId, 60_000 * RUB));
        SaleRecorded crossing = sale(partnerId, 50_000 * RUB);
        producer.send(crossing);

        PartnerStatusChanged change = awaitChange(partnerId, PartnerStatus.PARTNER);
        assertThat(change.getOldStatus()).isEqualTo(PartnerStatus.PARTNER_START);
        assertThat(change.getReason()).isEqualTo(StatusChangeReason.PROMOTION);
        assertThat(change.getTriggeringEventId()).isEqualTo(crossing.getEventId());
        assertThat(change.getDecidingRules()).extracting(rule -> rule.getRuleId()).containsExactly("P1", "P2", "P3", "P4", "P5");
        assertThat(change.getDecidingRules()).filteredOn(rule -> rule.getRuleId().equals("P3")).singleElement()
                .satisfies(p3 -> assertThat(p3.getActual()).isEqualTo(110_000 * RUB));

        producer.send(crossing);
        producer.send(sale(partnerId, 1));
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 110_000 * RUB + 1);
        assertThat(statusChanges.all(PartnerStatusChanged.class, event -> event.getPartnerId().equals(partnerId))).hasSize(2);

        String history = get("/api/tier/partners/" + partnerId + "/history");
        assertThat(history).contains("\"newStatus\":\"PARTNER_START\"").contains("\"newStatus\":\"PARTNER\"")
                .contains("\"reason\":\"PROMOTION\"").contains("\"triggeringEventId\":\"" + crossing.getEventId() + "\"");
    }

    @Test
    void shouldTakeARefundedShareBackWithoutDemoting() {
        String partnerId = startPartner();
        SaleRecorded sale = sale(partnerId, 150_000 * RUB);
        producer.send(sale);
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 150_000 * RUB);

        producer.send(SaleRefunded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setRefundId("refund-1").setSaleId(sale.getSaleId()).setClientAccountId("client-1")
                .setPaidAt(sale.getPaidAt()).setRefundedAt(Instant.now()).setListPriceKopecks(100_000 * RUB)
                .setPartnerPriceKopecks(100_000 * RUB).setFullyRefunded(false).build());

        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 50_000 * RUB);
        assertThat(statusOf(partnerId)).isEqualTo("PARTNER_START");
    }

    @Test
    void shouldSuspendAtOnceAndRecomputeOnReinstatement() {
        String partnerId = startPartner();

        producer.send(PartnerSuspended.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setReason("sold demo access").setSuspendedBy("staff").build());
        PartnerStatusChanged suspension = statusChanges.await(PartnerStatusChanged.class,
                event -> event.getPartnerId().equals(partnerId) && event.getReason() == StatusChangeReason.SUSPENSION, WAIT);
        assertThat(suspension.getSuspended()).isTrue();
        assertThat(suspension.getNewStatus()).isEqualTo(PartnerStatus.PARTNER_START);
        assertThat(get("/api/tier/partners/" + partnerId)).contains("\"suspended\":true");

        producer.send(PartnerReinstated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setReason("improved").setReinstatedBy("staff").build());
        PartnerStatusChanged reinstatement = statusChanges.await(PartnerStatusChanged.class,
                event -> event.getPartnerId().equals(partnerId) && event.getReason() == StatusChangeReason.REINSTATEMENT, WAIT);
        assertThat(reinstatement.getSuspended()).isFalse();
        assertThat(reinstatement.getNewStatus()).isEqualTo(PartnerStatus.PARTNER_START);
    }

    @Test
    void shouldShowHowFarTheNextStatusIsAndCountPartnersByStatus() {
        String partnerId = startPartner();
        producer.send(qualification(partnerId, "P1"));
        producer.send(sale(partnerId, 15_000 * RUB));
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 15_000 * RUB);

        String standing = get("/api/tier/partners/" + partnerId);

        assertThat(standing).contains("\"status\":\"PARTNER_START\"").contains("\"nextStatus\":\"PARTNER\"")
                .contains("\"ruleId\":\"P2\"").contains("\"missing\":\"not done yet\"")
                .contains("\"missing\":\"35,000 RUB more sales in 2026-Q")
                .contains("\"missing\":\"100 more marketing points in 2026\"")
                .contains("\"rulesVersion\":\"2026-1\"").contains("\"nextReview\":\"20");
        long startPartners = jdbc.sql("SELECT count(*) FROM partner WHERE status = 'PARTNER_START'").query(Long.class).single();
        assertThat(get("/api/tier/statistics")).contains("\"PARTNER_START\":" + startPartners).contains("\"REPRESENTATIVE\":");
        Integer unknown = RestClient.create().get().uri("http://localhost:" + port + "/api/tier/partners/nobody")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(unknown).isEqualTo(404);
    }

    @Test
    void shouldListWhatEachStatusGivesAndWhatAPartnersNextStatusWouldAdd() {
        String catalogue = get("/api/tier/benefits");
        assertThat(catalogue).contains("\"rulesVersion\":\"2026-1\"")
                .contains("{\"status\":\"PARTNER_START\",\"benefits\":[{\"id\":\"B1\",\"title\":\"Discount on all tariffs and options\","
                        + "\"unit\":\"PERCENT\",\"amount\":30,");
        for (String[] row : new String[][] {
                {"PARTNER_START", "B1 B2 B3 B4 B5"}, {"PARTNER", "B1 B2 B3 B5 B6 B7 B8"}, {"EXPERT", "B1 B2 B3 B5 B6 B7 B8"},
                {"REPRESENTATIVE", "B1 B2 B3 B5 B6 B7 B8 B9 B10 B11"}}) {
            String block = catalogue.substring(catalogue.indexOf("{\"status\":\"" + row[0] + "\""));
            block = block.substring(0, block.indexOf("]}") + 2);
            assertThat(block.split("\"id\":\"").length - 1).as(row[0]).isEqualTo(row[1].split(" ").length);
            for (String id : row[1].split(" ")) {
                assertThat(block).as(row[0]).contains("\"id\":\"" + id + "\"");
            }
        }

        String partnerId = startPartner();
        String start = get("/api/tier/partners/" + partnerId + "/benefits");
        assertThat(start).contains("\"status\":\"PARTNER_START\"").contains("\"nextStatus\":\"PARTNER\"")
                .contains("{\"id\":\"B1\",\"title\":\"Discount on all tariffs and options\",\"unit\":\"PERCENT\",\"now\":30,\"next\":40")
                .contains("{\"id\":\"B6\",\"title\":\"Leads from the vendor website's form\",\"unit\":\"YES\",\"now\":null,\"next\":1");
        producer.send(PartnerSuspended.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setReason("C1").setSuspendedBy("staff").build());
        statusChanges.await(PartnerStatusChanged.class,
                event -> event.getPartnerId().equals(partnerId) && event.getReason() == StatusChangeReason.SUSPENSION, WAIT);
        assertThat(get("/api/tier/partners/" + partnerId + "/benefits")).contains("\"suspended\":true").contains("\"benefits\":[]")
                .contains("no benefit applies until reinstated");
    }

    @Test
    void shouldDeadLetterBytesThatAreNotAvroWithTheReasonAndGoOn() {
        String partnerId = "partner-" + UUID.randomUUID();
        producer.sendRaw(Topic.PARTNER_SALES.topicName(), partnerId, "not avro at all".getBytes(StandardCharsets.UTF_8));
        producer.send(sale(partnerId, 7 * RUB));

        var deadLetter = deadLetters.awaitRecord(record -> partnerId.equals(record.key()), WAIT).orElseThrow();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("not an Avro single-object message");
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 7 * RUB);
    }

    @Test
    void shouldDeadLetterAnEventOfASchemaNoVersionKnowsWithTheReasonAndGoOn() {
        String partnerId = "partner-" + UUID.randomUUID();
        // the single-object marker, then a fingerprint no published schema has (a producer newer than this consumer)
        byte[] unknown = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 42};
        producer.sendRaw(Topic.PARTNER_SALES.topicName(), partnerId, unknown);
        producer.send(sale(partnerId, 9 * RUB));

        var deadLetter = deadLetters.awaitRecord(record -> partnerId.equals(record.key()), WAIT).orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(unknown);
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("unknown schema fingerprint");
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 9 * RUB);
    }

    @Test
    void shouldPassOnAnEventByItsTypeHeaderUndecodedAndDeadLetterItFromTheInputLogWhenItsBytesAreBroken() {
        String partnerId = "partner-" + UUID.randomUUID();
        byte[] broken = "a sale by its header only".getBytes(StandardCharsets.UTF_8);
        producer.sendRaw(Topic.PARTNER_SALES.topicName(), partnerId, broken, Map.of(EventHeaders.EVENT_ID, "broken-" + partnerId,
                EventHeaders.EVENT_TYPE, SaleRecorded.getClassSchema().getFullName()));
        producer.send(sale(partnerId, 4 * RUB));

        // the forwarder did not read it; the engine, which must, refuses it on the log with the reason, headers and all
        var deadLetter = engineDeadLetters.awaitRecord(record -> partnerId.equals(record.key()), WAIT).orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(broken);
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo("broken-" + partnerId);
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("not an Avro single-object message");
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 4 * RUB);
    }

    @Test
    void shouldRefuseASaleKeyedByAnotherPartnerWithoutCountingItForEither() {
        String partnerId = "partner-" + UUID.randomUUID();
        String keyedBy = "partner-" + UUID.randomUUID();
        SaleRecorded misKeyed = sale(partnerId, 11 * RUB);
        producer.sendUnderKey(misKeyed, keyedBy);
        producer.send(sale(partnerId, 2 * RUB));
        producer.send(sale(keyedBy, 5 * RUB));

        var deadLetter = engineDeadLetters.awaitRecord(record -> keyedBy.equals(record.key()), WAIT).orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("event " + misKeyed.getEventId() + " of partner " + partnerId + " is keyed by " + keyedBy);
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 2 * RUB && cumulativeSalesOf(keyedBy) == 5 * RUB);
    }

    @Test
    void shouldDeadLetterAnEventThatBreaksADomainInvariantWithoutApplyingIt() {
        String partnerId = "partner-" + UUID.randomUUID();
        SaleRecorded negative = sale(partnerId, -5 * RUB);
        producer.send(negative);
        producer.send(sale(partnerId, 3 * RUB));

        // it reaches the input log as it came, and the engine refuses it there
        var deadLetter = engineDeadLetters.awaitRecord(record -> partnerId.equals(record.key()), WAIT).orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("negative partner price");
        assertThat(((SaleRecorded) engineDeadLetters.decode(deadLetter)).getEventId()).isEqualTo(negative.getEventId());
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == 3 * RUB);
    }

    @Test
    void shouldReviewEachPartnerOnceAtAReviewDateDemotingThoseWhoseHalfYearFellShort() throws Exception {
        String partnerId = partnerPromotedToPartner();
        // as if it had held Partner since before the review of 1 July 2026, whose half-year (Q1, Q2) saw no sales
        jdbc.sql("UPDATE partner SET status_since = '2026-06-01T00:00:00Z' WHERE partner_id = ?").param(partnerId).update();

        String dryRun = get("/api/tier/reviews/2026-07-01/dry-run");
        assertThat(dryRun).contains("\"partnerId\":\"" + partnerId + "\"").contains("\"wouldBecome\":\"PARTNER_START\"")
                .contains("\"ruleId\":\"K1\"").contains("\"period\":\"2026-Q1\"");
        assertThat(statusOf(partnerId)).as("a dry run changes nothing").isEqualTo("PARTNER");

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(() -> post("/api/tier/reviews/2026-07-01"));
        var second = pool.submit(() -> post("/api/tier/reviews/2026-07-01"));
        assertThat(first.get()).contains("\"reviewDate\":\"2026-07-01\"");
        assertThat(second.get()).contains("\"reviewDate\":\"2026-07-01\"");
        pool.shutdown();

        PartnerStatusChanged demotion = statusChanges.await(PartnerStatusChanged.class,
                event -> event.getPartnerId().equals(partnerId) && event.getReason() == StatusChangeReason.REVIEW, WAIT);
        assertThat(demotion.getOldStatus()).isEqualTo(PartnerStatus.PARTNER);
        assertThat(demotion.getNewStatus()).isEqualTo(PartnerStatus.PARTNER_START);
        assertThat(demotion.getTriggeringEventId()).isEqualTo("review:2026-07-01");
        assertThat(statusOf(partnerId)).isEqualTo("PARTNER_START");
        assertThat(post("/api/tier/reviews/2026-07-01")).contains("\"finishedAt\":\"");
        // the review again, as a run restarted after a crash puts the page it had not recorded on the log again
        producer.send(PartnerReviewDue.newBuilder().setEventId(EventIds.derived("PartnerReviewDue", "review:2026-07-01", partnerId))
                .setOccurredAt(Instant.parse("2026-06-30T21:00:00Z")).setPartnerId(partnerId).setReviewDate(LocalDate.parse("2026-07-01"))
                .setRulesVersion("2026-1").build());
        long sales = cumulativeSalesOf(partnerId);
        producer.send(sale(partnerId, RUB)); // after it on the partner's partition: once applied, so is the repeat
        Awaitility.await().atMost(WAIT).until(() -> cumulativeSalesOf(partnerId) == sales + RUB);
        assertThat(statusChanges.all(PartnerStatusChanged.class,
                event -> event.getPartnerId().equals(partnerId) && event.getReason() == StatusChangeReason.REVIEW))
                .as("reviewed once, though run twice at the same time, once more after, and put on the log again").hasSize(1);
    }

    @Test
    void shouldListPartnersAtRiskAtTheNextReviewAndRefuseDatesThatAreNoReviewDates() {
        String partnerId = partnerPromotedToPartner();

        String atRisk = get("/api/tier/at-risk");

        assertThat(atRisk).contains("\"partnerId\":\"" + partnerId + "\"").contains("\"wouldBecome\":\"PARTNER_START\"")
                .contains("\"missing\":\"");
        Integer notAReviewDate = RestClient.create().post().uri("http://localhost:" + port + "/api/tier/reviews/2026-03-15")
                .exchange((request, response) -> response.getStatusCode().value());
        Integer ahead = RestClient.create().post().uri("http://localhost:" + port + "/api/tier/reviews/2099-01-01")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(notAReviewDate).isEqualTo(422);
        assertThat(ahead).isEqualTo(422);
    }

    /** A partner just promoted to Partner: Start, P1, P2, 100 points and 110,000 RUB of sales this quarter. */
    private String partnerPromotedToPartner() {
        String partnerId = startPartner();
        producer.send(qualification(partnerId, "P1"));
        producer.send(qualification(partnerId, "P2"));
        producer.send(activity(partnerId, "WEBINAR", 100));
        producer.send(sale(partnerId, 110_000 * RUB));
        awaitChange(partnerId, PartnerStatus.PARTNER);
        Awaitility.await().atMost(WAIT).until(() -> "PARTNER".equals(statusOf(partnerId)));
        return partnerId;
    }

    private String post(String path) {
        return RestClient.create().post().uri("http://localhost:" + port + path).retrieve().body(String.class);
    }

    private String registered() {
        String partnerId = "partner-" + UUID.randomUUID();
        producer.send(PartnerRegistered.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setLegalName("OOO Test").setTaxId("7707083893").setCountry("RU").setRegion("URALS").build());
        return partnerId;
    }

    private String startPartner() {
        String partnerId = registered();
        for (String rule : List.of("S1", "S2", "S3")) {
            producer.send(qualification(partnerId, rule));
        }
        awaitChange(partnerId, PartnerStatus.PARTNER_START);
        return partnerId;
    }

    private static PartnerStatusChanged awaitChange(String partnerId, PartnerStatus to) {
        return statusChanges.await(PartnerStatusChanged.class,
                event -> event.getPartnerId().equals(partnerId) && event.getNewStatus() == to, WAIT);
    }

    private String get(String path) {
        return RestClient.create().get().uri("http://localhost:" + port + path).retrieve().body(String.class);
    }

    private long cumulativeSalesOf(String partnerId) {
        return jdbc.sql("""
                        SELECT p.sales_before_months_kopecks + coalesce(sum(m.sales_kopecks), 0)
                          FROM partner p LEFT JOIN partner_month m ON m.partner_id = p.partner_id
                         WHERE p.partner_id = ? GROUP BY p.sales_before_months_kopecks""")
                .param(partnerId).query(Long.class).optional().orElse(-1L);
    }

    private String statusOf(String partnerId) {
        return jdbc.sql("SELECT status FROM partner WHERE partner_id = ?").param(partnerId).query(String.class).single();
    }

    private static PartnerQualificationChanged qualification(String partnerId, String ruleId) {
        return PartnerQualificationChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setRuleId(ruleId).setMet(true).setValidUntil(null).setDetail(ruleId + " done").build();
    }

    private static ActivityLogged activity(String partnerId, String type, int points) {
        return ActivityLogged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setActivityId("activity-" + UUID.randomUUID()).setActivityType(type)
                .setActivityDate(LocalDate.now(ZoneId.of("Europe/Moscow"))).setMarketingPoints(points).build();
    }

    private static SaleRecorded sale(String partnerId, long partnerPriceKopecks) {
        Instant now = Instant.now();
        return SaleRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setPartnerId(partnerId)
                .setSaleId("pay-" + UUID.randomUUID())
                .setClientAccountId("client-1")
                .setPaidAt(now)
                .setListPriceKopecks(Math.max(partnerPriceKopecks, 0))
                .setPartnerPriceKopecks(partnerPriceKopecks)
                .setNewClient(true)
                .setLines(List.of())
                .build();
    }
}
