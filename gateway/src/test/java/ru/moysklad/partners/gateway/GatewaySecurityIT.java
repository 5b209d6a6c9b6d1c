package ru.moysklad.partners.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.moysklad.partners.devissuer.DevelopmentIssuer;
import ru.moysklad.partners.gateway.access.AccessPolicy;
import ru.moysklad.partners.gateway.access.AccessRule;
import ru.moysklad.partners.gateway.access.Audience;

/**
 * The gateway in front of stand-in services, trusting the development issuer: routing, the access
 * table on real tokens, token validation, and the caller passed on to the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySecurityIT {

    private static final DevelopmentIssuer issuer = GatewayTestSupport.issuer;

    private static final String OWN = UUID.randomUUID().toString();
    private static final String OTHER = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    @Autowired
    AccessPolicy policy;

    GatewayHttp http;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        GatewayTestSupport.configure(registry);
    }

    @BeforeEach
    void client() {
        http = new GatewayHttp(port);
    }

    @Test
    void shouldRouteEachApiPrefixToItsServiceWithThePathIntact() {
        String staff = issuer.vendorStaff();

        assertThat(http.call("GET", "/api/partners/p-1", staff).body()).startsWith("partner saw GET /api/partners/p-1 ");
        assertThat(http.call("GET", "/api/sales/compliance/flags?x=1", staff).body()).startsWith("sales saw GET /api/sales/compliance/flags?x=1 ");
        assertThat(http.call("GET", "/api/tier/partners/p-1", staff).body()).startsWith("tier saw GET /api/tier/partners/p-1 ");
        assertThat(http.call("GET", "/api/bonus/balance", staff).body()).startsWith("bonus saw GET /api/bonus/balance ");
        assertThat(http.call("GET", "/api/leads/l-1", staff).body()).startsWith("lead saw GET /api/leads/l-1 ");
    }

    @Test
    void shouldRefuseEveryNonPublicRouteToAnAnonymousCallerWith401() {
        int before = StandInServices.requestsSeen();
        int checked = 0;
        for (AccessRule rule : policy.rules()) {
            if (rule.audience() == Audience.PUBLIC) {
                continue;
            }
            String path = concrete(rule.path().pattern());
            for (String method : rule.method() == null ? new String[] {"GET", "POST", "PUT", "DELETE"} : new String[] {rule.method()}) {
                HttpResponse<String> response = http.call(method, path, null);

                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
                assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
                checked++;
            }
        }
        assertThat(http.call("GET", "/api/some/unlisted/path", null).statusCode()).isEqualTo(401);
        assertThat(checked).isGreaterThan(20);
        assertThat(StandInServices.requestsSeen()).as("no refused request reached a service").isEqualTo(before);
    }

    @Test
    void shouldLetAPartnerUserReadItsOwnPartnerButAnswer404ForAnother() {
        String admin = issuer.partnerAdmin(OWN);
        int before = StandInServices.requestsSeen();

        HttpResponse<String> other = http.call("GET", "/api/partners/" + OTHER, admin);
        HttpResponse<String> otherSales = http.call("GET", "/api/sales/partners/" + OTHER + "/summary", admin);

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("\"type\":\"urn:problem:partner-not-found\"").contains("partner " + OTHER + " does not exist");
        assertThat(otherSales.statusCode()).isEqualTo(404);
        assertThat(StandInServices.requestsSeen()).isEqualTo(before);

        HttpResponse<String> own = http.call("GET", "/api/partners/" + OWN, admin);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("partner saw GET /api/partners/" + OWN).contains("partner=" + OWN).contains("roles=partner-admin");
    }

    @Test
    void shouldAnswer403WhenTheRoleMayNotDoThatToItsOwnPartner() {
        HttpResponse<String> response = http.call("POST", "/api/partners/" + OWN + "/suspension", issuer.partnerEmployee(OWN), "{}", Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"type\":\"urn:problem:forbidden\"").contains("is for vendor staff");
    }

    @Test
    void shouldLetOnlyTheBillingPlatformPostPayments() {
        String payment = "{\"paymentId\":\"pay-1\"}";

        assertThat(http.call("POST", "/api/sales/payments", issuer.billingPlatform(), payment, Map.of()).body())
                .startsWith("sales saw POST /api/sales/payments").contains("roles=billing-platform");
        assertThat(http.call("POST", "/api/sales/payments", issuer.vendorStaff(), payment, Map.of()).statusCode()).isEqualTo(403);
        assertThat(http.call("POST", "/api/sales/payments", issuer.partnerAdmin(OWN), payment, Map.of()).statusCode()).isEqualTo(403);
        assertThat(http.call("GET", "/api/partners/" + OWN, issuer.billingPlatform()).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseTokensWithAWrongSignatureExpiredOrForAnotherAudienceOrIssuer() {
        String path = "/api/partners/" + OWN;
        String wrongKey = DevelopmentIssuer.withNewKey().vendorStaff();
        String expired = issuer.token("vendor-staff").issuedAt(Instant.now().minus(Duration.ofHours(2))).lifetime(Duration.ofHours(1)).sign();
        String otherAudience = issuer.token("vendor-staff").audience("another-system").sign();
        String otherIssuer = issuer.token("vendor-staff").issuer("https://somebody-else.example").sign();

        for (String token : new String[] {wrongKey, expired, otherAudience, otherIssuer, "not-a-jwt"}) {
            HttpResponse<String> response = http.call("GET", path, token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"type\":\"urn:problem:invalid-token\"").doesNotContain("Exception");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }
        assertThat(http.call("GET", path, expired).body()).contains("expired");
    }

    @Test
    void shouldReplaceCallerHeadersAClientTriesToSetItself() {
        HttpResponse<String> response = http.call("GET", "/api/partners/" + OWN, issuer.partnerEmployee(OWN), null,
                Map.of("X-Platform-Roles", "vendor-staff", "X-Platform-Partner-Id", OTHER, "X-Platform-Caller", "mallory"));

        assertThat(response.body()).contains("roles=partner-employee").contains("partner=" + OWN).doesNotContain("mallory");
    }

    @Test
    void shouldPassTheCallersCorrelationIdOnAndReturnIt() {
        HttpResponse<String> response = http.call("GET", "/api/sales/compliance/flags", issuer.vendorStaff(), null,
                Map.of("X-Correlation-Id", "lead-form-42"));

        assertThat(response.body()).contains("correlation=lead-form-42");
        assertThat(response.headers().allValues("X-Correlation-Id")).as("once, though the service behind answers it too")
                .containsExactly("lead-form-42");
    }

    @Test
    void shouldReplaceAMissingOrMalformedCorrelationIdWithANewOne() {
        HttpResponse<String> response = http.call("GET", "/api/sales/compliance/flags", issuer.vendorStaff(), null,
                Map.of("X-Correlation-Id", "<script>alert(1)</script> and more"));

        String given = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(given).matches("[0-9a-f-]{36}");
        assertThat(response.body()).contains("correlation=" + given);
    }

    @Test
    void shouldGiveRefusalsACorrelationIdToo() {
        assertThat(http.call("GET", "/api/partners/" + OWN, null).headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void shouldReportItsOwnHealthToAnyone() {
        HttpResponse<String> response = http.call("GET", "/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldAnswerAnUnknownPathAsProblemJson() {
        HttpResponse<String> response = http.call("GET", "/nowhere", issuer.vendorStaff());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private static String concrete(String pattern) {
        return pattern.replace("{partnerId}", OWN).replace("/**", "/x").replace("*", "x");
    }
}
