package ru.moysklad.partners.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public lead form through the gateway, counted in memory: no token needed, a rate limit per
 * client address (each test posts from its own address, as a proxy reports it), a size limit, the
 * honeypot and CORS for the vendor's site only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.lead-form.rate-limit.requests=3",
        "platform.lead-form.rate-limit.window=PT1M",
        "platform.lead-form.max-body-size=2KB",
        "platform.lead-form.allowed-origins=https://www.moysklad.ru",
        "server.forward-headers-strategy=framework"})
class LeadFormIT {

    static final String LEAD = "{\"company\":\"OOO Romashka\",\"phone\":\"+7 900 000-00-00\",\"homepage\":\"\"}";

    @LocalServerPort
    int port;

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
    void shouldPassALeadFromAnonymousVisitorsOnToLeadService() {
        HttpResponse<String> response = post("10.0.0.1", LEAD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("lead saw POST /api/leads").contains("caller=null");
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAnAddressIsOverItsLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("10.0.0.2", LEAD).statusCode()).isEqualTo(200);
        }
        int seen = StandInServices.requestsSeen();

        HttpResponse<String> refused = post("10.0.0.2", LEAD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(StandInServices.requestsSeen()).isEqualTo(seen);
        assertThat(post("10.0.0.3", LEAD).statusCode()).as("another address has its own limit").isEqualTo(200);
    }

    @Test
    void shouldRefuseAPostWhoseHoneypotIsFilledInNamingTheField() {
        HttpResponse<String> response = post("10.0.0.4", "{\"company\":\"Bot Ltd\",\"homepage\":\"http://spam.example\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"homepage\"").contains("must be empty");
    }

    @Test
    void shouldRefuseABodyOverTheSizeLimitWith413() {
        HttpResponse<String> response = post("10.0.0.5", "{\"comment\":\"" + "x".repeat(3000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 2048 bytes");
    }

    @Test
    void shouldRefuseABodyThatIsNotAJsonObject() {
        assertThat(post("10.0.0.6", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(post("10.0.0.6", "company=x").body()).contains("must be a JSON object");
    }

    @Test
    void shouldAllowTheVendorSiteButNoOtherOriginToPostFromABrowser() {
        HttpResponse<String> preflight = http.call("OPTIONS", "/api/leads", null, null, Map.of(
                "Origin", "https://www.moysklad.ru", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Content-Type"));
        HttpResponse<String> foreign = http.call("OPTIONS", "/api/leads", null, null, Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://www.moysklad.ru");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void shouldLetTheVendorSiteReadThePartnerDirectoryFromABrowserWithoutAToken() {
        HttpResponse<String> preflight = http.call("OPTIONS", "/api/directory", null, null, Map.of(
                "Origin", "https://www.moysklad.ru", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "If-None-Match"));
        HttpResponse<String> posting = http.call("OPTIONS", "/api/directory", null, null, Map.of(
                "Origin", "https://www.moysklad.ru", "Access-Control-Request-Method", "POST"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://www.moysklad.ru");
        assertThat(posting.statusCode()).isEqualTo(403);
        assertThat(http.call("GET", "/api/directory?region=URALS", null).statusCode()).isNotIn(401, 403);
    }

    @Test
    void shouldNotOpenOtherLeadRoutesToTheAnonymousPublic() {
        assertThat(http.call("GET", "/api/leads", null).statusCode()).isEqualTo(401);
        assertThat(http.call("POST", "/api/leads/l-1/acceptance", null, "{}", Map.of()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String clientAddress, String body) {
        return http.call("POST", "/api/leads", null, body, Map.of("X-Forwarded-For", clientAddress));
    }
}
