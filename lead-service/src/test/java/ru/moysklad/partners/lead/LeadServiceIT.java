package ru.moysklad.partners.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.lead.LeadApi.Answer;
import ru.moysklad.partners.events.LeadCreated;
import ru.moysklad.partners.events.LeadType;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.MutableClock;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

/** The website's lead form over a real database and broker: intake, LeadCreated, duplicates, refusals. */
@Import(ControllableClock.class)
class LeadServiceIT extends ServiceStartsHealthy {

    private static EventProbe created;

    @Autowired
    MutableClock clock;

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
        String phone = LeadApi.uniquePhone();
        Answer answer = post(LeadApi.form(phone, "Anna@Shop.ru", "volga", 300, false));

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
    void shouldTakeTheSameEmailAsTheSameLeadAndWhenPhoneAndEmailMatchTwoLeadsTheEarlierOne() {
        String email = "buyer-" + java.util.UUID.randomUUID() + "@shop.ru";
        String earlier = leadIdOf(post(LeadApi.form(LeadApi.uniquePhone(), email, "URALS", null, false)));
        clock.advance(Duration.ofSeconds(1));
        String laterPhone = LeadApi.uniquePhone();
        String later = leadIdOf(post(LeadApi.form(laterPhone, null, "URALS", null, false)));

        Answer sameEmail = post(LeadApi.form(LeadApi.uniquePhone(), email.toUpperCase(java.util.Locale.ROOT), "URALS", null, false));
        Answer both = post(LeadApi.form(laterPhone, email, "URALS", null, false));

        assertThat(sameEmail.status()).isEqualTo(200);
        assertThat(leadIdOf(sameEmail)).isEqualTo(earlier);
        assertThat(both.status()).isEqualTo(200);
        assertThat(leadIdOf(both)).isEqualTo(earlier).isNotEqualTo(later);
    }

    private static String leadIdOf(Answer answer) {
        return answer.body().replaceAll(".*\"leadId\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void shouldTakeTheSameContactWithinTheWindowAsTheSameLead() throws Exception {
        String phone = LeadApi.uniquePhone();
        Answer first = post(LeadApi.form(phone, null, "URALS", null, false));
        String leadId = first.body().replaceAll(".*\"leadId\":\"([^\"]+)\".*", "$1");
        created.await(LeadCreated.class, e -> e.getLeadId().equals(leadId), Duration.ofSeconds(30));

        // the same phone typed another way, and at the same moment as a third post
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var again = pool.submit(() -> post(LeadApi.form("8 " + phone.substring(2), null, "URALS", null, false)));
        var once = pool.submit(() -> post(LeadApi.form(phone, null, "CENTRAL", 5, false)));
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

    private Answer post(String body) {
        return new LeadApi(port).post("/api/leads", body);
    }

    private Answer call(HttpMethod method, String path, String body) {
        return new LeadApi(port).call(method, path, body);
    }
}
