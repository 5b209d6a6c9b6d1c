package ru.moysklad.partners.gateway.security;

import java.util.List;

/**
 * The verified caller, as the gateway tells the services behind it. Whatever a client sends under
 * these names is removed first, so a service can trust them (services are reachable only through
 * the gateway).
 */
public final class CallerHeaders {

    public static final String SUBJECT = "X-Platform-Caller";
    public static final String ROLES = "X-Platform-Roles";
    public static final String PARTNER_ID = "X-Platform-Partner-Id";

    static final List<String> ALL = List.of(SUBJECT, ROLES, PARTNER_ID);

    private CallerHeaders() {
    }
}
