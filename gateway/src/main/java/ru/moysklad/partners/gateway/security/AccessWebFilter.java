package ru.moysklad.partners.gateway.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import ru.moysklad.partners.gateway.web.Problems;
import ru.moysklad.partners.gateway.access.AccessDecision;
import ru.moysklad.partners.gateway.access.AccessPolicy;
import ru.moysklad.partners.gateway.access.Caller;
import ru.moysklad.partners.gateway.access.Role;

/**
 * Applies the {@link AccessPolicy} to every request once its token (if any) is verified, and passes
 * the caller on to the service in {@link CallerHeaders}.
 */
class AccessWebFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessWebFilter.class);

    private final AccessPolicy policy;
    private final SecurityProperties properties;
    private final Problems problems;

    AccessWebFilter(AccessPolicy policy, SecurityProperties properties, Problems problems) {
        this.policy = policy;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> callerOf(((JwtAuthenticationToken) authentication).getToken()))
                .defaultIfEmpty(Caller.ANONYMOUS)
                .flatMap(caller -> {
                    String method = exchange.getRequest().getMethod().name();
                    String path = exchange.getRequest().getPath().pathWithinApplication().value();
                    AccessDecision decision = policy.decide(method, path, caller);
                    if (decision.allowed()) {
                        return chain.filter(withCallerHeaders(exchange, caller));
                    }
                    log.info("Refused {} {} for {}: {} ({})", method, path,
                            caller.isAnonymous() ? "an anonymous caller" : caller.subject(), decision.outcome(), decision.reason());
                    return problems.write(exchange, problemFor(exchange, decision));
                });
    }

    private Caller callerOf(Jwt jwt) {
        List<String> claimed = jwt.getClaimAsStringList(properties.rolesClaim());
        Set<Role> roles = claimed == null ? Set.of() : claimed.stream()
                .flatMap(value -> Role.fromClaim(value).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return Caller.of(jwt.getSubject() == null ? "unnamed" : jwt.getSubject(), roles, jwt.getClaimAsString(properties.partnerClaim()));
    }

    private static ServerWebExchange withCallerHeaders(ServerWebExchange exchange, Caller caller) {
        return exchange.mutate().request(request -> request.headers(headers -> {
            CallerHeaders.ALL.forEach(headers::remove);
            if (!caller.isAnonymous()) {
                headers.set(CallerHeaders.SUBJECT, caller.subject());
                headers.set(CallerHeaders.ROLES, caller.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(",")));
                caller.partnerId().ifPresent(partner -> headers.set(CallerHeaders.PARTNER_ID, partner));
            }
        })).build();
    }

    private static ProblemDetail problemFor(ServerWebExchange exchange, AccessDecision decision) {
        switch (decision.outcome()) {
            case UNAUTHENTICATED:
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"partner-platform\"");
                return Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                        "This API needs a bearer token (an OAuth2 JWT from the platform's identity provider)");
            case NOT_FOUND:
                // the same answer partner-service gives for a partner that does not exist
                return Problems.problem(HttpStatus.NOT_FOUND, "partner-not-found", "Not found", decision.reason());
            default:
                return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", decision.reason());
        }
    }
}
