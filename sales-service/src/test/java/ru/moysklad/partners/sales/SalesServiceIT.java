package ru.moysklad.partners.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

class SalesServiceIT extends ServiceStartsHealthy {

    private static EventProbe sales;

    @BeforeAll
    static void listen() {
        sales = EventProbe.on(Topic.PARTNER_SALES);
    }

    @AfterAll
    static void stopListening() {
        sales.close();
    }

    @Test
    void shouldRecordAReportedSaleOnceAndPublishSaleRecordedKeyedByPartner() {
        String partnerId = "partner-" + UUID.randomUUID();
        String saleId = "pay-" + UUID.randomUUID();
        String body = saleJson(saleId, partnerId, 1_500_000);

        var first = post(body);
        var again = post(body);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).contains("ALREADY_RECORDED");
        SaleRecorded event = sales.await(SaleRecorded.class, e -> e.getSaleId().equals(saleId), Duration.ofSeconds(20));
        assertThat(event.getPartnerId()).isEqualTo(partnerId);
        assertThat(event.getPartnerPriceKopecks()).isEqualTo(1_500_000);
        assertThat(event.getLines()).hasSize(1);
        assertThat(sales.records()).filteredOn(record -> record.key().equals(partnerId)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM sale WHERE sale_id = ?").param(saleId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldAnswerProblemJsonNamingEachInvalidField() {
        Answer response = RestClient.create().post().uri("http://localhost:" + port + "/api/sales/sales")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"saleId": "", "partnerId": "p", "clientAccountId": "c", "paidAt": "2026-03-01T10:00:00Z",
                         "lines": [{"kind": "TARIFF", "productCode": "BASIC", "periodMonths": 0, "listPriceKopecks": -5}]}""")
                .exchange((request, answer) -> new Answer(answer.getStatusCode().value(),
                        answer.getHeaders().getContentType(), new String(answer.getBody().readAllBytes())));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"saleId\"").contains("lines[0].periodMonths").contains("lines[0].listPriceKopecks");
    }

    @Test
    void shouldAnswerProblemJsonForAnUnknownProductKind() {
        Answer response = RestClient.create().post().uri("http://localhost:" + port + "/api/sales/sales")
                .contentType(MediaType.APPLICATION_JSON)
                .body(saleJson("pay-x", "p", 100).replace("TARIFF", "DONUT"))
                .exchange((request, answer) -> new Answer(answer.getStatusCode().value(),
                        answer.getHeaders().getContentType(), new String(answer.getBody().readAllBytes())));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("lines[0].kind").doesNotContain("Exception");
    }

    record Answer(int status, MediaType contentType, String body) {
    }

    private org.springframework.http.ResponseEntity<String> post(String body) {
        return RestClient.create().post().uri("http://localhost:" + port + "/api/sales/sales")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    static String saleJson(String saleId, String partnerId, long listPriceKopecks) {
        return """
                {"saleId": "%s", "partnerId": "%s", "clientAccountId": "client-1", "paidAt": "2026-03-01T10:00:00Z",
                 "lines": [{"kind": "TARIFF", "productCode": "BASIC", "periodMonths": 1, "listPriceKopecks": %d}]}"""
                .formatted(saleId, partnerId, listPriceKopecks);
    }
}
