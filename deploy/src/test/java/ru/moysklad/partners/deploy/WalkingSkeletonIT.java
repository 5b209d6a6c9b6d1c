package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.RealInfrastructure;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * The walking skeleton end to end, as it runs in production: sales-service and tier-service as
 * separate processes from their built jars, talking only through the real broker, each on its own
 * real database. A registered partner's payment reported over HTTP becomes SaleRecorded, tier-service
 * counts it and promotes the partner; the same event delivered again changes nothing.
 */
class WalkingSkeletonIT {

    private static final long RUB = 100;
    private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServiceProcess sales;
    private static ServiceProcess tier;
    private static EventProbe saleEvents;
    private static EventProbe statusChanges;
    private static TestProducer producer;

    @BeforeAll
    static void startServices() throws IOException {
        String kafka = RealInfrastructure.kafkaBootstrapServers();
        sales = service("sales-service", kafka);
        tier = service("tier-service", kafka);
        sales.start();
        tier.start();
        sales.awaitHealthy(Duration.ofMinutes(3));
        tier.awaitHealthy(Duration.ofMinutes(3));
        saleEvents = EventProbe.on(Topic.PARTNER_SALES);
        statusChanges = EventProbe.on(Topic.PARTNER_STATUS_CHANGES);
        producer = new TestProducer();
    }

    @AfterAll
    static void stopServices() {
        for (AutoCloseable closeable : new AutoCloseable[] {producer, saleEvents, statusChanges, sales, tier}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // stopping the others matters more than this one's complaint
            }
        }
    }

    @Test
    void shouldPromoteAPartnerFromAReportedSaleAndIgnoreTheSameEventDeliveredAgain() {
        String partnerId = "partner-" + UUID.randomUUID();
        String saleId = "pay-" + UUID.randomUUID();
        // partner-service's part: the partner is registered (an applicant, so priced at list price).
        producer.send(PartnerRegistered.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setLegalName("OOO Skeleton").setTaxId("7707083893").setCountry("RU")
                .setRegion("URALS").build());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> quoteStatus(partnerId) == 200);

        assertThat(reportSale(saleId, partnerId, "120000.00")).contains("RECORDED");

        PartnerStatusChanged promotion = statusChanges.await(PartnerStatusChanged.class,
                change -> change.getPartnerId().equals(partnerId), Duration.ofSeconds(60));
        assertThat(promotion.getOldStatus()).isEqualTo(PartnerStatus.PARTNER_START);
        assertThat(promotion.getNewStatus()).isEqualTo(PartnerStatus.PARTNER);
        assertThat(promotion.getDecidingRules()).singleElement()
                .satisfies(p3 -> assertThat(p3.getRuleId()).isEqualTo("P3"));
        assertThat(standing(partnerId)).contains("\"cumulativeSalesKopecks\":" + 120_000 * RUB);

        ConsumerRecord<String, byte[]> published = saleEvents.awaitRecord(record -> partnerId.equals(record.key()),
                Duration.ofSeconds(10)).orElseThrow();
        SaleRecorded sale = (SaleRecorded) saleEvents.decode(published);
        assertThat(sale.getSaleId()).isEqualTo(saleId);
        producer.sendRaw(published.topic(), published.key(), published.value());
        assertThat(reportSale(saleId, partnerId, "120000.00")).contains("ALREADY_RECORDED");
        assertThat(reportSale("pay-" + UUID.randomUUID(), partnerId, "0.01")).contains("RECORDED");

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> standing(partnerId).contains("\"cumulativeSalesKopecks\":" + (120_000 * RUB + 1)));
        assertThat(statusChanges.all(PartnerStatusChanged.class, change -> change.getPartnerId().equals(partnerId)))
                .as("the redelivered sale promoted nobody twice").hasSize(1);
        assertThat(saleEvents.all(SaleRecorded.class, event -> event.getSaleId().equals(saleId)))
                .as("reporting the payment again published nothing new; only our redelivery is a second copy").hasSize(2);
    }

    private static int quoteStatus(String partnerId) {
        return send(HttpRequest.newBuilder(URI.create(sales.baseUrl() + "/api/sales/partners/" + partnerId + "/quote"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\": [{\"kind\": \"APP\", \"productCode\": \"A\", \"periodMonths\": 1, \"listPrice\": 1}]}"))
                .build()).statusCode();
    }

    private static String reportSale(String paymentId, String partnerId, String listPriceRoubles) {
        String body = """
                {"paymentId": "%s", "partnerId": "%s", "clientAccountId": "client-1", "paidAt": "2026-03-01T10:00:00Z",
                 "items": [{"kind": "TARIFF", "productCode": "BASIC", "periodMonths": 1, "listPrice": "%s"}]}"""
                .formatted(paymentId, partnerId, listPriceRoubles);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sales.baseUrl() + "/api/sales/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return response.body();
    }

    private static String standing(String partnerId) {
        return send(HttpRequest.newBuilder(URI.create(tier.baseUrl() + "/api/tier/partners/" + partnerId)).GET().build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ServiceProcess service(String module, String kafka) throws IOException {
        RealInfrastructure.Database database = RealInfrastructure.database(module + "_e2e");
        return ServiceProcess.builder(module, ServiceProcess.jarOf(ROOT, module, VERSION))
                .port(freePort())
                .kafka(kafka)
                .database(new Database(database.jdbcUrl(), database.username(), database.password()))
                .logFile(Path.of("target", "e2e", module + ".log"))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
