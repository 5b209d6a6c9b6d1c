package ru.moysklad.partners.gateway.access;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's access table: the first rule matching a request's method and path says who may
 * call it; a path no rule names is for vendor staff only, so a new endpoint is closed until it is
 * listed here on purpose. Partner-scoped paths that only staff may use are listed too, so that
 * another partner's user gets 404 there as everywhere, and the partner's own users 403.
 */
public final class AccessPolicy {

    private static final AccessRule FALLBACK = new AccessRule(null, PathTemplate.of("/**"), Audience.VENDOR_STAFF);

    private final List<AccessRule> rules;

    private AccessPolicy(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The platform's table. Each service's endpoints, most specific first. */
    public static AccessPolicy platform() {
        return builder()
                // the website's lead form, partner directory and what each status gives, the gateway's
                // own health, and the dashboard page's files (its data needs a vendor staff token)
                .rule("POST", "/api/leads", Audience.PUBLIC)
                .rule("GET", "/api/directory", Audience.PUBLIC)
                .rule("GET", "/api/tier/benefits", Audience.PUBLIC)
                .rule("GET", "/dashboard/**", Audience.PUBLIC)
                .rule("GET", "/actuator/health/**", Audience.PUBLIC)
                .rule("GET", "/actuator/info", Audience.PUBLIC)

                // the API documentation: anyone signed in may read how to call the platform
                .rule("GET", "/v3/api-docs/**", Audience.SIGNED_IN)

                // partner-service (issue 4): staff run the programme; a partner reads itself and its
                // administrator completes the partner's own onboarding steps and manages its people
                .rule("POST", "/api/partners", Audience.VENDOR_STAFF)
                .rule("GET", "/api/partners/{partnerId}", Audience.PARTNER_USERS)
                .rule("GET", "/api/partners/{partnerId}/onboarding", Audience.PARTNER_USERS)
                .rule("POST", "/api/partners/{partnerId}/onboarding/program-acknowledgement", Audience.PARTNER_ADMINS)
                .rule("POST", "/api/partners/{partnerId}/onboarding/offer-acceptance", Audience.PARTNER_ADMINS)
                .rule("PUT", "/api/partners/{partnerId}/lead-preferences", Audience.PARTNER_ADMINS)
                .rule("GET", "/api/partners/{partnerId}/employees", Audience.PARTNER_USERS)
                .rule("POST", "/api/partners/{partnerId}/employees", Audience.PARTNER_ADMINS)
                .rule("GET", "/api/partners/{partnerId}/employees/*", Audience.PARTNER_USERS)
                .rule("POST", "/api/partners/{partnerId}/employees/*/deactivation", Audience.PARTNER_ADMINS)
                .rule("POST", "/api/partners/{partnerId}/employees/*/billing-access-request", Audience.PARTNER_USERS)
                .rule(null, "/api/partners/{partnerId}/**", Audience.VENDOR_STAFF)

                // sales-service (issue 5): sales come only from the billing platform; a partner sees
                // its own figures, quotes and attachments
                .rule("POST", "/api/sales/payments", Audience.BILLING_PLATFORM)
                .rule("POST", "/api/sales/refunds", Audience.BILLING_PLATFORM)
                .rule("POST", "/api/sales/partners/{partnerId}/quote", Audience.PARTNER_USERS)
                .rule("GET", "/api/sales/partners/{partnerId}/**", Audience.PARTNER_USERS)
                .rule("PUT", "/api/sales/partners/{partnerId}/client-accounts/*/attachment", Audience.PARTNER_ADMINS)
                .rule(null, "/api/sales/partners/{partnerId}/**", Audience.VENDOR_STAFF)

                // bonus-service: a partner's users claim marketing activities and see their own points, its
                // administrator spends them; staff decide claims, log activities directly and see every partner's
                .rule("POST", "/api/bonus/partners/{partnerId}/activity-claims", Audience.PARTNER_USERS)
                .rule("POST", "/api/bonus/partners/{partnerId}/redemptions", Audience.PARTNER_ADMINS)
                .rule("GET", "/api/bonus/partners/{partnerId}/**", Audience.PARTNER_USERS)
                .rule(null, "/api/bonus/partners/{partnerId}/**", Audience.VENDOR_STAFF)
                .rule("GET", "/api/bonus/activity-types", Audience.SIGNED_IN)
                .rule("GET", "/api/bonus/rewards", Audience.SIGNED_IN)

                // tier-service: a partner sees its own status and progress
                .rule("GET", "/api/tier/partners/{partnerId}/**", Audience.PARTNER_USERS)
                .rule(null, "/api/tier/partners/{partnerId}/**", Audience.VENDOR_STAFF)

                // lead-service: a partner's users see the leads assigned to it and answer them; staff see
                // every lead whole, the vendor's queue and the funnel
                .rule("GET", "/api/leads/partners/{partnerId}", Audience.PARTNER_USERS)
                .rule("POST", "/api/leads/partners/{partnerId}/*/acceptance", Audience.PARTNER_USERS)
                .rule("POST", "/api/leads/partners/{partnerId}/*/decline", Audience.PARTNER_USERS)
                .rule("POST", "/api/leads/partners/{partnerId}/*/outcome", Audience.PARTNER_USERS)
                .rule(null, "/api/leads/partners/{partnerId}/**", Audience.VENDOR_STAFF)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<AccessRule> rules() {
        return rules;
    }

    public AccessDecision decide(String method, String path, Caller caller) {
        for (AccessRule rule : rules) {
            var match = rule.match(method, path);
            if (match.isPresent()) {
                return decide(rule, match.get().partnerId().orElse(null), caller);
            }
        }
        return decide(FALLBACK, null, caller);
    }

    /** Who may call this method and path: what the API documentation tells its readers. */
    public Audience audienceOf(String method, String path) {
        return rules.stream().filter(rule -> rule.match(method, path).isPresent()).findFirst().orElse(FALLBACK).audience();
    }

    private static AccessDecision decide(AccessRule rule, String partnerId, Caller caller) {
        Audience audience = rule.audience();
        if (audience == Audience.PUBLIC) {
            return AccessDecision.allow(rule.toString());
        }
        if (caller.isAnonymous()) {
            return AccessDecision.unauthenticated("this API needs a bearer token");
        }
        if (caller.has(Role.VENDOR_STAFF) && audience != Audience.BILLING_PLATFORM) {
            return AccessDecision.allow(rule.toString());
        }
        if (partnerId != null && caller.roles().stream().anyMatch(Role::isPartnerUser) && !caller.belongsTo(partnerId)) {
            // never confirm that another partner exists, whatever the route would have allowed
            return AccessDecision.notFound(partnerId);
        }
        boolean allowed = switch (audience) {
            case SIGNED_IN -> true;
            case BILLING_PLATFORM -> caller.has(Role.BILLING_PLATFORM);
            case PARTNER_USERS -> caller.belongsTo(partnerId);
            case PARTNER_ADMINS -> caller.belongsTo(partnerId) && caller.has(Role.PARTNER_ADMIN);
            default -> false;
        };
        return allowed ? AccessDecision.allow(rule.toString())
                : AccessDecision.forbidden(rule.method() == null ? "this API is for " + audience.description()
                        : rule.method() + " " + rule.path().pattern() + " is for " + audience.description());
    }

    public static final class Builder {

        private final List<AccessRule> rules = new ArrayList<>();

        public Builder rule(String method, String pattern, Audience audience) {
            rules.add(new AccessRule(method, PathTemplate.of(pattern), audience));
            return this;
        }

        public AccessPolicy build() {
            return new AccessPolicy(rules);
        }
    }
}
