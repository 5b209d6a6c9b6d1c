package ru.moysklad.partners.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The aggregated API documentation, merged from the stand-in services' documents (bonus's does not answer). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        GatewayTestSupport.configure(registry);
    }

    @Test
    void shouldMergeEveryServicesDocumentSayingWhoMayCallEachOperation() {
        JsonNode docs = get("/v3/api-docs");

        assertThat(docs.path("paths").has("/api/partners/{partnerId}")).isTrue();
        assertThat(docs.path("paths").has("/api/sales/payments")).isTrue();
        assertThat(docs.path("paths").has("/api/dashboard/stream")).isTrue();
        assertThat(docs.at("/paths/~1api~1partners~1{partnerId}/get/x-access").asString())
                .isEqualTo("vendor staff and the partner's own users");
        assertThat(docs.at("/paths/~1api~1sales~1payments/post/x-access").asString()).isEqualTo("the billing platform");
        assertThat(docs.at("/paths/~1api~1sales~1payments/post/tags/0").asString()).isEqualTo("sales-service");
        assertThat(docs.at("/paths/~1api~1leads/post/security").isArray()).isTrue();
        assertThat(docs.at("/paths/~1api~1leads/post/security").size()).as("the lead form needs no token").isZero();
        assertThat(docs.at("/components/securitySchemes/bearer/bearerFormat").asString()).isEqualTo("JWT");
    }

    @Test
    void shouldRenameASchemaTwoServicesShapeDifferentlyAndFollowItsReferences() {
        JsonNode docs = get("/v3/api-docs");

        assertThat(docs.at("/components/schemas/Problem/type").asString()).isEqualTo("object");
        assertThat(docs.at("/components/schemas/sales_Problem/properties/ruleId/type").asString()).isEqualTo("string");
        assertThat(docs.at("/paths/~1api~1sales~1payments/post/responses/400/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/sales_Problem");
        assertThat(docs.at("/components/schemas/Shared/type").asString()).isEqualTo("string");
    }

    @Test
    void shouldSayWhichServiceDidNotAnswer() {
        JsonNode docs = get("/v3/api-docs");

        assertThat(docs.path("x-unavailable").toString()).isEqualTo("[\"bonus-service\"]");
        assertThat(new GatewayHttp(port).call("GET", "/v3/api-docs/bonus", GatewayTestSupport.issuer.vendorStaff()).statusCode())
                .isEqualTo(503);
    }

    @Test
    void shouldServeOneServicesDocumentAsItPublishesIt() {
        assertThat(get("/v3/api-docs/lead").at("/info/title").asString()).isEqualTo("lead-service");
        assertThat(new GatewayHttp(port).call("GET", "/v3/api-docs/nothing", GatewayTestSupport.issuer.vendorStaff()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldShowTheDocumentationToSignedInCallersOnly() {
        assertThat(new GatewayHttp(port).call("GET", "/v3/api-docs", null).statusCode()).isEqualTo(401);
        assertThat(new GatewayHttp(port).call("GET", "/v3/api-docs", GatewayTestSupport.issuer.billingPlatform()).statusCode())
                .isEqualTo(200);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = new GatewayHttp(port).call("GET", path, GatewayTestSupport.issuer.partnerEmployee("p-1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
