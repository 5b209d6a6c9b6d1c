package ru.moysklad.partners.devissuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens the way the platform's identity provider would: RS256, with the issuer, audience,
 * subject, {@value #ROLES_CLAIM} and, for partner users, {@value #PARTNER_CLAIM}. Only for the local
 * run and tests.
 */
public final class DevelopmentIssuer {

    /** The issuer the local run's gateway is told to trust. */
    public static final String ISSUER = "urn:moysklad:partner-platform:dev-issuer";
    /** The audience every platform token must name. */
    public static final String AUDIENCE = "partner-platform";
    public static final String ROLES_CLAIM = "roles";
    public static final String PARTNER_CLAIM = "partner_id";
    /** The roles the gateway knows, as they appear in {@value #ROLES_CLAIM}. */
    public static final List<String> ROLES = List.of("vendor-staff", "partner-admin", "partner-employee", "billing-platform");
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private static final String KEY_FILE = "dev-issuer-key.json";
    private static final String PUBLIC_KEY_FILE = "dev-issuer-public.pem";

    private final RSAKey key;

    private DevelopmentIssuer(RSAKey key) {
        this.key = key;
    }

    /** A fresh key pair held in memory: for tests. */
    public static DevelopmentIssuer withNewKey() {
        return new DevelopmentIssuer(newKey());
    }

    /**
     * The issuer whose key pair lives in {@code directory}, creating it on first use, so tokens
     * printed by one run stay valid in the next.
     */
    public static DevelopmentIssuer inDirectory(Path directory) {
        Path keyFile = directory.resolve(KEY_FILE);
        try {
            Files.createDirectories(directory);
            RSAKey key;
            if (Files.isRegularFile(keyFile)) {
                key = RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            } else {
                key = newKey();
                Files.writeString(keyFile, key.toJSONString(), StandardCharsets.UTF_8);
            }
            DevelopmentIssuer issuer = new DevelopmentIssuer(key);
            Files.writeString(directory.resolve(PUBLIC_KEY_FILE), issuer.publicKeyPem(), StandardCharsets.UTF_8);
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development issuer's key in " + directory, e);
        } catch (ParseException e) {
            throw new IllegalStateException(keyFile + " is not a JSON Web Key; delete it to get a new one", e);
        }
    }

    /** Where {@link #inDirectory} writes the public key, in the PEM form the gateway reads. */
    public static Path publicKeyFile(Path directory) {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    /** The public key as an X.509 SubjectPublicKeyInfo PEM block. */
    public String publicKeyPem() {
        try {
            RSAPublicKey publicKey = key.toRSAPublicKey();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public TokenBuilder token(String role) {
        return new TokenBuilder(role);
    }

    /** A vendor staff member's token. */
    public String vendorStaff() {
        return token("vendor-staff").subject("staff@moysklad.example").sign();
    }

    /** A partner administrator's token for the given partner. */
    public String partnerAdmin(String partnerId) {
        return token("partner-admin").partner(partnerId).subject("admin@" + partnerId).sign();
    }

    /** A partner employee's token for the given partner. */
    public String partnerEmployee(String partnerId) {
        return token("partner-employee").partner(partnerId).subject("employee@" + partnerId).sign();
    }

    /** The billing platform's token. */
    public String billingPlatform() {
        return token("billing-platform").subject("billing-platform").sign();
    }

    /** One token, with defaults a test may override (expired, another audience or issuer). */
    public final class TokenBuilder {

        private final List<String> roles = new ArrayList<>();
        private String subject = "dev-" + UUID.randomUUID();
        private String partnerId;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt;
        private Duration lifetime = DEFAULT_LIFETIME;

        private TokenBuilder(String role) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "'; known: " + String.join(", ", ROLES));
            }
            roles.add(role);
        }

        public TokenBuilder subject(String subject) {
            this.subject = Objects.requireNonNull(subject);
            return this;
        }

        public TokenBuilder partner(String partnerId) {
            this.partnerId = partnerId;
            return this;
        }

        public TokenBuilder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public TokenBuilder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public TokenBuilder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public TokenBuilder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            Instant now = issuedAt != null ? issuedAt : Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(audience)
                    .subject(subject)
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim(ROLES_CLAIM, List.copyOf(roles));
            if (partnerId != null) {
                claims.claim(PARTNER_CLAIM, partnerId);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            try {
                RSAPrivateKey privateKey = key.toRSAPrivateKey();
                jwt.sign(new RSASSASigner(privateKey));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign a development token", e);
            }
            return jwt.serialize();
        }
    }

    private static RSAKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("dev-" + UUID.randomUUID())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }
}
