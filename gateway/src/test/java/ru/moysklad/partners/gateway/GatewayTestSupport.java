package ru.moysklad.partners.gateway;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

import ru.moysklad.partners.devissuer.DevelopmentIssuer;

/** What every gateway test context needs: stand-in services behind it, and trust in the development issuer. */
public final class GatewayTestSupport {

    static final Path ISSUER_DIRECTORY = Path.of("target", "dev-issuer");
    public static final DevelopmentIssuer issuer = DevelopmentIssuer.inDirectory(ISSUER_DIRECTORY);

    private GatewayTestSupport() {
    }

    public static void configure(DynamicPropertyRegistry registry) {
        StandInServices.register(registry);
        registry.add("platform.security.issuer", () -> DevelopmentIssuer.ISSUER);
        registry.add("platform.security.public-key-location",
                () -> "file:" + DevelopmentIssuer.publicKeyFile(ISSUER_DIRECTORY).toAbsolutePath());
    }
}
