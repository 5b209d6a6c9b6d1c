package ru.moysklad.partners.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The launcher's command line, parsed. Options take {@code --name=value} or {@code --name value}.
 *
 * @param services         what to start, in start order (the gateway last)
 * @param projectDir       the repository root, where the service jars are built
 * @param dataDir          Kafka's and PostgreSQL's data and every process's log
 * @param kafkaPort        the broker's client port
 * @param kafkaControllerPort the broker's KRaft controller port
 * @param postgresPort     the embedded server's port (ignored with {@code postgresUrl})
 * @param postgresUrl      an existing server to use instead of the embedded one
 * @param startupTimeout   how long every service together may take to report UP
 * @param help             only print the usage
 */
public record LaunchOptions(List<PlatformService> services, Path projectDir, Path dataDir, int kafkaPort,
                            int kafkaControllerPort, int postgresPort, Optional<String> postgresUrl,
                            String postgresUser, String postgresPassword, Duration startupTimeout, boolean help) {

    public static final String DATA_DIR_ENV = "PARTNER_PLATFORM_DATA";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(300);

    private static final Set<String> OPTIONS = Set.of("only", "data-dir", "project-dir", "kafka-port",
            "kafka-controller-port", "postgres-port", "postgres-url", "postgres-user", "postgres-password",
            "startup-timeout", "help");

    public static final String USAGE = """
            Usage: ./run [--no-build] [options]

            Starts a Kafka broker, PostgreSQL, every service and the gateway on this machine and
            keeps them up until Ctrl-C.

              --only=a,b             start only these services (of: %s)
              --data-dir=DIR         data and logs (default: $%s, else .data/ in the repository)
              --kafka-port=N         Kafka client port (default %d; the controller uses N+1)
              --kafka-controller-port=N  Kafka KRaft controller port
              --postgres-port=N      embedded PostgreSQL port (default %d)
              --postgres-url=URL     use an existing server, e.g. jdbc:postgresql://127.0.0.1:5432/
              --postgres-user=U      user on that server (default postgres)
              --postgres-password=P  its password (default empty)
              --startup-timeout=S    seconds the services may take to report UP (default %d)
              --project-dir=DIR      repository root holding the built service jars
              --help                 this text
            """.formatted(String.join(", ", Arrays.stream(PlatformService.values()).map(PlatformService::module).toList()),
            DATA_DIR_ENV, KafkaBrokerProcess.DEFAULT_PORT, PostgresServer.DEFAULT_EMBEDDED_PORT,
            DEFAULT_STARTUP_TIMEOUT.toSeconds());

    public LaunchOptions {
        services = List.copyOf(services);
        projectDir = projectDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public boolean embeddedPostgres() {
        return postgresUrl.isEmpty();
    }

    /**
     * @param args        the command line
     * @param environment the process environment ({@value #DATA_DIR_ENV} is read from it)
     * @param projectDir  the repository root unless {@code --project-dir} says otherwise
     * @throws IllegalArgumentException on an unknown option or a bad value, with a message for the user
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> environment, Path projectDir) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq >= 0 ? arg.substring(2, eq) : arg.substring(2);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else {
                if (name.equals("help")) {
                    value = "true";
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
            }
            given.put(name, value);
        }

        Path project = Path.of(given.getOrDefault("project-dir", projectDir.toString()));
        String dataEnv = environment.get(DATA_DIR_ENV);
        Path data = given.containsKey("data-dir") ? Path.of(given.get("data-dir"))
                : dataEnv != null && !dataEnv.isBlank() ? Path.of(dataEnv)
                : project.resolve(".data");
        int kafkaPort = port(given, "kafka-port", KafkaBrokerProcess.DEFAULT_PORT);
        int controllerPort = port(given, "kafka-controller-port", kafkaPort + 1);
        if (controllerPort == kafkaPort) {
            throw new IllegalArgumentException("the Kafka controller port must differ from the client port " + kafkaPort);
        }
        long timeout = number(given, "startup-timeout", DEFAULT_STARTUP_TIMEOUT.toSeconds());
        if (timeout <= 0) {
            throw new IllegalArgumentException("--startup-timeout must be positive");
        }
        Optional<String> url = Optional.ofNullable(given.get("postgres-url")).filter(s -> !s.isBlank());
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("--postgres-url must look like jdbc:postgresql://host:port/, got " + u);
            }
        });
        return new LaunchOptions(services(given.get("only")), project, data, kafkaPort, controllerPort,
                port(given, "postgres-port", PostgresServer.DEFAULT_EMBEDDED_PORT), url,
                given.getOrDefault("postgres-user", "postgres"), given.getOrDefault("postgres-password", ""),
                Duration.ofSeconds(timeout), given.containsKey("help"));
    }

    /** The named services, or all of them, always in the enum's order so the gateway starts last. */
    private static List<PlatformService> services(String only) {
        if (only == null) {
            return List.of(PlatformService.values());
        }
        EnumSet<PlatformService> chosen = EnumSet.noneOf(PlatformService.class);
        for (String name : only.split(",")) {
            if (!name.isBlank()) {
                chosen.add(PlatformService.byModule(name));
            }
        }
        return new ArrayList<>(chosen);
    }

    private static int port(Map<String, String> given, String name, int fallback) {
        long value = number(given, name, fallback);
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("--" + name + " must be a port number (1-65535), got " + value);
        }
        return (int) value;
    }

    private static long number(Map<String, String> given, String name, long fallback) {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + text + "'");
        }
    }
}
