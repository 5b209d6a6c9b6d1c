package ru.moysklad.partners.gateway.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ru.moysklad.partners.gateway.access.AccessPolicy;
import ru.moysklad.partners.gateway.access.Audience;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the one the gateway serves. Paths do not collide
 * (each service owns its prefix); a schema name two services use for different shapes is renamed
 * {@code <service>_<Name>} in the later one, its references with it. Every operation is tagged with
 * its service and says who may call it; all but the public ones need the bearer token.
 */
final class OpenApiMerger {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String SCHEMAS_REF = "#/components/schemas/";
    static final String SECURITY_SCHEME = "bearer";

    private final AccessPolicy policy;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    OpenApiMerger(AccessPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param documents   each reachable service's document, by service name, in a stable order
     * @param unavailable services whose document could not be fetched
     */
    ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable, ObjectNode gatewayPaths) {
        ObjectNode merged = nodes.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "MoySklad partner platform");
        info.put("version", "v1");
        info.put("description", "Every service's API through the gateway, the only public entry. All operations but the "
                + "website lead form need a bearer token (OAuth2 JWT); each says who may call it in x-access.");
        merged.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode scheme = components.putObject("securitySchemes").putObject(SECURITY_SCHEME);
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "JWT");
        merged.putArray("security").addObject().putArray(SECURITY_SCHEME);

        documents.forEach((service, document) -> {
            ObjectNode tag = tags.addObject();
            tag.put("name", service);
            JsonNode description = document.path("info").path("description");
            if (description.isString() && !description.asString().isBlank()) {
                tag.put("description", description.asString());
            }
            Map<String, String> renamed = mergeSchemas(service, document.path("components").path("schemas"), schemas);
            JsonNode servicePaths = rewriteRefs(document.path("paths"), renamed);
            for (Map.Entry<String, JsonNode> path : servicePaths.properties()) {
                if (!path.getValue().isObject()) {
                    continue;
                }
                ObjectNode operations = (ObjectNode) path.getValue().deepCopy();
                describeAccess(path.getKey(), operations, service);
                paths.set(path.getKey(), operations);
            }
        });
        for (Map.Entry<String, JsonNode> path : gatewayPaths.properties()) {
            ObjectNode operations = (ObjectNode) path.getValue().deepCopy();
            describeAccess(path.getKey(), operations, "gateway");
            paths.set(path.getKey(), operations);
        }
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-unavailable");
            unavailable.forEach(missing::add);
            info.put("description", info.get("description").asString() + " Missing now (their service did not answer): "
                    + String.join(", ", unavailable) + ".");
        }
        return merged;
    }

    private Map<String, String> mergeSchemas(String service, JsonNode incoming, ObjectNode schemas) {
        Map<String, String> renamed = new HashMap<>();
        for (Map.Entry<String, JsonNode> schema : incoming.properties()) {
            JsonNode existing = schemas.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                renamed.put(schema.getKey(), service.replace("-service", "").replaceAll("[^A-Za-z0-9]", "") + "_" + schema.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> schema : incoming.properties()) {
            schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), rewriteRefs(schema.getValue(), renamed));
        }
        return renamed;
    }

    private JsonNode rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty() || node.isMissingNode()) {
            return node.isMissingNode() ? nodes.objectNode() : node;
        }
        if (node.isObject()) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (field.getKey().equals("$ref") && value.isString() && value.asString().startsWith(SCHEMAS_REF)) {
                    String name = value.asString().substring(SCHEMAS_REF.length());
                    copy.put("$ref", SCHEMAS_REF + renamed.getOrDefault(name, name));
                } else {
                    copy.set(field.getKey(), rewriteRefs(value, renamed));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            node.forEach(item -> copy.add(rewriteRefs(item, renamed)));
            return copy;
        }
        return node;
    }

    private void describeAccess(String path, ObjectNode operations, String service) {
        List<String> methods = new ArrayList<>();
        operations.propertyNames().forEach(methods::add);
        for (String method : methods) {
            if (!METHODS.contains(method) || !operations.get(method).isObject()) {
                continue;
            }
            ObjectNode operation = (ObjectNode) operations.get(method);
            Audience audience = policy.audienceOf(method.toUpperCase(Locale.ROOT), path);
            operation.put("x-access", audience.description());
            ArrayNode tags = operation.putArray("tags");
            tags.add(service);
            if (audience == Audience.PUBLIC) {
                operation.putArray("security");
            }
        }
    }
}
