package ru.moysklad.partners.gateway.access;

import java.util.Optional;

/** One line of the access table: a method (or any, when null), a path template and who may call it. */
public record AccessRule(String method, PathTemplate path, Audience audience) {

    public AccessRule {
        if ((audience == Audience.PARTNER_USERS || audience == Audience.PARTNER_ADMINS) && !path.capturesPartner()) {
            throw new IllegalArgumentException(path.pattern() + " is for a partner's users but names no {partnerId}");
        }
    }

    Optional<PathTemplate.Match> match(String requestMethod, String requestPath) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        return path.match(requestPath);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + path.pattern() + " -> " + audience.description();
    }
}
