package ru.moysklad.partners.gateway.access;

/**
 * What the gateway does with a request. A partner user asking about another partner gets
 * {@link Outcome#NOT_FOUND}, exactly as if that partner did not exist: the answer must not even
 * confirm that the partner is there.
 */
public record AccessDecision(Outcome outcome, String reason, String partnerId) {

    public enum Outcome { ALLOW, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND }

    static AccessDecision allow(String why) {
        return new AccessDecision(Outcome.ALLOW, why, null);
    }

    static AccessDecision unauthenticated(String why) {
        return new AccessDecision(Outcome.UNAUTHENTICATED, why, null);
    }

    static AccessDecision forbidden(String why) {
        return new AccessDecision(Outcome.FORBIDDEN, why, null);
    }

    static AccessDecision notFound(String partnerId) {
        return new AccessDecision(Outcome.NOT_FOUND, "partner " + partnerId + " does not exist", partnerId);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
