package ru.moysklad.partners.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The fuzzer catches what it is there to catch: server errors and answers that show a service's insides. */
class ApiFuzzerTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/api/things/{thingId}": {"get": {"parameters": [{"name": "thingId", "in": "path", "required": true,
                                                                "schema": {"type": "string"}}]}},
              "/api/things": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}},
              "/api/slow": {"post": {}}},
             "components": {"schemas": {"Thing": {"type": "object", "properties": {"name": {"type": "string"}, "size": {"type": "integer"}}}}}}""";

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldReportServerErrorsAndLeakedStackTracesAndSqlButNotInputEchoedBack() throws Exception {
        start(exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.startsWith("/api/things/")) {
                // echoing the (hostile) id is no leak: the request carried it
                answer(exchange, 404, "{\"detail\": \"thing " + exchange.getRequestURI().getRawPath() + " does not exist\"}");
            } else if (body.contains("\"size\":7")) {
                answer(exchange, 500, "{\"detail\": \"oops\"}");
            } else {
                answer(exchange, 400, "{\"detail\": \"bad: org.postgresql.util.PSQLException: ERROR: syntax error at or near\\n"
                        + "\\tat ru.example.Things.add(Things.java:42)\"}");
            }
        });

        ApiFuzzer.Report report = new ApiFuzzer(url(), Map.of(), Set.of("POST /api/slow")).run(300, 7L);

        assertThat(report.operations()).isEqualTo(2);
        assertThat(report.requests()).isEqualTo(300);
        assertThat(report.serverErrors()).isPositive();
        assertThat(report.findings()).extracting(ApiFuzzer.Finding::why)
                .anyMatch(why -> why.equals("server error"))
                .anyMatch(why -> why.startsWith("shows a stack trace"))
                .anyMatch(why -> why.startsWith("shows a database message"))
                .noneMatch(why -> why.contains("thing"));
        assertThat(report.findings()).allMatch(finding -> finding.request().startsWith("POST /api/things"));
    }

    @Test
    void shouldFindNothingInAServiceThatRefusesBadInputPlainly() throws Exception {
        start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 400, "{\"detail\": \"Invalid request\"}");
        });

        ApiFuzzer.Report report = new ApiFuzzer(url(), Map.of("X-Caller", "test"), Set.of()).run(200, 11L);

        assertThat(report.findings()).isEmpty();
        assertThat(report.byStatus()).containsOnlyKeys(400);
        assertThat(report.summary()).contains("200 requests over 3 operations").contains("0 server errors");
    }

    @Test
    void shouldCountAConnectionClosedOnAnOversizeRequestLineAsARefusalAndAnyOtherAsAFinding() throws Exception {
        // as Tomcat may look to a client still sending: the connection closes before an answer is read
        start(HttpExchange::close);

        ApiFuzzer.Report report = new ApiFuzzer(url(), Map.of(), Set.of()).run(200, 11L);

        assertThat(report.byStatus()).containsKey(ApiFuzzer.CLOSED_ON_OVERSIZE);
        assertThat(report.findings()).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.why()).startsWith("no answer");
            assertThat(finding.request().length()).isLessThan(8 * 1024);
        });
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler api) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v3/api-docs")) {
                answer(exchange, 200, DOCUMENT);
            } else {
                api.handle(exchange);
            }
        });
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
