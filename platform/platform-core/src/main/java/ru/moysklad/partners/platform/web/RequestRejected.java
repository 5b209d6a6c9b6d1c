package ru.moysklad.partners.platform.web;

import java.util.Map;
import java.util.TreeMap;

/**
 * A request the service understood and refuses: answered as problem+json with this status, and the
 * rule id that refused it (e.g. B9) when a program rule did.
 */
public class RequestRejected extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String ruleId;
    private final Map<String, String> errors;

    public RequestRejected(int status, String code, String title, String detail, String ruleId, Map<String, String> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.ruleId = ruleId;
        this.errors = errors == null ? Map.of() : new TreeMap<>(errors);
    }

    public static RequestRejected notFound(String what) {
        return new RequestRejected(404, "not-found", "Not found", what + " does not exist", null, null);
    }

    public static RequestRejected conflict(String code, String detail, String ruleId) {
        return new RequestRejected(409, code, "Conflict", detail, ruleId, null);
    }

    /** 400 naming each field at fault with what is wrong with it. */
    public static RequestRejected invalid(Map<String, String> problemsByField) {
        return new RequestRejected(400, "invalid-request", "Invalid request", "Invalid " + new TreeMap<>(problemsByField).keySet(),
                null, problemsByField);
    }

    /** 422: the request is well-formed but the rule named forbids it in the current state. */
    public static RequestRejected forbiddenByRule(String ruleId, String detail) {
        return new RequestRejected(422, "rule-" + ruleId, "Forbidden by rule " + ruleId, detail, ruleId, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String ruleId() {
        return ruleId;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
