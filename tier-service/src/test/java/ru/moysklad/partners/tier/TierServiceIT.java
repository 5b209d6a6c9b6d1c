package ru.moysklad.partners.tier;

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

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.kafka.EventHeaders;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.TestProducer;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

class TierServiceIT extends ServiceStartsHealthy {

    private static final long RUB = 100;
    private static TestProducer producer;
    private static EventProbe statusChanges;
    private static EventProbe deadLetters;

    @BeforeAll
    static void connect() {
        producer = new TestProducer();
        statusChanges = EventProbe.on(Topic.PARTNER_STATUS_CHANGES);
        deadLetters = EventProbe.onDeadLetters(Topic.PARTNER_SALES);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        statusChanges.close();
        deadLetters.close();
    }

    @Test
    void shouldPromoteToPartnerOnTheSaleThatCrossesP3AndIgnoreItsRedelivery() {
        String partnerId = "partner-" + UUID.randomUUID();
        producer.send(sale(partnerId, 60_000 * RUB));
        SaleRecorded crossing = sale(partnerId, 50_000 * RUB);
        producer.send(crossing);

        PartnerStatusChanged change = statusChanges.await(PartnerStatusChanged.class,
                event -> event.getPartnerId().equals(partnerId), Duration.ofSeconds(30));
        assertThat(change.getOldStatus()).isEqualTo(PartnerStatus.PARTNER_START);
        assertThat(change.getNewStatus()).isEqualTo(PartnerStatus.PARTNER);
        assertThat(change.getTriggeringEventId()).isEqualTo(crossing.getEventId());
        assertThat(change.getRulesVersion()).isEqualTo("skeleton-1");
        assertThat(change.getDecidingRules()).singleElement().satisfies(p3 -> {
            assertThat(p3.getRuleId()).isEqualTo("P3");
            assertThat(p3.getActual()).isEqualTo(110_000 * RUB);
            assertThat(p3.getMet()).isTrue();
        });

        producer.send(crossing);
        SaleRecorded marker = sale(partnerId, 1);
        producer.send(marker);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cumulativeSalesOf(partnerId) == 110_000 * RUB + 1);
        assertThat(statusChanges.all(PartnerStatusChanged.class, event -> event.getPartnerId().equals(partnerId))).hasSize(1);
    }

    @Test
    void shouldTakeARefundedShareBackWithoutDemoting() {
        String partnerId = "partner-" + UUID.randomUUID();
        SaleRecorded sale = sale(partnerId, 150_000 * RUB);
        producer.send(sale);
        statusChanges.await(PartnerStatusChanged.class, event -> event.getPartnerId().equals(partnerId), Duration.ofSeconds(30));

        producer.send(SaleRefunded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setRefundId("refund-1").setSaleId(sale.getSaleId()).setClientAccountId("client-1")
                .setPaidAt(sale.getPaidAt()).setRefundedAt(Instant.now()).setListPriceKopecks(100_000 * RUB)
                .setPartnerPriceKopecks(100_000 * RUB).setFullyRefunded(false).build());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cumulativeSalesOf(partnerId) == 50_000 * RUB);
        assertThat(jdbc.sql("SELECT status FROM partner_standing WHERE partner_id = ?").param(partnerId)
                .query(String.class).single()).isEqualTo("PARTNER");
    }

    @Test
    void shouldDeadLetterBytesThatAreNotAvroWithTheReasonAndGoOn() {
        String partnerId = "partner-" + UUID.randomUUID();
        producer.sendRaw(Topic.PARTNER_SALES.topicName(), partnerId, "not avro at all".getBytes(StandardCharsets.UTF_8));
        producer.send(sale(partnerId, 7 * RUB));

        var deadLetter = deadLetters.awaitRecord(record -> partnerId.equals(record.key()), Duration.ofSeconds(30)).orElseThrow();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("not an Avro single-object message");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cumulativeSalesOf(partnerId) == 7 * RUB);
    }

    @Test
    void shouldDeadLetterAnEventThatBreaksADomainInvariantWithoutApplyingIt() {
        String partnerId = "partner-" + UUID.randomUUID();
        SaleRecorded negative = sale(partnerId, -5 * RUB);
        producer.send(negative);
        producer.send(sale(partnerId, 3 * RUB));

        var deadLetter = deadLetters.awaitRecord(record -> partnerId.equals(record.key()), Duration.ofSeconds(30)).orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("negative partner price");
        assertThat(((SaleRecorded) deadLetters.decode(deadLetter)).getEventId()).isEqualTo(negative.getEventId());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cumulativeSalesOf(partnerId) == 3 * RUB);
    }

    @Test
    void shouldShowAPartnersProgressToItsNextStatusAndCountPartnersByStatus() {
        String partnerId = "partner-" + UUID.randomUUID();
        producer.send(sale(partnerId, 30_000 * RUB));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cumulativeSalesOf(partnerId) == 30_000 * RUB);

        String standing = get("/api/tier/partners/" + partnerId);
        String statistics = get("/api/tier/statistics");

        assertThat(standing).contains("\"nextStatus\":\"PARTNER\"")
                .contains("{\"ruleId\":\"P3\",\"unit\":\"KOPECKS\",\"required\":10000000,\"actual\":3000000,\"met\":false}")
                .contains("\"rulesVersion\":\"skeleton-1\"");
        long startPartners = jdbc.sql("SELECT count(*) FROM partner_standing WHERE status = 'PARTNER_START'").query(Long.class).single();
        assertThat(statistics).contains("\"PARTNER_START\":" + startPartners).contains("\"REPRESENTATIVE\":");
    }

    private String get(String path) {
        return org.springframework.web.client.RestClient.create().get().uri("http://localhost:" + port + path).retrieve().body(String.class);
    }

    private long cumulativeSalesOf(String partnerId) {
        return jdbc.sql("SELECT cumulative_sales_kopecks FROM partner_standing WHERE partner_id = ?")
                .param(partnerId).query(Long.class).optional().orElse(-1L);
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
                .setLines(List.of())
                .build();
    }
}
