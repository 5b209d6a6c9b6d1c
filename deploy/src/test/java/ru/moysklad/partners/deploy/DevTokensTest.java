package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldPrintAPartnerAdminTokenSignedByTheIssuerInTheDataDirectory() {
        int code = run("partner-admin", "p-42");

        assertThat(code).isZero();
        String payload = new String(Base64.getUrlDecoder().decode(out.toString(StandardCharsets.UTF_8).trim().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"partner_id\":\"p-42\"").contains("\"roles\":[\"partner-admin\"]");
        assertThat(Files.exists(project.resolve(".data/dev-issuer/dev-issuer-public.pem"))).isTrue();
    }

    @Test
    void shouldRefuseAPartnerRoleWithoutAPartner() {
        assertThat(run("partner-employee")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("./run token partner-employee <partnerId>");
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        assertThat(run("root")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role 'root'");
    }

    @Test
    void shouldRefuseAPartnerForAStaffToken() {
        assertThat(run("vendor-staff", "p-1")).isEqualTo(2);
    }

    private int run(String... args) {
        return DevTokens.run(List.of(args), Map.of(), project, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
