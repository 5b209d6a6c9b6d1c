package ru.moysklad.partners.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.partner.PartnerApi.Answer;
import ru.moysklad.partners.events.AccountManagerAssigned;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

class PartnerServiceIT extends ServiceStartsHealthy {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static EventProbe lifecycle;

    @BeforeAll
    static void listen() {
        lifecycle = EventProbe.on(Topic.PARTNER_LIFECYCLE);
    }

    @AfterAll
    static void stopListening() {
        lifecycle.close();
    }

    @Test
    void shouldRegisterAnApplicantAndAnnounceItWithItsRegionsAccountManager() {
        String taxId = newInn();
        Answer created = call("POST", "/api/partners", registration("RU", "VOLGA", taxId));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).startsWith("/api/partners/");
        String partnerId = created.location().substring("/api/partners/".length());
        assertThat(created.body()).contains("\"accountManagerId\":\"am-east\"").contains("\"region\":\"VOLGA\"");

        PartnerRegistered registered = lifecycle.await(PartnerRegistered.class, e -> e.getPartnerId().equals(partnerId), WAIT);
        assertThat(registered.getTaxId()).isEqualTo(taxId);
        assertThat(registered.getAccountManagerId()).isEqualTo("am-east");
        AccountManagerAssigned assigned = lifecycle.await(AccountManagerAssigned.class, e -> e.getPartnerId().equals(partnerId), WAIT);
        assertThat(assigned.getByRegionTable()).isTrue();
        assertThat(call("GET", "/api/partners/" + partnerId, null).body()).contains(taxId);
    }

    @Test
    void shouldCarryTheRequestsCorrelationIdIntoTheEventsItCauses() {
        var response = RestClient.create().post().uri("http://localhost:" + port + "/api/partners")
                .header("X-Correlation-Id", "signup-form-7").contentType(MediaType.APPLICATION_JSON)
                .body(registration("RU", "CENTRAL", newInn())).retrieve().toEntity(String.class);
        String partnerId = response.getHeaders().getLocation().toString().substring("/api/partners/".length());

        assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("signup-form-7");
        assertThat(lifecycle.await(PartnerRegistered.class, e -> e.getPartnerId().equals(partnerId), WAIT).getCorrelationId())
                .isEqualTo("signup-form-7");
        assertThat(lifecycle.records()).filteredOn(record -> partnerId.equals(record.key())).allSatisfy(record ->
                assertThat(new String(record.headers().lastHeader("correlation-id").value())).isEqualTo("signup-form-7"));
    }

    @Test
    void shouldAnswer409ForATaxIdAlreadyRegisteredInTheCountry() {
        String taxId = newInn();
        assertThat(call("POST", "/api/partners", registration("RU", "CENTRAL", taxId)).status()).isEqualTo(201);

        Answer duplicate = call("POST", "/api/partners", registration("RU", "SOUTHERN", taxId));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).isEqualTo("application/problem+json");
        assertThat(duplicate.body()).contains("\"field\":\"taxId\"").contains("already registered");
    }

    @Test
    void shouldAnswer400NamingEveryInvalidField() {
        Answer invalid = call("POST", "/api/partners", """
                {"legalName": "OOO Romashka", "taxId": "7707083894", "country": "RU", "region": "MOSCOW",
                 "administratorName": "Ivan", "administratorEmail": "nope", "website": "javascript:alert(1)"}""");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).isEqualTo("application/problem+json");
        assertThat(invalid.body()).contains("\"field\":\"taxId\"").contains("check digits")
                .contains("\"field\":\"region\"").contains("\"field\":\"administratorEmail\"").contains("\"field\":\"website\"");
        assertThat(call("POST", "/api/partners", "{\"legalName\": 5, \"taxId\": [}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/partners", "{}").body()).contains("\"field\":\"legalName\"").contains("\"field\":\"taxId\"");
    }

    @Test
    void shouldAnswer404ForAnUnknownPartner() {
        Answer missing = call("POST", "/api/partners/nobody/onboarding/program-acknowledgement", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("partner nobody does not exist");
        assertThat(call("GET", "/api/partners/nobody/onboarding", null).status()).isEqualTo(404);
    }

    @Test
    void shouldWalkARussianPartnerThroughOnboardingAndAnnounceEachFact() {
        String partnerId = register("RU", "URALS", newInn());

        assertThat(call("GET", "/api/partners/" + partnerId + "/onboarding", null).body())
                .contains("\"ruleId\":\"S1\",\"requirement\":\"read and acknowledge the partner program\",\"done\":false");
        call("POST", "/api/partners/" + partnerId + "/onboarding/program-acknowledgement", null);
        call("POST", "/api/partners/" + partnerId + "/onboarding/offer-acceptance", null);
        call("POST", "/api/partners/" + partnerId + "/onboarding/training", "{\"employee\": \"Anna Sidorova\"}");
        Answer last = call("POST", "/api/partners/" + partnerId + "/onboarding/website-verification",
                "{\"url\": \"https://romashka.ru/moysklad\"}");

        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body()).contains("\"ruleId\":\"S1\",\"requirement\":\"read and acknowledge the partner program\",\"done\":true")
                .contains("\"ruleId\":\"S2\"").contains("no employee is marked as selling yet")
                .contains("\"ruleId\":\"P2\"");
        for (String rule : List.of("S1", "S3", "P1", "P2")) {
            PartnerQualificationChanged fact = lifecycle.await(PartnerQualificationChanged.class,
                    e -> e.getPartnerId().equals(partnerId) && e.getRuleId().equals(rule), WAIT);
            assertThat(fact.getMet()).isTrue();
        }
        call("POST", "/api/partners/" + partnerId + "/onboarding/program-acknowledgement", null);
        assertThat(lifecycle.all(PartnerQualificationChanged.class,
                e -> e.getPartnerId().equals(partnerId) && e.getRuleId().equals("S1")))
                .as("acknowledging again announces nothing new").hasSize(1);
    }

    @Test
    void shouldRefuseThePublicOfferToAKazakhPartnerWithTheRuleAndAcceptItsSignedContract() {
        String partnerId = register("KZ", null, String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L));

        Answer refused = call("POST", "/api/partners/" + partnerId + "/onboarding/offer-acceptance", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"ruleId\":\"S3\"").contains("sign a contract");

        Answer signed = call("POST", "/api/partners/" + partnerId + "/onboarding/signed-contract",
                "{\"contractReference\": \"KZ-2026/17\"}");
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body()).contains("\"ruleId\":\"S3\",\"requirement\":\"a contract signed with the vendor (KZ)\",\"done\":true");
    }

    @Test
    void shouldReassignTheAccountManagerAndAnnounceThePreviousOne() {
        String partnerId = register("RU", "CENTRAL", newInn());

        Answer reassigned = call("PUT", "/api/partners/" + partnerId + "/account-manager", "{\"accountManagerId\": \"am-key-accounts\"}");

        assertThat(reassigned.body()).contains("\"accountManagerId\":\"am-key-accounts\"");
        AccountManagerAssigned event = lifecycle.await(AccountManagerAssigned.class,
                e -> e.getPartnerId().equals(partnerId) && !e.getByRegionTable(), WAIT);
        assertThat(event.getPreviousAccountManagerId()).isEqualTo("am-west");
    }

    @Test
    void shouldLoseNoneOfManyConcurrentUpdatesOfOnePartner() throws Exception {
        String partnerId = register("RU", "SIBERIAN", newInn());
        List<Callable<Integer>> updates = new ArrayList<>();
        updates.add(() -> call("POST", "/api/partners/" + partnerId + "/onboarding/program-acknowledgement", null).status());
        updates.add(() -> call("POST", "/api/partners/" + partnerId + "/onboarding/offer-acceptance", null).status());
        updates.add(() -> call("POST", "/api/partners/" + partnerId + "/onboarding/training", "{\"employee\": \"Anna\"}").status());
        updates.add(() -> call("POST", "/api/partners/" + partnerId + "/onboarding/website-verification",
                "{\"url\": \"https://romashka.ru\"}").status());
        updates.add(() -> call("PUT", "/api/partners/" + partnerId + "/account-manager", "{\"accountManagerId\": \"am-9\"}").status());

        ExecutorService pool = Executors.newFixedThreadPool(updates.size());
        try {
            for (Future<Integer> status : pool.invokeAll(updates)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(call("GET", "/api/partners/" + partnerId + "/onboarding", null).body())
                .contains("\"ruleId\":\"S1\",\"requirement\":\"read and acknowledge the partner program\",\"done\":true")
                .contains("\"ruleId\":\"S3\",\"requirement\":\"the public offer accepted\",\"done\":true")
                .contains("\"ruleId\":\"P1\",\"requirement\":\"an employee trained in the vendor's training centre\",\"done\":true")
                .contains("\"ruleId\":\"P2\",\"requirement\":\"current information about the service on the partner's website\",\"done\":true");
        assertThat(call("GET", "/api/partners/" + partnerId, null).body())
                .contains("\"accountManagerId\":\"am-9\"").contains("\"version\":5");
    }

    @Test
    void shouldMeetS2OnceEverySellingEmployeePassedAndAnnounceEmployeesWithoutPersonalData() {
        String partnerId = register("RU", "VOLGA", newInn());
        Answer anna = call("POST", "/api/partners/" + partnerId + "/employees",
                "{\"name\": \"Anna Sidorova\", \"email\": \"anna@romashka.ru\", \"selling\": true}");
        assertThat(anna.status()).isEqualTo(201);
        String annaId = anna.location().substring(anna.location().lastIndexOf('/') + 1);
        assertThat(call("POST", "/api/partners/" + partnerId + "/employees",
                "{\"name\": \"Anna Twin\", \"email\": \"ANNA@romashka.ru\", \"selling\": false}").status()).isEqualTo(409);

        Answer failed = call("POST", "/api/partners/" + partnerId + "/employees/" + annaId + "/test-attempts", "{\"score\": 70}");
        assertThat(failed.body()).contains("\"passed\":false").contains("\"bestScore\":70");
        Answer passed = call("POST", "/api/partners/" + partnerId + "/employees/" + annaId + "/test-attempts", "{\"score\": 85}");
        assertThat(passed.body()).contains("\"passed\":true").contains("\"attempts\":2");
        assertThat(call("POST", "/api/partners/" + partnerId + "/employees/" + annaId + "/test-attempts", "{\"score\": 101}").body())
                .contains("\"field\":\"score\"");

        var added = lifecycle.await(ru.moysklad.partners.events.EmployeeAdded.class, e -> e.getPartnerId().equals(partnerId), WAIT);
        assertThat(added.getSelling()).isTrue();
        assertThat(added.toString()).doesNotContain("anna@romashka.ru").doesNotContain("Sidorova");
        PartnerQualificationChanged s2 = lifecycle.await(PartnerQualificationChanged.class,
                e -> e.getPartnerId().equals(partnerId) && e.getRuleId().equals("S2"), WAIT);
        assertThat(s2.getMet()).isTrue();
        assertThat(call("GET", "/api/partners/" + partnerId + "/onboarding", null).body())
                .contains("\"ruleId\":\"S2\",\"requirement\":\"every employee who will sell passed the program test\",\"done\":true");

        Answer deactivated = call("POST", "/api/partners/" + partnerId + "/employees/" + annaId + "/deactivation", null);
        assertThat(deactivated.body()).contains("\"active\":false");
        lifecycle.await(ru.moysklad.partners.events.EmployeeDeactivated.class, e -> e.getPartnerId().equals(partnerId), WAIT);
        lifecycle.await(PartnerQualificationChanged.class,
                e -> e.getPartnerId().equals(partnerId) && e.getRuleId().equals("S2") && !e.getMet(), WAIT);
        assertThat(call("POST", "/api/partners/" + partnerId + "/employees/" + annaId + "/test-attempts", "{\"score\": 90}").body())
                .contains("\"ruleId\":\"S2\"").contains("deactivated");
        assertThat(call("GET", "/api/partners/" + partnerId + "/employees/nobody", null).status()).isEqualTo(404);
    }

    @Test
    void shouldSuspendWithAReasonRevokeBillingAccessKeepAnAuditTrailAndReinstate() {
        String partnerId = register("RU", "NORTH_WESTERN", newInn());
        Answer employee = call("POST", "/api/partners/" + partnerId + "/employees",
                "{\"name\": \"Boris\", \"email\": \"boris@romashka.ru\", \"selling\": false}");
        String employeeId = employee.location().substring(employee.location().lastIndexOf('/') + 1);
        assertThat(call("POST", "/api/partners/" + partnerId + "/employees/" + employeeId + "/billing-access-request", null).body())
                .contains("\"billingAccess\":\"REQUESTED\"");
        assertThat(call("POST", "/api/partners/" + partnerId + "/employees/" + employeeId + "/billing-access-decision",
                "{\"decision\": \"GRANT\", \"by\": \"staff-anna\", \"reason\": \"pays the invoices\"}").body())
                .contains("\"billingAccess\":\"GRANTED\"");
        var granted = lifecycle.await(ru.moysklad.partners.events.BillingAccessGranted.class,
                e -> e.getPartnerId().equals(partnerId) && employeeId.equals(e.getEmployeeId()), WAIT);
        assertThat(granted.getGrantedBy()).isEqualTo("staff-anna");
        assertThat(call("GET", "/api/partners/" + partnerId + "/employees", null).body())
                .startsWith("[").contains("\"employeeId\":\"" + employeeId + "\"");

        assertThat(call("POST", "/api/partners/" + partnerId + "/suspension", "{\"by\": \"staff-oleg\"}").body())
                .contains("\"field\":\"reason\"");
        Answer suspended = call("POST", "/api/partners/" + partnerId + "/suspension",
                "{\"by\": \"staff-oleg\", \"reason\": \"sold demo access\"}");
        assertThat(suspended.body()).contains("\"suspended\":true").contains("\"administratorBillingAccess\":false");

        lifecycle.await(ru.moysklad.partners.events.PartnerSuspended.class,
                e -> e.getPartnerId().equals(partnerId) && e.getReason().equals("sold demo access"), WAIT);
        assertThat(lifecycleRevocations(partnerId)).hasSize(2);
        assertThat(call("POST", "/api/partners/" + partnerId + "/employees/" + employeeId + "/billing-access-request", null).body())
                .contains("\"ruleId\":\"C2\"");
        assertThat(call("POST", "/api/partners/" + partnerId + "/suspension",
                "{\"by\": \"staff-oleg\", \"reason\": \"again\"}").status()).isEqualTo(422);

        Answer reinstated = call("POST", "/api/partners/" + partnerId + "/reinstatement",
                "{\"by\": \"staff-irina\", \"reason\": \"stopped dumping prices\"}");
        assertThat(reinstated.body()).contains("\"suspended\":false").contains("\"administratorBillingAccess\":true");
        lifecycle.await(ru.moysklad.partners.events.PartnerReinstated.class, e -> e.getPartnerId().equals(partnerId), WAIT);

        assertThat(call("GET", "/api/partners/" + partnerId + "/audit", null).body())
                .contains("\"actor\":\"staff-anna\"")
                .contains("\"actor\":\"staff-oleg\",\"action\":\"suspended (C2)\",\"reason\":\"sold demo access\"")
                .contains("\"actor\":\"staff-irina\",\"action\":\"reinstated (C2)\"");
    }

    @Test
    void shouldAnnounceLeadPreferencesAtRegistrationAndOnChange() {
        String partnerId = register("RU", "SOUTHERN", newInn());
        var initial = lifecycle.await(ru.moysklad.partners.events.LeadPreferencesChanged.class,
                e -> e.getPartnerId().equals(partnerId), WAIT);
        assertThat(initial.getRegionsServed()).containsExactly("SOUTHERN");
        assertThat(initial.getMaxOpenLeads()).isEqualTo(10);

        Answer changed = call("PUT", "/api/partners/" + partnerId + "/lead-preferences",
                "{\"regionsServed\": [\"SOUTHERN\", \"NORTH_CAUCASIAN\", \"CRIMEA\"], \"maxOpenLeads\": 3}");

        assertThat(changed.body()).contains("\"maxOpenLeads\":3");
        lifecycle.await(ru.moysklad.partners.events.LeadPreferencesChanged.class,
                e -> e.getPartnerId().equals(partnerId) && e.getMaxOpenLeads() == 3, WAIT);
        assertThat(call("PUT", "/api/partners/" + partnerId + "/lead-preferences",
                "{\"regionsServed\": [\"MARS\"], \"maxOpenLeads\": 3}").body()).contains("\"field\":\"regionsServed\"");
    }

    private List<ru.moysklad.partners.events.BillingAccessRevoked> lifecycleRevocations(String partnerId) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> lifecycle.all(ru.moysklad.partners.events.BillingAccessRevoked.class,
                e -> e.getPartnerId().equals(partnerId)).size() >= 2);
        return lifecycle.all(ru.moysklad.partners.events.BillingAccessRevoked.class, e -> e.getPartnerId().equals(partnerId));
    }

    @Test
    void shouldServeItsOpenApiDocument() {
        Answer docs = call("GET", "/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("\"title\":\"partner-service\"")
                .contains("/api/partners/{partnerId}/onboarding/offer-acceptance");
    }

    private String register(String country, String region, String taxId) {
        return new PartnerApi(port).register(country, region, taxId);
    }

    private static String registration(String country, String region, String taxId) {
        return PartnerApi.registration(country, region, taxId);
    }

    private static String newInn() {
        return PartnerApi.newInn();
    }

    private Answer call(String method, String path, String body) {
        return new PartnerApi(port).call(method, path, body);
    }
}
