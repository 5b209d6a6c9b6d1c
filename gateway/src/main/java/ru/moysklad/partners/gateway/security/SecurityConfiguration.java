package ru.moysklad.partners.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import ru.moysklad.partners.gateway.access.AccessPolicy;
import ru.moysklad.partners.gateway.web.Problems;

/**
 * Stateless bearer-token security: a token, when present, must be valid (signature, issuer,
 * audience, expiry) or the request is refused with 401; then {@link AccessWebFilter} decides by
 * the access table. No sessions, no login pages, no CSRF (nothing here uses cookies).
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String STREAM_PATH = "/api/dashboard/stream";

    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.platform();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, AccessPolicy policy,
                                                  SecurityProperties properties, Problems problems) {
        ServerAuthenticationEntryPoint invalidToken = (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"partner-platform\", error=\"invalid_token\"");
            return problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
                    "The bearer token was refused: " + reason(failure)));
        };
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(bearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(invalidToken))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(invalidToken))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .addFilterAt(new AccessWebFilter(policy, properties, problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /**
     * The token from the Authorization header; on the dashboards' stream also from an
     * {@code access_token} query parameter, because a browser's EventSource cannot set headers.
     */
    private static ServerAuthenticationConverter bearerTokens() {
        ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
        ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();
        headerOrQuery.setAllowUriQueryParameter(true);
        return exchange -> STREAM_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())
                ? headerOrQuery.convert(exchange) : header.convert(exchange);
    }

    /**
     * No observation of each security filter, authentication and authorization: they feed traces,
     * which nothing here collects, and were a fifth of what the gateway allocated per request
     * (docs/benchmarks.md); the requests themselves are still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = properties.jwkSet()
                .map(uri -> NimbusReactiveJwtDecoder.withJwkSetUri(uri).build())
                .orElseGet(() -> NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties)).build());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
        return decoder;
    }

    private static RSAPublicKey publicKey(SecurityProperties properties) {
        var location = properties.publicKey().orElseThrow();
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token issuer's public key from " + location, e);
        }
    }

    /** What was wrong with the token, in the words of the OAuth2 error; never a stack trace. */
    private static String reason(AuthenticationException failure) {
        String description = failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                ? oauth.getError().getDescription() : failure.getMessage();
        if (description == null || description.isBlank()) {
            return "it is not valid";
        }
        return description.length() > 200 ? description.substring(0, 200) + "…" : description;
    }
}
