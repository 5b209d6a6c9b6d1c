package ru.moysklad.partners.bonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.platform.testing.TestProducer;

/** Marketing activity claims over a real database and broker: submitted, decided once, announced once. */
class BonusServiceIT extends ServiceStartsHealthy {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
    private static EventProbe activities;
    private static TestProducer producer;

    @BeforeAll
    static void listen() {
        activities = EventProbe.on(Topic.PARTNER_ACTIVITIES);
        producer = new TestProducer();
    }

    @AfterAll
    static void stop() {
        activities.close();
        producer.close();
    }

    @Test
    void shouldAnnounceAnApprovedClaimOnceWithTheCataloguePoints() {
        String partnerId = "partner-" + UUID.randomUUID();
        Answer submitted = call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/activity-claims", null,
                "{\"type\": \"INDUSTRY_EVENT\", \"date\": \"" + TODAY + "\", \"evidenceUrl\": \"https://expo.ru/2026\","
                        + " \"description\": \"Retail Expo, our booth\"}");
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body()).contains("\"state\":\"SUBMITTED\"");
        String claimId = submitted.body().replaceAll(".*\"claimId\":\"([^\"]+)\".*", "$1");
        assertThat(call(HttpMethod.GET, "/api/bonus/activity-claims", null, null).body()).contains(claimId);

        Answer approved = call(HttpMethod.POST, "/api/bonus/activity-claims/" + claimId + "/approval", "anna@moysklad.example", null);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).contains("\"state\":\"APPROVED\"").contains("\"points\":30")
                .contains("\"decidedBy\":\"anna@moysklad.example\"");
        ActivityLogged event = activities.await(ActivityLogged.class, e -> e.getActivityId().equals(claimId), Duration.ofSeconds(30));
        assertThat(event.getPartnerId()).isEqualTo(partnerId);
        assertThat(event.getActivityType()).isEqualTo("INDUSTRY_EVENT");
        assertThat(event.getMarketingPoints()).isEqualTo(30);
        assertThat(event.getActivityDate().toString()).isEqualTo(TODAY);

        Answer again = call(HttpMethod.POST, "/api/bonus/activity-claims/" + claimId + "/approval", null, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already approved");
        assertThat(call(HttpMethod.GET, "/api/bonus/activity-claims", null, null).body()).doesNotContain(claimId);
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/marketing-points", null, null).body())
                .contains("\"marketingPoints\":30");
        assertThat(activities.all(ActivityLogged.class, e -> e.getActivityId().equals(claimId))).hasSize(1);
    }

    @Test
    void shouldRejectAClaimWithAReasonAndAnnounceNothing() {
        String partnerId = "partner-" + UUID.randomUUID();
        String claimId = call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/activity-claims", null,
                "{\"type\": \"WEBINAR\", \"date\": \"" + TODAY + "\", \"description\": \"a webinar\"}").body()
                .replaceAll(".*\"claimId\":\"([^\"]+)\".*", "$1");

        assertThat(call(HttpMethod.POST, "/api/bonus/activity-claims/" + claimId + "/rejection", null, "{}").body())
                .contains("\"field\":\"reason\"");
        Answer rejected = call(HttpMethod.POST, "/api/bonus/activity-claims/" + claimId + "/rejection", null,
                "{\"reason\": \"no recording of the webinar\"}");

        assertThat(rejected.body()).contains("\"state\":\"REJECTED\"").contains("\"reason\":\"no recording of the webinar\"");
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/marketing-points", null, null).body())
                .contains("\"marketingPoints\":0");
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/activity-claims", null, null).body())
                .contains("\"state\":\"REJECTED\"");
    }

    @Test
    void shouldLetStaffLogAnActivityDirectly() {
        String partnerId = "partner-" + UUID.randomUUID();

        Answer logged = call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/activities", "staff@moysklad.example",
                "{\"type\": \"SUCCESS_STORY\", \"date\": \"" + TODAY + "\", \"description\": \"case study in the vendor's blog\"}");

        assertThat(logged.status()).isEqualTo(201);
        assertThat(logged.body()).contains("\"state\":\"APPROVED\"").contains("\"points\":50");
        activities.await(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId), Duration.ofSeconds(30));
    }

    @Test
    void shouldLogAnActivitySentAgainWithItsIdempotencyKeyOnceEvenAtTheSameMoment() throws Exception {
        String partnerId = "partner-" + UUID.randomUUID();
        String body = "{\"type\": \"WEBINAR\", \"date\": \"" + TODAY + "\", \"description\": \"webinar on stock control\"}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(() -> logWithKey(partnerId, "webinar-1", body));
        var second = pool.submit(() -> logWithKey(partnerId, "webinar-1", body));
        pool.shutdown();

        assertThat(List.of(first.get().status(), second.get().status())).containsExactlyInAnyOrder(201, 200);
        String claimId = first.get().body().replaceAll(".*\"claimId\":\"([^\"]+)\".*", "$1");
        assertThat(second.get().body()).contains("\"claimId\":\"" + claimId + "\"");
        Answer later = logWithKey(partnerId, "webinar-1", body);
        assertThat(later.status()).isEqualTo(200);
        assertThat(logWithKey(partnerId, "webinar-2", body).status()).isEqualTo(201);
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/marketing-points", null, null).body())
                .contains("\"marketingPoints\":40");
        activities.await(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId) && e.getActivityId().equals(claimId),
                Duration.ofSeconds(30));
        Thread.sleep(500);
        assertThat(activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId))).hasSize(2);
    }

    private Answer logWithKey(String partnerId, String key, String body) {
        return RestClient.create().post().uri("http://localhost:" + port + "/api/bonus/partners/" + partnerId + "/activities")
                .header("X-Platform-Caller", "staff@moysklad.example").header("Idempotency-Key", key)
                .header("Content-Type", "application/json").body(body)
                .exchange((req, response) -> new Answer(response.getStatusCode().value(), new String(response.getBody().readAllBytes())));
    }

    @Test
    void shouldRefuseAnInvalidFieldsNamingEachFieldAndAnUnknownOne() {
        Answer invalid = call(HttpMethod.POST, "/api/bonus/partners/p/activity-claims", null,
                "{\"type\": \"PARTY\", \"date\": \"2999-01-01\", \"evidenceUrl\": \"javascript:alert(1)\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"type\"").contains("\"field\":\"date\"").contains("\"field\":\"evidenceUrl\"")
                .contains("\"field\":\"description\"");
        assertThat(call(HttpMethod.POST, "/api/bonus/partners/p/activity-claims", null, "{\"date\": \"someday\"}").status())
                .isEqualTo(400);
        assertThat(call(HttpMethod.POST, "/api/bonus/activity-claims/nothing/approval", null, null).status()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/bonus/activity-types", null, null).body()).contains("\"INDUSTRY_EVENT\"")
                .contains("\"points\":30");
    }

    @Test
    void shouldCreditTheWelcomeBonusOnceWhenAPartnerCompletesOnboarding() throws Exception {
        String partnerId = "partner-" + UUID.randomUUID();
        PartnerStatusChanged onboarded = PartnerStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(java.time.Instant.now()).setPartnerId(partnerId).setOldStatus(PartnerStatus.APPLICANT)
                .setNewStatus(PartnerStatus.PARTNER_START).setReason(StatusChangeReason.ONBOARDING_COMPLETED)
                .setDecidingRules(java.util.List.of()).setTriggeringEventId("t").setRulesVersion("2026-1").build();
        producer.send(onboarded);
        producer.send(onboarded);
        // a second onboarding event (say, from a rebuild) is another event id, but the same welcome
        producer.send(PartnerStatusChanged.newBuilder(onboarded).setEventId(UUID.randomUUID().toString()).build());

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/balance", null, null).body()
                        .contains("\"balance\":10000"));
        Thread.sleep(1500);
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/balance", null, null).body()).contains("\"balance\":10000");
        assertThat(jdbc.sql("SELECT count(*) FROM bonus_ledger_entry WHERE partner_id = ?").param(partnerId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldCreditBonusPointsForAnApprovedActivityAndShowThemOnTheStatement() {
        String partnerId = "partner-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/activities", "staff",
                "{\"type\": \"ARTICLE\", \"date\": \"" + TODAY + "\", \"description\": \"an article\"}");

        String statement = call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/statement", null, null).body();

        assertThat(statement).contains("\"openingBalance\":0").contains("\"closingBalance\":150")
                .contains("\"ruleId\":\"ACTIVITY\"").contains("\"points\":150");
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/statement?from=2026-12-01&to=2026-11-01", null, null)
                .body()).contains("\"field\":\"to\"");
    }

    @Test
    void shouldNeverOverdrawUnderManyParallelRedemptionsNorLoseAnEntry() throws Exception {
        String partnerId = "partner-" + UUID.randomUUID();
        welcome(partnerId);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Answer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "merch-" + i;
            answers.add(pool.submit(() -> call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/redemptions", null,
                    "{\"rewardCode\": \"MERCH_PACK\", \"idempotencyKey\": \"" + key + "\"}")));
        }
        int created = 0;
        int refused = 0;
        for (var answer : answers) {
            int status = answer.get().status();
            if (status == 201) {
                created++;
            } else {
                assertThat(status).isEqualTo(409);
                assertThat(answer.get().body()).contains("\"ruleId\":\"LEDGER-NON-NEGATIVE\"").contains("never goes below zero");
                refused++;
            }
        }
        pool.shutdown();

        assertThat(created).as("10,000 points buy six packs of 1,500").isEqualTo(6);
        assertThat(refused).isEqualTo(14);
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/balance", null, null).body()).contains("\"balance\":1000");
        assertThat(jdbc.sql("SELECT count(*) FROM bonus_ledger_entry WHERE partner_id = ? AND rule_id = 'REDEMPTION'")
                .param(partnerId).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT min(running) FROM (SELECT sum(points) OVER (ORDER BY entry_id) AS running FROM bonus_ledger_entry"
                + " WHERE partner_id = ?) balances").param(partnerId).query(Long.class).single()).as("never below zero at any entry")
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void shouldTreatARedemptionSentAgainWithItsKeyAsTheSameOne() throws Exception {
        String partnerId = "partner-" + UUID.randomUUID();
        welcome(partnerId);
        String body = "{\"rewardCode\": \"TRAINING_COURSE\", \"idempotencyKey\": \"order-17\"}";

        Answer first = call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/redemptions", null, body);
        Answer again = call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/redemptions", null, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).contains("\"points\":5000").contains("\"balance\":5000").contains("\"repeated\":false");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"repeated\":true").contains("\"balance\":5000");
        assertThat(call(HttpMethod.POST, "/api/bonus/partners/" + partnerId + "/redemptions", null,
                "{\"rewardCode\": \"YACHT\"}").body()).contains("\"field\":\"rewardCode\"").contains("\"field\":\"idempotencyKey\"");
        assertThat(call(HttpMethod.GET, "/api/bonus/rewards", null, null).body()).contains("\"TRAINING_COURSE\"");
    }

    private void welcome(String partnerId) {
        producer.send(PartnerStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(java.time.Instant.now()).setPartnerId(partnerId).setOldStatus(PartnerStatus.APPLICANT)
                .setNewStatus(PartnerStatus.PARTNER_START).setReason(StatusChangeReason.ONBOARDING_COMPLETED)
                .setDecidingRules(java.util.List.of()).setTriggeringEventId("t").setRulesVersion("2026-1").build());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/balance", null, null).body()
                        .contains("\"balance\":10000"));
    }

    @Test
    void shouldCreditB7ForAPartnersSaleOnceAndTakeARefundsShareBack() throws Exception {
        String partnerId = "partner-" + UUID.randomUUID();
        SaleRecorded sale = sale(partnerId, "PARTNER", 120_000_00);
        producer.send(sale);
        producer.send(sale);
        producer.send(sale(partnerId, "PARTNER_START", 500_000_00));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/balance", null, null).body()
                        .contains("\"balance\":1200"));

        producer.send(ru.moysklad.partners.events.SaleRefunded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(java.time.Instant.now()).setPartnerId(partnerId).setRefundId("r-1").setSaleId(sale.getSaleId())
                .setClientAccountId("c-1").setPaidAt(sale.getPaidAt()).setRefundedAt(java.time.Instant.now())
                .setListPriceKopecks(0).setPartnerPriceKopecks(30_000_00).setFullyRefunded(false).build());

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/balance", null, null).body()
                        .contains("\"balance\":900"));
        assertThat(call(HttpMethod.GET, "/api/bonus/partners/" + partnerId + "/statement", null, null).body())
                .contains("\"ruleId\":\"B7\"").contains("\"points\":1200").contains("\"points\":-300");
    }

    private static SaleRecorded sale(String partnerId, String status, long partnerPriceKopecks) {
        java.time.Instant now = java.time.Instant.now();
        return SaleRecorded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now).setPartnerId(partnerId)
                .setSaleId("sale-" + UUID.randomUUID()).setClientAccountId("c-1").setPaidAt(now).setListPriceKopecks(partnerPriceKopecks)
                .setPartnerPriceKopecks(partnerPriceKopecks).setPartnerStatus(status).setLines(java.util.List.of()).build();
    }

    record Answer(int status, String body) {
    }

    private Answer call(HttpMethod method, String path, String caller, String body) {
        var request = RestClient.create().method(method).uri("http://localhost:" + port + path);
        if (caller != null) {
            request = request.header("X-Platform-Caller", caller);
        }
        if (body != null) {
            request = request.header("Content-Type", "application/json").body(body);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes())));
    }
}
