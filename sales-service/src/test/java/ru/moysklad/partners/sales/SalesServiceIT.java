package ru.moysklad.partners.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.BillingPaymentItem;
import ru.moysklad.partners.events.BillingPaymentReceived;
import ru.moysklad.partners.events.BillingRefundReceived;
import ru.moysklad.partners.events.ComplianceFlagCleared;
import ru.moysklad.partners.events.ComplianceFlagRaised;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.ProductKind;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.platform.testing.TestProducer;

class SalesServiceIT extends ServiceStartsHealthy {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MARCH = Instant.parse("2026-03-01T10:00:00Z");
    private static EventProbe sales;
    private static EventProbe billingDeadLetters;
    private static EventProbe compliance;
    private static TestProducer producer;

    @BeforeAll
    static void connect() {
        sales = EventProbe.on(Topic.PARTNER_SALES);
        billingDeadLetters = EventProbe.onDeadLetters(Topic.BILLING_PAYMENTS);
        compliance = EventProbe.on(Topic.PARTNER_COMPLIANCE);
        producer = new TestProducer();
    }

    @AfterAll
    static void disconnect() {
        sales.close();
        billingDeadLetters.close();
        compliance.close();
        producer.close();
    }

    @Test
    void shouldRefuseAPaymentOfAnUnknownPartnerWith404() {
        Answer answer = call(HttpMethod.POST, "/api/sales/payments", paymentJson("pay-" + UUID.randomUUID(), "nobody", "c-1", MARCH, "TARIFF", 1, "1490.00"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("\"field\":\"partnerId\"");
    }

    @Test
    void shouldPriceEachPaymentWithTheStatusAtItsPaymentTimeAndRecordItOnceByEitherWay() {
        String partnerId = registeredPartner();
        Instant promotedAt = MARCH.plus(Duration.ofDays(10));
        producer.send(statusChanged(partnerId, promotedAt, PartnerStatus.PARTNER));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"PARTNER\""));

        String before = "pay-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        assertThat(call(HttpMethod.POST, "/api/sales/payments", paymentJson(before, partnerId, client, MARCH, "TARIFF", 1, "1000.00")).status())
                .isEqualTo(201);
        SaleRecorded asApplicant = sales.await(SaleRecorded.class, e -> e.getSaleId().equals(before), WAIT);
        assertThat(asApplicant.getPartnerStatus()).isEqualTo("APPLICANT");
        assertThat(asApplicant.getLines().get(0).getDiscountRuleId()).isEqualTo("APPLICANT");
        assertThat(asApplicant.getPartnerPriceKopecks()).isEqualTo(100_000);
        assertThat(asApplicant.getNewClient()).isTrue();

        String after = "pay-" + UUID.randomUUID();
        producer.send(billingPayment(after, partnerId, client, promotedAt.plusSeconds(60), ProductKind.TARIFF, 1, 100_000));
        SaleRecorded asPartner = sales.await(SaleRecorded.class, e -> e.getSaleId().equals(after), WAIT);
        assertThat(asPartner.getPartnerStatus()).isEqualTo("PARTNER");
        assertThat(asPartner.getLines().get(0).getDiscountRuleId()).isEqualTo("B1");
        assertThat(asPartner.getLines().get(0).getDiscountBasisPoints()).isEqualTo(4000);
        assertThat(asPartner.getPartnerPriceKopecks()).isEqualTo(60_000);
        assertThat(asPartner.getNewClient()).as("the client paid before").isFalse();

        Answer again = call(HttpMethod.POST, "/api/sales/payments", paymentJson(after, partnerId, client, promotedAt.plusSeconds(60), "TARIFF", 1, "1000.00"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("ALREADY_RECORDED");
        producer.send(billingPayment(before, partnerId, client, MARCH, ProductKind.TARIFF, 1, 100_000));
        String marker = "pay-" + UUID.randomUUID();
        producer.send(billingPayment(marker, partnerId, client, promotedAt.plusSeconds(120), ProductKind.APP, 1, 10_000));
        sales.await(SaleRecorded.class, e -> e.getSaleId().equals(marker), WAIT);
        assertThat(sales.all(SaleRecorded.class, e -> e.getPartnerId().equals(partnerId))).extracting(SaleRecorded::getSaleId)
                .containsExactlyInAnyOrder(before, after, marker);
        assertThat(jdbc.sql("SELECT count(*) FROM sale WHERE partner_id = ?").param(partnerId).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void shouldRecordAnApplicantsPaymentForItsOnlyClientThoughNoneOfItsSalesIsDiscounted() {
        String partnerId = registeredPartner();

        // C1's check looks, within its recent window, for the first discounted sale to a partner's only
        // client: an applicant has no discount, so there is none
        String payment = "pay-" + UUID.randomUUID();
        Answer answer = call(HttpMethod.POST, "/api/sales/payments",
                paymentJson(payment, partnerId, "client-" + UUID.randomUUID(), Instant.now().minusSeconds(60), "TARIFF", 12, "200000.00"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(sales.await(SaleRecorded.class, e -> e.getSaleId().equals(payment), WAIT).getPartnerStatus()).isEqualTo("APPLICANT");
        assertThat(openFlagsOf(partnerId)).doesNotContain("C1");
    }

    @Test
    void shouldCarryABillingPaymentsCorrelationIdIntoTheSaleItRecords() {
        String partnerId = registeredPartner();
        String paymentId = "pay-" + UUID.randomUUID();
        BillingPaymentReceived payment = billingPayment(paymentId, partnerId, "c-1", MARCH, ProductKind.APP, 1, 1_000);
        payment.setCorrelationId("billing-batch-7");
        producer.send(payment);

        assertThat(sales.await(SaleRecorded.class, e -> e.getSaleId().equals(paymentId), WAIT).getCorrelationId())
                .isEqualTo("billing-batch-7");
    }

    @Test
    void shouldGiveANewClientsFirstAnnualPaymentB3AndNoDiscountOnceSuspended() {
        String partnerId = registeredPartner();
        producer.send(statusChanged(partnerId, MARCH, PartnerStatus.EXPERT));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"EXPERT\""));
        String client = "client-" + UUID.randomUUID();

        String first = "pay-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson(first, partnerId, client, MARCH.plusSeconds(60), "TARIFF", 12, "12000"));
        SaleRecorded firstSale = sales.await(SaleRecorded.class, e -> e.getSaleId().equals(first), WAIT);
        assertThat(firstSale.getLines().get(0).getDiscountRuleId()).isEqualTo("B3");
        assertThat(firstSale.getPartnerPriceKopecks()).isEqualTo(840_000);

        String renewal = "pay-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson(renewal, partnerId, client, MARCH.plusSeconds(120), "TARIFF", 12, "12000"));
        assertThat(sales.await(SaleRecorded.class, e -> e.getSaleId().equals(renewal), WAIT).getPartnerPriceKopecks()).isEqualTo(960_000);

        Instant suspendedAt = MARCH.plus(Duration.ofDays(40));
        producer.send(PartnerSuspended.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(suspendedAt)
                .setPartnerId(partnerId).setReason("dumped prices").setSuspendedBy("staff-1").build());
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"suspended\":true"));
        String whileSuspended = "pay-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson(whileSuspended, partnerId, client, suspendedAt.plusSeconds(1), "APP", 1, "100"));
        SaleRecorded suspended = sales.await(SaleRecorded.class, e -> e.getSaleId().equals(whileSuspended), WAIT);
        assertThat(suspended.getLines().get(0).getDiscountRuleId()).isEqualTo("C2");
        assertThat(suspended.getPartnerSuspended()).isTrue();
    }

    @Test
    void shouldQuoteABasketAtTodaysPricesLineByLine() {
        String partnerId = registeredPartner();
        producer.send(statusChanged(partnerId, Instant.now().minusSeconds(5), PartnerStatus.REPRESENTATIVE));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"REPRESENTATIVE\""));

        Answer quote = call(HttpMethod.POST, "/api/sales/partners/" + partnerId + "/quote", """
                {"clientAccountId": "brand-new-client", "items": [
                  {"kind": "TARIFF", "productCode": "PRO", "periodMonths": 1, "listPrice": "2990.00"},
                  {"kind": "TARIFF", "productCode": "PRO", "periodMonths": 12, "listPrice": "29900"},
                  {"kind": "APP", "productCode": "EDO", "periodMonths": 1, "listPrice": 500}]}""");

        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.body()).contains("\"newClient\":true")
                .contains("\"listPrice\":2990.00,\"partnerPrice\":1495.00,\"discountRuleId\":\"B1\",\"discountPercent\":50.00")
                .contains("\"listPrice\":29900.00,\"partnerPrice\":20930.00,\"discountRuleId\":\"B3\"")
                .contains("\"listPrice\":500.00,\"partnerPrice\":350.00,\"discountRuleId\":\"B2\"")
                .contains("\"partnerPrice\":22775.00");
    }

    @Test
    void shouldAnswerProblemJsonNamingEachInvalidField() {
        String partnerId = registeredPartner();
        Answer invalid = call(HttpMethod.POST, "/api/sales/payments", """
                {"paymentId": "", "partnerId": "%s", "clientAccountId": "c", "paidAt": "2026-03-01T10:00:00Z",
                 "items": [{"kind": "TARIFF", "productCode": "BASIC", "periodMonths": 0, "listPrice": 0},
                           {"kind": "APP", "productCode": "A", "periodMonths": 1, "listPrice": "1.005"}]}""".formatted(partnerId));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).isEqualTo("application/problem+json");
        assertThat(invalid.body()).contains("\"paymentId\"").contains("items[0].periodMonths").contains("items[0].listPrice");
        Answer fractions = call(HttpMethod.POST, "/api/sales/payments",
                paymentJson("pay-" + UUID.randomUUID(), partnerId, "c", MARCH, "APP", 1, "1.005"));
        assertThat(fractions.body()).contains("items[0].listPrice").contains("two decimals");
        Answer unknownKind = call(HttpMethod.POST, "/api/sales/payments",
                paymentJson("pay-" + UUID.randomUUID(), partnerId, "c", MARCH, "DONUT", 1, "1"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("items[0].kind").doesNotContain("Exception");
        Answer other = call(HttpMethod.POST, "/api/sales/payments",
                paymentJson("pay-" + UUID.randomUUID(), partnerId, "c", MARCH, "OTHER", 1, "1"));
        assertThat(other.body()).contains("unknown item kind");
    }

    @Test
    void shouldDeadLetterABillingPaymentOfAnUnknownPartnerOrWithAZeroPriceAndRecordNothing() {
        String partnerId = registeredPartner();
        String zero = "pay-" + UUID.randomUUID();
        producer.send(billingPayment(zero, partnerId, "c-1", MARCH, ProductKind.TARIFF, 1, 0));
        String stranger = "stranger-" + UUID.randomUUID();
        producer.send(billingPayment("pay-" + UUID.randomUUID(), stranger, "c-1", MARCH, ProductKind.TARIFF, 1, 100));

        var zeroLetter = billingDeadLetters.awaitRecord(r -> partnerId.equals(r.key()), WAIT).orElseThrow();
        assertThat(new String(zeroLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("items[0].listPrice");
        var strangerLetter = billingDeadLetters.awaitRecord(r -> stranger.equals(r.key()), WAIT).orElseThrow();
        assertThat(new String(strangerLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("no partner " + stranger + " is registered");
        assertThat(jdbc.sql("SELECT count(*) FROM sale WHERE sale_id = ?").param(zero).query(Long.class).single()).isZero();
    }

    @Test
    void shouldRecordRefundsOnceByEitherWayAndRefuseMoreThanWasPaid() {
        String partnerId = registeredPartner();
        producer.send(statusChanged(partnerId, MARCH, PartnerStatus.PARTNER));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"PARTNER\""));
        String paymentId = "pay-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson(paymentId, partnerId, "c-9", MARCH.plusSeconds(5), "TARIFF", 1, "1000"));

        Answer partial = call(HttpMethod.POST, "/api/sales/refunds", refundJson("refund-a-" + paymentId, paymentId, "250.00"));
        assertThat(partial.status()).isEqualTo(201);
        SaleRefunded first = sales.await(SaleRefunded.class, e -> e.getSaleId().equals(paymentId), WAIT);
        assertThat(first.getPartnerPriceKopecks()).as("40% off: 250 RUB refunded is 150 RUB of volume").isEqualTo(15_000);
        assertThat(first.getFullyRefunded()).isFalse();
        assertThat(call(HttpMethod.POST, "/api/sales/refunds", refundJson("refund-a-" + paymentId, paymentId, "250.00")).body())
                .contains("ALREADY_RECORDED");

        Answer tooMuch = call(HttpMethod.POST, "/api/sales/refunds", refundJson("refund-b-" + paymentId, paymentId, "750.01"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("\"field\":\"listPrice\"");
        assertThat(call(HttpMethod.POST, "/api/sales/refunds", refundJson("refund-c", "no-such-payment", "1")).status()).isEqualTo(404);

        producer.send(BillingRefundReceived.newBuilder().setEventId("refund-d-" + paymentId).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setRefundId("refund-d-" + paymentId).setPaymentId(paymentId)
                .setRefundedAt(Instant.parse("2026-04-02T10:00:00Z")).setListPriceKopecks(75_000).build());
        SaleRefunded rest = sales.await(SaleRefunded.class, e -> e.getRefundId().equals("refund-d-" + paymentId), WAIT);
        assertThat(rest.getPartnerPriceKopecks()).isEqualTo(45_000);
        assertThat(rest.getFullyRefunded()).isTrue();

        producer.send(BillingRefundReceived.newBuilder().setEventId("refund-e-" + paymentId).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setRefundId("refund-e-" + paymentId).setPaymentId(paymentId)
                .setRefundedAt(Instant.now()).setListPriceKopecks(1).build());
        var deadLetter = billingDeadLetters.awaitRecord(r -> partnerId.equals(r.key()), WAIT).orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("exceeds");
        assertThat(jdbc.sql("SELECT count(*) FROM refund WHERE sale_id = ?").param(paymentId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void shouldReportNetSalesPerMoscowQuarterWithTheLinesBehindThemAndTheClients() {
        String partnerId = registeredPartner();
        producer.send(statusChanged(partnerId, Instant.parse("2026-01-20T00:00:00Z"), PartnerStatus.PARTNER));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"PARTNER\""));
        // 23:30 UTC on 31 March is 02:30 on 1 April in Moscow: the second quarter.
        String q2 = "pay-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson(q2, partnerId, "client-x", Instant.parse("2026-03-31T23:30:00Z"), "TARIFF", 1, "1000"));
        String q1 = "pay-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson(q1, partnerId, "client-y", Instant.parse("2026-03-31T20:00:00Z"), "APP", 1, "100"));
        call(HttpMethod.POST, "/api/sales/refunds", refundJson("refund-" + q1, q1, "50"));

        Answer summary = call(HttpMethod.GET, "/api/sales/partners/" + partnerId + "/summary?from=2026-01-01&to=2026-06-30", null);

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body())
                .contains("{\"quarter\":\"2026-Q1\",\"sales\":1,\"partnerPriceKopecks\":7000,\"listPriceKopecks\":10000,"
                        + "\"refundedPartnerKopecks\":3500,\"netPartnerPriceKopecks\":3500,\"newClients\":1}")
                .contains("{\"quarter\":\"2026-Q2\",\"sales\":1,\"partnerPriceKopecks\":60000,")
                .contains("\"netCumulativePartnerPriceKopecks\":63500");
        assertThat(call(HttpMethod.GET, "/api/sales/partners/" + partnerId + "/sales?from=2026-04-01&to=2026-04-30", null).body())
                .contains(q2).doesNotContain(q1).contains("\"discountRuleId\":\"B1\"");
        assertThat(call(HttpMethod.GET, "/api/sales/partners/" + partnerId + "/client-accounts", null).body())
                .contains("\"clientAccountId\":\"client-x\",\"newThroughThisPartner\":true");
        assertThat(call(HttpMethod.GET, "/api/sales/partners/" + partnerId + "/summary?from=someday", null).body())
                .contains("\"field\":\"from\"");
        assertThat(call(HttpMethod.GET, "/api/sales/partners/nobody/summary", null).status()).isEqualTo(404);
    }

    @Test
    void shouldReportTheWholeProgrammesQuarterByStatusMonthAndPartner() {
        String partnerId = registeredPartner();
        producer.send(statusChanged(partnerId, Instant.parse("2026-02-01T00:00:00Z"), PartnerStatus.PARTNER));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"PARTNER\""));
        String before = call(HttpMethod.GET, "/api/sales/reports/quarter?quarter=2026-Q3", null).body();

        call(HttpMethod.POST, "/api/sales/payments", paymentJson("pay-" + UUID.randomUUID(), partnerId, "client-q3",
                Instant.parse("2026-08-10T10:00:00Z"), "TARIFF", 1, "1000"));
        // 22:30 UTC on 30 September is 01:30 on 1 October in Moscow: the fourth quarter, not this one
        call(HttpMethod.POST, "/api/sales/payments", paymentJson("pay-" + UUID.randomUUID(), partnerId, "client-q4",
                Instant.parse("2026-09-30T22:30:00Z"), "TARIFF", 1, "1000"));

        Answer after = call(HttpMethod.GET, "/api/sales/reports/quarter?quarter=2026-Q3", null);
        assertThat(after.status()).isEqualTo(200);
        assertThat(figure(after.body(), "sales")).isEqualTo(figure(before, "sales") + 1);
        assertThat(figure(after.body(), "netPartnerPriceKopecks")).isEqualTo(figure(before, "netPartnerPriceKopecks") + 60_000);
        assertThat(after.body()).contains("\"quarter\":\"2026-Q3\"").contains("{\"key\":\"" + partnerId + "\",\"sales\":1,\"netPartnerPriceKopecks\":60000}")
                .contains("\"key\":\"2026-08\"").contains("\"key\":\"PARTNER\"").doesNotContain("\"key\":\"2026-10\"");
        assertThat(call(HttpMethod.GET, "/api/sales/reports/quarter?quarter=2026-Q4", null).body()).contains("\"key\":\"2026-10\"");
        assertThat(call(HttpMethod.GET, "/api/sales/reports/quarter", null).body()).contains("\"quarter\":\"2026-Q");
        assertThat(call(HttpMethod.GET, "/api/sales/reports/quarter?quarter=2026-Q5", null).body()).contains("\"field\":\"quarter\"");
    }

    private static long figure(String json, String name) {
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void shouldLetOnlyARepresentativeAttachAPaidClientAccountUnderB9() {
        String partnerId = registeredPartner();
        String client = "client-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson("pay-" + UUID.randomUUID(), partnerId, client, MARCH, "TARIFF", 1, "10"));

        Answer refused = call(HttpMethod.PUT, "/api/sales/partners/" + partnerId + "/client-accounts/" + client + "/attachment", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("\"ruleId\":\"B9\"");

        producer.send(statusChanged(partnerId, Instant.now().minusSeconds(1), PartnerStatus.REPRESENTATIVE));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"REPRESENTATIVE\""));
        assertThat(call(HttpMethod.PUT, "/api/sales/partners/" + partnerId + "/client-accounts/" + client + "/attachment", null).body())
                .contains("\"outcome\":\"ATTACHED\"");
        assertThat(call(HttpMethod.PUT, "/api/sales/partners/" + partnerId + "/client-accounts/never-paid/attachment", null).body())
                .contains("\"field\":\"clientAccountId\"");

        String rival = registeredPartner();
        producer.send(statusChanged(rival, Instant.now().minusSeconds(1), PartnerStatus.REPRESENTATIVE));
        Awaitility.await().atMost(WAIT).until(() -> quote(rival).contains("\"partnerStatus\":\"REPRESENTATIVE\""));
        assertThat(call(HttpMethod.PUT, "/api/sales/partners/" + rival + "/client-accounts/" + client + "/attachment", null).status())
                .isEqualTo(409);
    }

    @Test
    void shouldRaiseC1ForASingleDiscountedClientOverSixMonthsAndClearItWhenASecondClientComes() {
        String partnerId = registeredPartner();
        Instant now = Instant.now();
        producer.send(statusChanged(partnerId, now.minus(Duration.ofDays(400)), PartnerStatus.PARTNER));
        Awaitility.await().atMost(WAIT).until(() -> quote(partnerId).contains("\"partnerStatus\":\"PARTNER\""));
        String client = "only-client-" + UUID.randomUUID();
        call(HttpMethod.POST, "/api/sales/payments", paymentJson("pay-" + UUID.randomUUID(), partnerId, client,
                now.minus(Duration.ofDays(200)), "TARIFF", 1, "1000"));
        assertThat(openFlagsOf(partnerId)).as("not yet: the latest sale is older than the period").doesNotContain(partnerId);
        call(HttpMethod.POST, "/api/sales/payments", paymentJson("pay-" + UUID.randomUUID(), partnerId, client,
                now.minus(Duration.ofDays(10)), "TARIFF", 1, "1000"));

        assertThat(openFlagsOf(partnerId)).contains("\"ruleId\":\"C1\"").contains(client);
        var raised = compliance.await(ComplianceFlagRaised.class, e -> e.getPartnerId().equals(partnerId), WAIT);
        assertThat(raised.getClientAccountId()).isEqualTo(client);
        assertThat(call(HttpMethod.POST, "/api/sales/compliance/checks", null).body()).contains("partnersChecked");
        assertThat(compliance.all(ComplianceFlagRaised.class, e -> e.getPartnerId().equals(partnerId)))
                .as("the daily check raises no second flag while one is open").hasSize(1);

        call(HttpMethod.POST, "/api/sales/payments", paymentJson("pay-" + UUID.randomUUID(), partnerId, "second-client",
                now.minus(Duration.ofDays(1)), "TARIFF", 1, "1000"));
        compliance.await(ComplianceFlagCleared.class, e -> e.getPartnerId().equals(partnerId), WAIT);
        assertThat(openFlagsOf(partnerId)).doesNotContain(partnerId);
        assertThat(call(HttpMethod.GET, "/api/sales/compliance/flags?includeCleared=true", null).body()).contains(partnerId);
    }

    private String openFlagsOf(String partnerId) {
        return call(HttpMethod.GET, "/api/sales/compliance/flags", null).body();
    }

    private static String refundJson(String refundId, String paymentId, String listPrice) {
        return """
                {"refundId": "%s", "paymentId": "%s", "refundedAt": "2026-04-01T09:00:00Z", "listPrice": "%s"}"""
                .formatted(refundId, paymentId, listPrice);
    }

    private String registeredPartner() {
        String partnerId = "partner-" + UUID.randomUUID();
        producer.send(PartnerRegistered.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-01-15T09:00:00Z")).setPartnerId(partnerId).setLegalName("OOO Test")
                .setTaxId("7707083893").setCountry("RU").setRegion("URALS").build());
        Awaitility.await().atMost(WAIT).until(() -> call(HttpMethod.POST, "/api/sales/partners/" + partnerId + "/quote",
                "{\"items\": [{\"kind\": \"APP\", \"productCode\": \"A\", \"periodMonths\": 1, \"listPrice\": 1}]}").status() == 200);
        return partnerId;
    }

    private String quote(String partnerId) {
        return call(HttpMethod.POST, "/api/sales/partners/" + partnerId + "/quote",
                "{\"items\": [{\"kind\": \"APP\", \"productCode\": \"A\", \"periodMonths\": 1, \"listPrice\": 1}]}").body();
    }

    private static PartnerStatusChanged statusChanged(String partnerId, Instant at, PartnerStatus status) {
        return PartnerStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setPartnerId(partnerId).setOldStatus(PartnerStatus.APPLICANT).setNewStatus(status)
                .setReason(StatusChangeReason.PROMOTION).setDecidingRules(List.of()).setTriggeringEventId("test")
                .setRulesVersion("test").build();
    }

    private static BillingPaymentReceived billingPayment(String paymentId, String partnerId, String client, Instant paidAt,
                                                         ProductKind kind, int months, long listPriceKopecks) {
        return BillingPaymentReceived.newBuilder().setEventId(paymentId).setOccurredAt(paidAt).setPartnerId(partnerId)
                .setPaymentId(paymentId).setPaidAt(paidAt).setClientAccountId(client)
                .setItems(List.of(BillingPaymentItem.newBuilder().setKind(kind).setProductCode("P").setPeriodMonths(months)
                        .setListPriceKopecks(listPriceKopecks).build()))
                .build();
    }

    static String paymentJson(String paymentId, String partnerId, String client, Instant paidAt, String kind, int months,
                              String listPrice) {
        return """
                {"paymentId": "%s", "partnerId": "%s", "clientAccountId": "%s", "paidAt": "%s",
                 "items": [{"kind": "%s", "productCode": "BASIC", "periodMonths": %d, "listPrice": "%s"}]}"""
                .formatted(paymentId, partnerId, client, paidAt, kind, months, listPrice);
    }

    record Answer(int status, String contentType, String body) {
    }

    private Answer call(HttpMethod method, String path, String body) {
        var request = RestClient.create().method(method).uri("http://localhost:" + port + path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                        response.getHeaders().getContentType() == null ? null : response.getHeaders().getContentType().toString(),
                        new String(response.getBody().readAllBytes())));
    }
}
