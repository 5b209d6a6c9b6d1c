package ru.moysklad.partners.deploy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platform's runnable modules, with the port and database each one gets in a local run. */
public enum PlatformService {

    PARTNER("partner-service", 8081, "partner"),
    SALES("sales-service", 8082, "sales"),
    TIER("tier-service", 8083, "tier"),
    BONUS("bonus-service", 8084, "bonus"),
    LEAD("lead-service", 8085, "lead"),
    GATEWAY("gateway", 8080, null);

    private final String module;
    private final int port;
    private final String gatewayKey;

    PlatformService(String module, int port, String gatewayKey) {
        this.module = module;
        this.port = port;
        this.gatewayKey = gatewayKey;
    }

    /** The Maven module, which is also the service's name. */
    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public boolean isGateway() {
        return this == GATEWAY;
    }

    /** The gateway's property {@code platform.services.<key>} that points at this service. */
    public Optional<String> gatewayKey() {
        return Optional.ofNullable(gatewayKey);
    }

    /** The service's own database, named after it ({@code sales-service} → {@code sales_service}); none for the gateway. */
    public Optional<String> database() {
        return isGateway() ? Optional.empty() : Optional.of(module.replace('-', '_'));
    }

    public static PlatformService byModule(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.module.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(PlatformService::module).toList())));
    }
}
