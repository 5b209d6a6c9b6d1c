package ru.moysklad.partners.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

/** The gateway in front of stand-in services: each path prefix reaches its own service, path intact. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

    private static final String[] SERVICES = {"partner", "sales", "tier", "bonus", "lead"};
    private static final HttpServer[] backends = new HttpServer[SERVICES.length];

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pointAtStandIns(DynamicPropertyRegistry registry) throws IOException {
        for (int i = 0; i < SERVICES.length; i++) {
            String service = SERVICES[i];
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = (exchange.getRequestURI().getPath().endsWith("/echo-correlation")
                        ? "correlation " + exchange.getRequestHeaders().getFirst("X-Correlation-Id")
                        : service + " saw " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            backends[i] = server;
            registry.add("platform.services." + service, () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stopStandIns() {
        for (HttpServer server : backends) {
            server.stop(0);
        }
    }

    @Test
    void shouldRouteEachApiPrefixToItsServiceWithThePathIntact() {
        assertThat(get("/api/partners/p-1")).isEqualTo("partner saw /api/partners/p-1");
        assertThat(get("/api/sales/sales?x=1")).isEqualTo("sales saw /api/sales/sales?x=1");
        assertThat(get("/api/tier/partners/p-1")).isEqualTo("tier saw /api/tier/partners/p-1");
        assertThat(get("/api/bonus/balance")).isEqualTo("bonus saw /api/bonus/balance");
        assertThat(get("/api/leads/l-1")).isEqualTo("lead saw /api/leads/l-1");
    }

    @Test
    void shouldPassTheCallersCorrelationIdOnAndReturnIt() {
        var response = RestClient.create().get().uri("http://localhost:" + port + "/api/sales/echo-correlation")
                .header("X-Correlation-Id", "lead-form-42").retrieve().toEntity(String.class);

        assertThat(response.getBody()).isEqualTo("correlation lead-form-42");
        assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("lead-form-42");
    }

    @Test
    void shouldReplaceAMissingOrMalformedCorrelationIdWithANewOne() {
        var response = RestClient.create().get().uri("http://localhost:" + port + "/api/sales/echo-correlation")
                .header("X-Correlation-Id", "<script>alert(1)</script> and more").retrieve().toEntity(String.class);

        String given = response.getHeaders().getFirst("X-Correlation-Id");
        assertThat(given).matches("[0-9a-f-]{36}");
        assertThat(response.getBody()).isEqualTo("correlation " + given);
    }

    @Test
    void shouldReportItsOwnHealth() {
        assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");
    }

    private String get(String path) {
        return RestClient.create().get().uri("http://localhost:" + port + path).retrieve().body(String.class);
    }
}
