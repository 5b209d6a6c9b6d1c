package ru.moysklad.partners.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.jayway.jsonpath.Configuration;

/**
 * Drives every operation of a service's OpenAPI document with malformed and hostile requests —
 * wrong types, huge and odd strings, unicode, injection attempts, missing and unknown fields, bodies
 * that are not JSON — and reports each answer that is a server error or shows the service's insides
 * (a stack trace, SQL, a driver's message). Seeded: the same seed sends the same requests again.
 */
public final class ApiFuzzer {

    /** Odd and hostile strings: injections, traversal, control and invisible characters, scripts, sizes. */
    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "'; DROP TABLE partner; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)", "<script>alert(1)</script>",
            "../../../../etc/passwd", "%00", "\u0000", "nul\u0000byte", "\uD83D\uDE00\uD83D\uDE80", "Ω≈ç√∫˜µ≤≥÷", "مرحبا بالعالم",
            "\u202Eevil", "\r\nX-Injected: 1", "${jndi:ldap://example.invalid/a}", "{{7*7}}", "%2e%2e%2f", "Ünïcödé Строка",
            "", " ", "null", "NaN", "-1", "0", "99999999999999999999999", "1e309", "-9223372036854775809", "true", "[]", "{}",
            "\\", "\"", "'", "A".repeat(10_000), "ж".repeat(3_000), "\t\t", "2026-02-30", "2026-13-01T25:61:00Z", "P-1D");

    /** Marks of a service's insides in an answer; each counts only when the request did not carry the same text. */
    private static final Map<String, Pattern> LEAKS = Map.of(
            // no word boundary before "at": in a JSON string a stack trace's tab is written \t
            "a stack trace", Pattern.compile("at [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"),
            "an exception's class", Pattern.compile("\\b(java|javax|jakarta|org|com|tools|ru)\\.[\\w.]+(Exception|Error)\\b"),
            "SQL", Pattern.compile("(?i)\\b(select\\s[\\w*,\\s]+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from)\\b"),
            "a database message", Pattern.compile("(?i)(sqlstate|org\\.postgresql|psqlexception|duplicate key value|violates \\w+ constraint"
                    + "|syntax error at or near|bad sql grammar)"));

    /** The services' limit on a request line and its headers (Spring Boot's {@code server.max-http-request-header-size}, 8 KB). */
    private static final int REQUEST_LINE_LIMIT = 8 * 1024;
    /** Counted under this status: the connection closed on a request line beyond {@link #REQUEST_LINE_LIMIT}. */
    public static final int CLOSED_ON_OVERSIZE = 0;

    private final String baseUrl;
    private final Map<String, String> headers;
    private final Set<String> skipped;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param baseUrl the service, e.g. {@code http://localhost:8085}
     * @param headers sent with every request (e.g. the caller headers the gateway adds), values fuzzed too now and then
     * @param skipped  operations not to call, as {@code "POST /api/x"}: ones that take no input and only cost time
     */
    public ApiFuzzer(String baseUrl, Map<String, String> headers, Set<String> skipped) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
        this.skipped = Set.copyOf(skipped);
    }

    public record Finding(String request, int status, String why, String excerpt) {
    }

    /**
     * @param byStatus how many answers of each status; {@link #CLOSED_ON_OVERSIZE} counts requests whose request line was beyond
     *                 the servers' limit and whose connection closed before the client read the 400
     */
    public record Report(int requests, int operations, Map<Integer, Integer> byStatus, List<Finding> findings) {

        public long serverErrors() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }

        public String summary() {
            return requests + " requests over " + operations + " operations; answers by status " + byStatus + "; "
                    + serverErrors() + " server errors; " + findings.size() + " findings";
        }
    }

    /** Sends {@code requests} requests, going round every operation of the document at {@code /v3/api-docs}. */
    public Report run(int requests, long seed) throws IOException, InterruptedException {
        List<Operation> operations = operations();
        if (operations.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document at " + baseUrl + " names no operation");
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < requests; i++) {
            Operation operation = operations.get(i % operations.size());
            Sent sent = request(operation, random);
            HttpResponse<String> response;
            try {
                response = http.send(sent.request(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (sent.request().uri().toASCIIString().length() > REQUEST_LINE_LIMIT) {
                    // refused as it should be: the server answers 400 and closes, and the client, still sending, may see only the close
                    byStatus.merge(CLOSED_ON_OVERSIZE, 1, Integer::sum);
                } else {
                    findings.add(new Finding(sent.describe(), -1, "no answer: " + e, ""));
                }
                continue;
            }
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            String body = response.body() == null ? "" : response.body();
            if (response.statusCode() >= 500) {
                findings.add(new Finding(sent.describe(), response.statusCode(), "server error", excerpt(body)));
            }
            LEAKS.forEach((what, pattern) -> {
                var matcher = pattern.matcher(body);
                if (matcher.find() && !sent.carries(matcher.group())) {
                    findings.add(new Finding(sent.describe(), response.statusCode(), "shows " + what + ": " + matcher.group(), excerpt(body)));
                }
            });
        }
        return new Report(requests, operations.size(), byStatus, findings);
    }

    // --- the document ---

    private record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    private record Operation(String method, String path, List<Parameter> parameters, Map<String, Object> body) {
    }

    @SuppressWarnings("unchecked")
    private List<Operation> operations() throws IOException, InterruptedException {
        HttpRequest.Builder documentRequest = HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"));
        headers.forEach(documentRequest::header);
        String json = http.send(documentRequest.build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Object> document = (Map<String, Object>) Configuration.defaultConfiguration().jsonProvider().parse(json);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.getOrDefault("components", Map.of()))
                .getOrDefault("schemas", Map.of());
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Object>) document.getOrDefault("paths", Map.of())).forEach((path, item) ->
                ((Map<String, Object>) item).forEach((method, raw) -> {
                    if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        return;
                    }
                    Map<String, Object> operation = (Map<String, Object>) raw;
                    List<Parameter> parameters = new ArrayList<>();
                    for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                        Map<String, Object> parameter = (Map<String, Object>) p;
                        parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                                Boolean.TRUE.equals(parameter.get("required")),
                                resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()), schemas, 0)));
                    }
                    Map<String, Object> body = null;
                    Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
                    if (requestBody != null) {
                        Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
                        Map<String, Object> media = (Map<String, Object>) content.values().stream().findFirst().orElse(Map.of());
                        body = resolve((Map<String, Object>) media.getOrDefault("schema", Map.of()), schemas, 0);
                    }
                    if (!skipped.contains(method.toUpperCase(Locale.ROOT) + " " + path)) {
                        operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, parameters, body));
                    }
                }));
        return operations;
    }

    /** The schema with its references replaced by what they name, deep enough for request bodies. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
        if (depth > 6) {
            return Map.of("type", "string");
        }
        Object ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
            return resolve((Map<String, Object>) schemas.getOrDefault(name, Map.of("type", "object")), schemas, depth + 1);
        }
        Map<String, Object> resolved = new LinkedHashMap<>(schema);
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> each = new LinkedHashMap<>();
            properties.forEach((name, property) -> each.put((String) name, resolve((Map<String, Object>) property, schemas, depth + 1)));
            resolved.put("properties", each);
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            resolved.put("items", resolve((Map<String, Object>) items, schemas, depth + 1));
        }
        return resolved;
    }

    // --- the requests ---

    private record Sent(HttpRequest request, String method, String target, String body) {

        String describe() {
            return method + " " + target + (body == null ? "" : " " + excerpt(body));
        }

        /** Whether the request itself carried this text, so that an answer repeating it leaks nothing. */
        boolean carries(String text) {
            return target.contains(text) || decoded(target).contains(text) || (body != null && body.contains(text));
        }
    }

    private Sent request(Operation operation, Random random) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            if ("path".equals(parameter.in())) {
                path = path.replace("{" + parameter.name() + "}", encode(random.nextInt(3) == 0 ? "p-" + random.nextInt(1000)
                        : value(parameter.schema(), random, true).toString()));
            } else if ("query".equals(parameter.in()) && (parameter.required() || random.nextInt(3) > 0)) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.name())).append('=')
                        .append(encode(String.valueOf(value(parameter.schema(), random, true))));
            }
        }
        if (random.nextInt(8) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(encode(pick(random, HOSTILE))).append('=').append(encode(pick(random, HOSTILE)));
        }
        String target = path + query;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + target)).timeout(Duration.ofSeconds(30));
        headers.forEach((name, value) -> builder.header(name, random.nextInt(10) == 0 ? headerSafe(pick(random, HOSTILE)) : value));
        if (random.nextInt(10) == 0) {
            builder.header("X-Correlation-Id", headerSafe(pick(random, HOSTILE)));
        }
        String body = null;
        if (operation.body() != null || random.nextInt(10) == 0) {
            body = body(operation.body(), random);
            builder.header("Content-Type", random.nextInt(12) == 0 ? pick(random, List.of("text/plain", "application/xml",
                    "application/json; charset=latin1", "multipart/form-data")) : "application/json");
        }
        builder.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return new Sent(builder.build(), operation.method(), target, body);
    }

    private static String body(Map<String, Object> schema, Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return pick(random, List.of("", "not json", "{", "[]", "123", "null", "\"text\"", "{\"a\":}", "{\"a\": 1,}"));
            case 1:
                return "[".repeat(3_000) + "]".repeat(3_000);
            case 2:
                return "{\"nested\": " + "{\"a\": ".repeat(500) + "1" + "}".repeat(500) + "}";
            default:
                return json(value(schema == null ? Map.of("type", "object") : schema, random, false));
        }
    }

    /** A value for the schema: now and then a right one, more often a wrong type, an odd string, null or nothing. */
    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> schema, Random random, boolean scalar) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return pick(random, HOSTILE);
        }
        if (roll == 1 && !scalar) {
            return null;
        }
        if (roll == 2) {
            return pick(random, List.of(-1, 0, Long.MAX_VALUE, Integer.MIN_VALUE, 1.5, true, "abc"));
        }
        if (schema.get("enum") instanceof List<?> symbols && !symbols.isEmpty()) {
            return random.nextBoolean() ? symbols.get(random.nextInt(symbols.size())) : pick(random, HOSTILE);
        }
        String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
        switch (type) {
            case "integer":
                return pick(random, List.of(1, 7, 100, -5, 0, 2_147_483_648L, 30));
            case "number":
                return pick(random, List.of("0.01", "100", "-3.5", "120000.00", "1e10", "0"));
            case "boolean":
                return random.nextBoolean();
            case "array":
                List<Object> items = new ArrayList<>();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    items.add(value((Map<String, Object>) schema.getOrDefault("items", Map.of("type", "string")), random, false));
                }
                return scalar ? String.join(",", items.stream().map(String::valueOf).toList()) : items;
            case "object":
                if (scalar) {
                    return pick(random, HOSTILE);
                }
                Map<String, Object> object = new LinkedHashMap<>();
                ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((name, property) -> {
                    if (random.nextInt(6) > 0) {
                        object.put(name, value((Map<String, Object>) property, random, false));
                    }
                });
                if (random.nextInt(6) == 0) {
                    object.put(pick(random, HOSTILE), pick(random, HOSTILE));
                }
                return object;
            default:
                if ("date".equals(schema.get("format"))) {
                    return pick(random, List.of("2026-11-24", "2026-02-30", "24.11.2026", "9999-12-31"));
                }
                if ("date-time".equals(schema.get("format"))) {
                    return pick(random, List.of("2026-11-24T10:00:00Z", "2026-11-24", "yesterday", "+999999999-12-31T23:59:59Z"));
                }
                return random.nextBoolean() ? pick(random, HOSTILE) : "value-" + random.nextInt(100);
        }
    }

    /** JSON text of maps, lists, strings, numbers, booleans and nulls; strings escaped as JSON requires. */
    @SuppressWarnings("unchecked")
    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            ((Map<String, Object>) map).forEach((name, member) -> members.add(quote(name) + ":" + json(member)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(ApiFuzzer::json).toList()) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** HTTP headers carry printable ASCII only: the client refuses to send anything else. */
    private static String headerSafe(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?").strip();
        return cleaned.isEmpty() ? "x" : cleaned.length() > 500 ? cleaned.substring(0, 500) : cleaned;
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String excerpt(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** A target as the service read it; a malformed escape leaves the text as it is. */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
