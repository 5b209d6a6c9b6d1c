package ru.moysklad.partners.gateway.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import ru.moysklad.partners.gateway.access.AccessPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: every service's OpenAPI document merged, fetched afresh on each call
 * (services change with their deployments; the call is rare). {@code GET /v3/api-docs/<service>}:
 * one service's document as it publishes it.
 */
@RestController
class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);
    private static final List<String> SERVICES = List.of("partner", "sales", "tier", "bonus", "lead");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient http;
    private final Environment environment;
    private final JsonMapper json;
    private final OpenApiMerger merger;

    ApiDocsController(Environment environment, JsonMapper json, AccessPolicy policy) {
        this.http = WebClient.builder().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        this.environment = environment;
        this.json = json;
        this.merger = new OpenApiMerger(policy);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> merged() {
        return Flux.fromIterable(SERVICES)
                .flatMap(service -> fetch(service)
                        .map(document -> Tuples.of(service, document))
                        .onErrorResume(failure -> {
                            log.warn("API docs: {}-service did not answer ({})", service, failure.toString());
                            return Mono.just(Tuples.of(service, json.createObjectNode()));
                        }))
                .collectList()
                .map(this::merge);
    }

    @GetMapping(path = "/v3/api-docs/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> ofService(@PathVariable String service) {
        if (!SERVICES.contains(service)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No service named " + service + "; known: " + SERVICES));
        }
        return fetch(service).onErrorMap(failure -> !(failure instanceof ResponseStatusException),
                failure -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, service + "-service did not answer"));
    }

    private ObjectNode merge(List<Tuple2<String, JsonNode>> fetched) {
        Map<String, JsonNode> documents = new TreeMap<>();
        List<String> unavailable = new ArrayList<>();
        for (Tuple2<String, JsonNode> entry : fetched) {
            String name = entry.getT1() + "-service";
            if (entry.getT2().isEmpty()) {
                unavailable.add(name);
            } else {
                documents.put(name, entry.getT2());
            }
        }
        unavailable.sort(String::compareTo);
        return merger.merge(new LinkedHashMap<>(documents), unavailable, gatewayPaths());
    }

    private Mono<JsonNode> fetch(String service) {
        String base = environment.getRequiredProperty("platform.services." + service);
        return http.get().uri(base + "/v3/api-docs").retrieve().bodyToMono(String.class)
                .timeout(TIMEOUT)
                .map(body -> (JsonNode) json.readTree(body));
    }

    /** The gateway's own operation, the dashboards' stream, described by hand. */
    private ObjectNode gatewayPaths() {
        ObjectNode paths = json.createObjectNode();
        ObjectNode get = paths.putObject("/api/dashboard/stream").putObject("get");
        get.put("summary", "Live status changes and lead assignments (Server-Sent Events)");
        get.put("description", "Events named after their Avro record (PartnerStatusChanged, LeadAssigned), data the event as JSON, "
                + "id the stream position. Reconnect with Last-Event-ID (EventSource does it) to resume exactly after it; "
                + "'since' (ISO-8601) starts a new stream from a moment. Browsers may pass the token as access_token.");
        var parameters = get.putArray("parameters");
        parameter(parameters.addObject(), "Last-Event-ID", "header", "The id of the last event received");
        parameter(parameters.addObject(), "since", "query", "Start from this moment instead of now");
        parameter(parameters.addObject(), "access_token", "query", "The bearer token, for EventSource");
        get.putObject("responses").putObject("200").put("description", "text/event-stream");
        return paths;
    }

    private static void parameter(ObjectNode parameter, String name, String in, String description) {
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", false);
        parameter.put("description", description);
        parameter.putObject("schema").put("type", "string");
    }
}
