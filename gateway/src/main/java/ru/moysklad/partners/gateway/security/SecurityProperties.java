package ru.moysklad.partners.gateway.security;

import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which tokens the gateway trusts ({@code platform.security.*}).
 *
 * @param issuer            the {@code iss} every token must carry
 * @param audience          the {@code aud} every token must name
 * @param jwkSetUri         where the identity provider publishes its signing keys; or
 * @param publicKeyLocation a single RSA public key (PEM), as the local run's development issuer writes
 * @param rolesClaim        the claim listing the caller's roles
 * @param partnerClaim      the claim naming a partner user's partner
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String issuer, String audience, String jwkSetUri, Resource publicKeyLocation,
                                 String rolesClaim, String partnerClaim) {

    public SecurityProperties {
        audience = audience == null || audience.isBlank() ? "partner-platform" : audience;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        partnerClaim = partnerClaim == null || partnerClaim.isBlank() ? "partner_id" : partnerClaim;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri;
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("platform.security.issuer must name the token issuer the gateway trusts");
        }
        if (jwkSetUri == null && publicKeyLocation == null) {
            throw new IllegalArgumentException("the gateway needs the issuer's keys: set platform.security.jwk-set-uri"
                    + " or platform.security.public-key-location");
        }
    }

    public Optional<String> jwkSet() {
        return Optional.ofNullable(jwkSetUri);
    }

    public Optional<Resource> publicKey() {
        return Optional.ofNullable(publicKeyLocation);
    }
}
