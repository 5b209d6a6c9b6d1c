package ru.moysklad.partners.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.LeadCreated;
import ru.moysklad.partners.events.LeadType;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

/** The website's lead form over a real database and broker: intake, LeadCreated, duplicates, refusals. */
class LeadServiceIT extends ServiceStartsHealthy {

    private static EventProbe created;

    @BeforeAll
    static void listen() {
        created = EventProbe.on(Topic.LEADS_CREATED);
    }

    @AfterAll
    static void stop() {
        created.close();
    }

    @Test
    void shouldTakeALeadAndAnnounceItWithoutTheContact() {
        String phone = uniquePhone();
        Answer answer = post(form(phone, "Anna@Shop.ru", "volga", 300, false));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).contains("\"leadType\":\"LARGE\"").contains("\"duplicate\":false");
        String leadId = answer.body().replaceAll(".*\"leadId\":\"([^\"]+)\".*", "$1");
        LeadCreated event = created.await(LeadCreated.class, e -> e.getLeadId().equals(leadId), Duration.ofSeconds(30));
        assertThat(event.getLeadType()).isEqualTo(LeadType.LARGE);
        assertThat(event.getRegion()).isEqualTo("VOLGA");
        assertThat(event.getPartnerId()).isNull();
        assertThat(event.toString()).doesNotContain(phone.substring(2)).doesNotContain("anna@shop.ru");
        assertThat(created.records()).filteredOn(record -> leadId.equals(record.key())).isNotEmpty();

        String stored = call(HttpMethod.GET, "/api/leads/" + leadId, null).body();
        assertThat(stored).contains("\"email\":\"anna@shop.ru\"").contains("\"region\":\"VOLGA\"").contains("\"companySize\":300");
    }

    @Test
    void shouldTakeTheSameContactWithinTheWindowAsTheSameLead() throws Exception {
        String phone = uniquePhone();
        Answer first = post(form(phone, null, "URALS", null, false));
        String leadId = first.body().replaceAll(".*\"leadId\":\"([^\"]+)\".*", "$1");
        created.await(LeadCreated.class, e -> e.getLeadId().equals(leadId), Duration.ofSeconds(30));

        // the same phone typed another way, and at the same moment as a third post
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var again = pool.submit(() -> post(form("8 " + phone.substring(2), null, "URALS", null, false)));
        var once = pool.submit(() -> post(form(phone, null, "CENTRAL", 5, false)));
        pool.shutdown();

        assertThat(again.get().status()).isEqualTo(200);
        assertThat(again.get().body()).contains("\"leadId\":\"" + leadId + "\"").contains("\"duplicate\":true");
        assertThat(once.get().body()).contains("\"leadId\":\"" + leadId + "\"");
        Thread.sleep(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE phone = ?").param(phone).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnInvalidFormNamingEachFieldAndStoreNothing() {
        Answer answer = post("{\"company\": \"\", \"phone\": \"abc\", \"region\": \"ATLANTIS\", \"consent\": false}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"company\"").contains("\"field\":\"phone\"").contains("\"field\":\"region\"")
                .contains("\"field\":\"consent\"").contains("\"field\":\"contactName\"");
        assertThat(post("{\"companySize\": \"many\"}").body()).contains("companySize");
        assertThat(post("not json").status()).isEqualTo(400);
    }

    @Test
    void shouldAnswer404ForALeadThatDoesNotExist() {
        assertThat(call(HttpMethod.GET, "/api/leads/nothing", null).status()).isEqualTo(404);
    }

    private static String form(String phone, String email, String region, Integer size, boolean franchise) {
        return """
                {"company": "OOO Test", "contactName": "Anna", "phone": %s, "email": %s, "region": "%s", "city": "Kazan",
                 "companySize": %s, "tariff": "PRO", "industry": "retail", "comment": "hi", "franchise": %s, "consent": true,
                 "homepage": ""}""".formatted(phone == null ? "null" : "\"" + phone + "\"", email == null ? "null" : "\"" + email + "\"",
                region, size == null ? "null" : size.toString(), franchise);
    }

    private static String uniquePhone() {
        return "+7" + (9_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 999_999_999L));
    }

    private Answer post(String body) {
        return call(HttpMethod.POST, "/api/leads", body);
    }

    record Answer(int status, String contentType, String body) {
    }

    private Answer call(HttpMethod method, String path, String body) {
        var request = RestClient.create().method(method).uri("http://localhost:" + port + path);
        if (body != null) {
            request = request.header("Content-Type", "application/json").body(body);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                String.valueOf(response.getHeaders().getContentType()), new String(response.getBody().readAllBytes())));
    }
}
