package ru.moysklad.partners.platform.web;

/**
 * A request the service understood and refuses: answered as problem+json with this status, and the
 * rule id that refused it (e.g. B9) when a program rule did.
 */
public class RequestRejected extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String ruleId;
    private final String field;

    public RequestRejected(int status, String code, String title, String detail, String ruleId, String field) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.ruleId = ruleId;
        this.field = field;
    }

    public static RequestRejected notFound(String what) {
        return new RequestRejected(404, "not-found", "Not found", what + " does not exist", null, null);
    }

    public static RequestRejected conflict(String code, String detail, String ruleId) {
        return new RequestRejected(409, code, "Conflict", detail, ruleId, null);
    }

    public static RequestRejected invalid(String field, String detail) {
        return new RequestRejected(400, "invalid-request", "Invalid request", detail, null, field);
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

    public String field() {
        return field;
    }
}
