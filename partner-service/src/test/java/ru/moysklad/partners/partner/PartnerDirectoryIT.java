package ru.moysklad.partners.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.partner.PartnerApi.Answer;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * The public directory over a real broker and database: a partner appears when tier-service makes
 * it a Partner, moves as its status changes (Representatives into their own block, B11), and leaves
 * when suspended (C2) by either service; no personal data; ETag revalidation; refused parameters.
 */
class PartnerDirectoryIT extends ServiceStartsHealthy {

    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void shouldListAPartnerFromPartnerStatusMoveItWithItsStatusAndDropItWhenSuspended() {
        PartnerApi api = new PartnerApi(port);
        String name = "OOO Directory " + UUID.randomUUID();
        String partnerId = api.register(PartnerApi.registration(name, "RU", "SIBERIAN", PartnerApi.newInn()));
        assertThat(directory("?region=SIBERIAN&size=100")).doesNotContain(partnerId);

        status(partnerId, PartnerStatus.PARTNER_START, false, 1);
        status(partnerId, PartnerStatus.PARTNER, false, 2);
        await().atMost(WAIT).until(() -> partnersBlock("?region=SIBERIAN&size=100").contains(partnerId));
        String listed = directory("?region=siberian&status=partner&size=100");
        assertThat(listed).contains("{\"partnerId\":\"" + partnerId + "\",\"name\":\"" + name
                + "\",\"region\":\"SIBERIAN\",\"website\":\"https://romashka.ru\",\"status\":\"PARTNER\"}");
        assertThat(listed).doesNotContain("Ivan Petrov").doesNotContain("admin@romashka.ru");

        status(partnerId, PartnerStatus.REPRESENTATIVE, false, 3);
        await().atMost(WAIT).until(() -> representativesBlock("?region=SIBERIAN").contains(partnerId));
        assertThat(partnersBlock("?region=SIBERIAN&size=100")).doesNotContain(partnerId);
        assertThat(directory("?status=EXPERT&size=100")).doesNotContain(partnerId);

        // partner-service's own suspension takes it off at once, whatever tier-service says later
        assertThat(api.call("POST", "/api/partners/" + partnerId + "/suspension", "{\"by\": \"staff\", \"reason\": \"resold demo access\"}")
                .status()).isEqualTo(200);
        assertThat(directory("?region=SIBERIAN&size=100")).doesNotContain(partnerId);
        assertThat(api.call("POST", "/api/partners/" + partnerId + "/reinstatement", "{\"by\": \"staff\", \"reason\": \"settled\"}")
                .status()).isEqualTo(200);
        assertThat(representativesBlock("?region=SIBERIAN")).contains(partnerId);

        // and tier-service's suspension too; an older event redelivered later changes nothing
        status(partnerId, PartnerStatus.REPRESENTATIVE, true, 5);
        await().atMost(WAIT).until(() -> !directory("?region=SIBERIAN&size=100").contains(partnerId));
        status(partnerId, PartnerStatus.REPRESENTATIVE, false, 4);
        String marker = api.register(PartnerApi.registration("OOO Marker " + UUID.randomUUID(), "RU", "SIBERIAN", PartnerApi.newInn()));
        status(marker, PartnerStatus.EXPERT, false, 6);
        await().atMost(WAIT).until(() -> partnersBlock("?region=SIBERIAN&size=100").contains(marker));
        assertThat(directory("?region=SIBERIAN&size=100")).doesNotContain(partnerId);
    }

    @Test
    void shouldPageExpertsBeforePartnersInAStableOrderAndRevalidateWithTheEtag() {
        PartnerApi api = new PartnerApi(port);
        String prefix = "OOO Paged " + UUID.randomUUID() + " ";
        List<String> ids = List.of(
                api.register(PartnerApi.registration(prefix + "C", "RU", "FAR_EASTERN", PartnerApi.newInn())),
                api.register(PartnerApi.registration(prefix + "A", "RU", "FAR_EASTERN", PartnerApi.newInn())),
                api.register(PartnerApi.registration(prefix + "B", "RU", "FAR_EASTERN", PartnerApi.newInn())));
        status(ids.get(0), PartnerStatus.EXPERT, false, 1);
        status(ids.get(1), PartnerStatus.PARTNER, false, 1);
        status(ids.get(2), PartnerStatus.PARTNER, false, 1);
        await().atMost(WAIT).until(() -> ids.stream().allMatch(directory("?region=FAR_EASTERN&size=100")::contains));

        String all = partnersBlock("?region=FAR_EASTERN&size=100");
        assertThat(all.indexOf(ids.get(0))).isLessThan(all.indexOf(ids.get(1)));
        assertThat(all.indexOf(ids.get(1))).isLessThan(all.indexOf(ids.get(2)));
        String first = directory("?region=FAR_EASTERN&size=1&page=0");
        String second = directory("?region=FAR_EASTERN&size=1&page=1");
        assertThat(first).contains("\"page\":0,\"size\":1,\"totalPartners\":");
        assertThat(first + second).contains(ids.get(0));
        assertThat(first).isNotEqualTo(second);

        var page = RestClient.create().get().uri("http://localhost:" + port + "/api/directory?region=FAR_EASTERN")
                .retrieve().toEntity(String.class);
        String etag = page.getHeaders().getETag();
        assertThat(etag).isNotBlank();
        assertThat(page.getHeaders().getCacheControl()).contains("max-age=60").contains("public");
        int revalidated = RestClient.create().get().uri("http://localhost:" + port + "/api/directory?region=FAR_EASTERN")
                .header("If-None-Match", etag).exchange((request, response) -> response.getStatusCode().value());
        assertThat(revalidated).isEqualTo(304);
    }

    @Test
    void shouldRefuseBadParametersNamingEach() {
        Answer answer = new PartnerApi(port).call("GET", "/api/directory?region=ATLANTIS&status=APPLICANT&page=-1&size=1000", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"region\"").contains("\"field\":\"status\"").contains("\"field\":\"page\"")
                .contains("\"field\":\"size\"");
        assertThat(new PartnerApi(port).call("GET", "/api/directory?size=many", null).body()).contains("\"field\":\"size\"");
    }

    private void status(String partnerId, PartnerStatus status, boolean suspended, int minute) {
        producer.send(PartnerStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(60L * minute)).setPartnerId(partnerId)
                .setOldStatus(PartnerStatus.APPLICANT).setNewStatus(status)
                .setReason(suspended ? StatusChangeReason.SUSPENSION : StatusChangeReason.PROMOTION).setDecidingRules(List.of())
                .setTriggeringEventId("test").setRulesVersion("2026-1").setSuspended(suspended).build());
    }

    private String directory(String query) {
        Answer answer = new PartnerApi(port).call(HttpMethod.GET.name(), "/api/directory" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private String representativesBlock(String query) {
        String body = directory(query);
        return body.substring(body.indexOf("\"representatives\":"), body.indexOf("\"partners\":"));
    }

    private String partnersBlock(String query) {
        String body = directory(query);
        return body.substring(body.indexOf("\"partners\":"));
    }
}
