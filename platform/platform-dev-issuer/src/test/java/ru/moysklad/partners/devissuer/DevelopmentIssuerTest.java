package ru.moysklad.partners.devissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;

class DevelopmentIssuerTest {

    @TempDir
    Path directory;

    @Test
    void shouldSignTokensThatThePublishedPublicKeyVerifies() throws Exception {
        DevelopmentIssuer issuer = DevelopmentIssuer.inDirectory(directory);

        SignedJWT jwt = SignedJWT.parse(issuer.partnerAdmin("p-1"));

        assertThat(jwt.verify(new RSASSAVerifier(readPublicKey(DevelopmentIssuer.publicKeyFile(directory))))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(DevelopmentIssuer.ISSUER);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(DevelopmentIssuer.AUDIENCE);
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("partner-admin");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("partner_id")).isEqualTo("p-1");
    }

    @Test
    void shouldKeepItsKeyAcrossRunsSoPrintedTokensStayValid() throws Exception {
        String token = DevelopmentIssuer.inDirectory(directory).vendorStaff();

        DevelopmentIssuer.inDirectory(directory);

        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(readPublicKey(DevelopmentIssuer.publicKeyFile(directory))))).isTrue();
    }

    @Test
    void shouldNotVerifyWithAnotherIssuersKey() throws Exception {
        String token = DevelopmentIssuer.withNewKey().vendorStaff();

        DevelopmentIssuer.inDirectory(directory);

        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(readPublicKey(DevelopmentIssuer.publicKeyFile(directory))))).isFalse();
    }

    @Test
    void shouldHonourAGivenIssueTimeAndLifetime() throws Exception {
        Instant issued = Instant.parse("2026-01-01T00:00:00Z");

        SignedJWT jwt = SignedJWT.parse(DevelopmentIssuer.withNewKey().token("billing-platform")
                .issuedAt(issued).lifetime(Duration.ofMinutes(5)).sign());

        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(issued.plusSeconds(300));
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        assertThatThrownBy(() -> DevelopmentIssuer.withNewKey().token("admin"))
                .hasMessageContaining("unknown role 'admin'");
    }

    private static RSAPublicKey readPublicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
