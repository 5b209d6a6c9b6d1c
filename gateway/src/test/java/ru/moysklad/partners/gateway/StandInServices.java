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

    private static HttpServer start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                var headers = exchange.getRequestHeaders();
                String body = service + " saw " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " caller=" + headers.getFirst("X-Platform-Caller")
                        + " roles=" + headers.getFirst("X-Platform-Roles")
                        + " partner=" + headers.getFirst("X-Platform-Partner-Id")
                        + " correlation=" + headers.getFirst("X-Correlation-Id");
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
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
