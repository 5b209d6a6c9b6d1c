package ru.moysklad.partners.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpServer;

/**
 * Plain HTTP servers standing in for the services behind the gateway: each answers with what it
 * saw (its name, the path, the caller headers), so a test can tell where a request went and what
 * reached it. They count requests, to prove a refused one never arrived.
 */
final class StandInServices {

    static final List<String> SERVICES = List.of("partner", "sales", "tier", "bonus", "lead");

    private static final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private static final AtomicInteger requests = new AtomicInteger();

    private StandInServices() {
    }

    static synchronized void register(DynamicPropertyRegistry registry) {
        for (String service : SERVICES) {
            HttpServer server = servers.computeIfAbsent(service, StandInServices::start);
            registry.add("platform.services." + service, () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    static int requestsSeen() {
        return requests.get();
    }

    /**
     * A small OpenAPI document per service: one operation under its prefix, a schema every service
     * shares unchanged and one ("Problem") whose shape differs in sales. bonus answers 503 instead.
     */
    private static String apiDocs(String service) {
        String path = switch (service) {
            case "partner" -> "\"/api/partners/{partnerId}\": {\"get\": {\"summary\": \"a partner\"}}";
            case "sales" -> "\"/api/sales/payments\": {\"post\": {\"summary\": \"a payment\", \"responses\": {\"400\": "
                    + "{\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}}}}}}}";
            case "lead" -> "\"/api/leads\": {\"post\": {\"summary\": \"the lead form\"}}";
            default -> "\"/api/" + service + "/x\": {\"get\": {\"summary\": \"x\"}}";
        };
        String problem = service.equals("sales") ? "{\"type\": \"object\", \"properties\": {\"ruleId\": {\"type\": \"string\"}}}"
                : "{\"type\": \"object\"}";
        return "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"" + service + "-service\", \"description\": \"the "
                + service + " service\"}, \"paths\": {" + path + "}, \"components\": {\"schemas\": {\"Problem\": " + problem
                + ", \"Shared\": {\"type\": \"string\"}}}}";
    }

    private static HttpServer start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v3/api-docs", exchange -> {
                byte[] bytes = apiDocs(service).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(service.equals("bonus") ? 503 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                String canned = DashboardData.forPath(exchange.getRequestURI().getPath());
                if (canned != null) {
                    byte[] bytes = canned.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                    return;
                }
                var headers = exchange.getRequestHeaders();
                String body = service + " saw " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " caller=" + headers.getFirst("X-Platform-Caller")
                        + " roles=" + headers.getFirst("X-Platform-Roles")
                        + " partner=" + headers.getFirst("X-Platform-Partner-Id")
                        + " correlation=" + headers.getFirst("X-Correlation-Id");
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                if (headers.getFirst("X-Correlation-Id") != null) {
                    // as every service answers (platform's CorrelationIdFilter)
                    exchange.getResponseHeaders().set("X-Correlation-Id", headers.getFirst("X-Correlation-Id"));
                }
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
