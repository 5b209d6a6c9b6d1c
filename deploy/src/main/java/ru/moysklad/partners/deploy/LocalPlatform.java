package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ru.moysklad.partners.devissuer.DevelopmentIssuer;

/**
 * Starts the whole platform on this machine: PostgreSQL, a Kafka broker, then every service and the
 * gateway as separate processes; prints where to reach them and keeps them up until Ctrl-C, when it
 * stops them in reverse order.
 */
public final class LocalPlatform {

    /** The version of the jars {@code ./mvnw package} builds. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private static final PrintStream out = System.out;

    private final LaunchOptions options;
    private final Path logs;
    private final Path run;
    private final Object lock = new Object();
    private final Object stopLock = new Object();
    private final CountDownLatch startupOver = new CountDownLatch(1);
    private static final String LAUNCHER_PID_FILE = "launcher.pid";

    private volatile boolean stopping;
    private volatile boolean claimedDataDirectory;
    private boolean stopped;
    private PostgresServer postgres;
    private DevelopmentIssuer issuer;
    private KafkaBrokerProcess kafka;
    private final Map<PlatformService, ServiceProcess> services = new LinkedHashMap<>();

    LocalPlatform(LaunchOptions options) {
        this.options = options;
        this.logs = options.dataDir().resolve("logs");
        this.run = options.dataDir().resolve("run");
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args), System.getenv(), locateProjectDir());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.print(LaunchOptions.USAGE);
            return;
        }
        LocalPlatform platform = new LocalPlatform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::shutdown, "local-platform-stop"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("FAILED: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            System.err.println();
            platform.stopAll();
            System.exit(1);
        }
        platform.watch();
    }

    /**
     * The repository root: the launcher runs from {@code deploy/target/} (its jar or its classes), so
     * the root is the nearest ancestor holding {@code deploy/pom.xml}; failing that, the current directory.
     */
    public static Path locateProjectDir() {
        try {
            Path location = Path.of(LocalPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = location; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("deploy").resolve("pom.xml"))) {
                    return dir;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    void start() {
        try {
            prepareDirectories();
            claimDataDirectory();
            stopLeftovers();
            requireJarsAndPorts();
            startPostgres();
            startKafka();
            startServices();
            awaitServices();
            printSummary();
        } finally {
            startupOver.countDown();
        }
    }

    private void prepareDirectories() {
        try {
            Files.createDirectories(logs);
            Files.createDirectories(run);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + options.dataDir() + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(options.dataDir())) {
            throw new IllegalStateException("the data directory " + options.dataDir() + " is not writable by "
                    + System.getProperty("user.name"));
        }
        out.println("Partner platform, local run");
        out.println("  data directory: " + options.dataDir());
        out.println("  logs:           " + logs);
        out.println();
    }

    /**
     * One launcher per data directory: a second one must not mistake the first one's running
     * processes for leftovers and stop them. The launcher's pid file records its command line too,
     * so a reused pid is not taken for a live launcher.
     */
    private void claimDataDirectory() {
        Path launcherPid = run.resolve(LAUNCHER_PID_FILE);
        try {
            if (Files.exists(launcherPid)) {
                List<String> lines = Files.readAllLines(launcherPid, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    long pid = Long.parseLong(lines.get(0).trim());
                    String commandLine = lines.get(1).trim();
                    boolean alive = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .flatMap(p -> p.info().commandLine())
                            .map(commandLine::equals)
                            .orElse(false);
                    if (alive) {
                        throw new IllegalStateException("the platform is already running from " + options.dataDir()
                                + " (launcher pid " + pid + "); stop it with Ctrl-C in its terminal, or kill " + pid
                                + ", or start another one with --data-dir");
                    }
                }
            }
            Files.writeString(launcherPid, ProcessHandle.current().pid() + "\n"
                    + ProcessHandle.current().info().commandLine().orElse("") + "\n", StandardCharsets.UTF_8);
            claimedDataDirectory = true;
        } catch (IOException | NumberFormatException e) {
            step("(could not check whether another launcher uses " + options.dataDir() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Processes a launcher killed with SIGKILL could not stop still hold their ports: end them, but
     * only if the pid still belongs to the process we started (pids are reused).
     */
    private void stopLeftovers() {
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid"))
                    .filter(f -> !f.getFileName().toString().equals(LAUNCHER_PID_FILE)).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    long pid = Long.parseLong(lines.get(0).trim());
                    String marker = lines.get(1).trim();
                    ProcessHandle.of(pid)
                            .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                            .ifPresent(p -> {
                                step("Stopping " + file.getFileName().toString().replace(".pid", "")
                                        + " left running by an earlier run (pid " + pid + ")");
                                p.destroy();
                                try {
                                    p.onExit().get(30, TimeUnit.SECONDS);
                                } catch (Exception e) {
                                    p.destroyForcibly();
                                }
                            });
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            step("(could not check for leftovers of an earlier run: " + e.getMessage() + ")");
        }
    }

    private void requireJarsAndPorts() {
        List<String> missing = new ArrayList<>();
        for (PlatformService service : options.services()) {
            Path jar = jarOf(service);
            if (!Files.isRegularFile(jar)) {
                missing.add("  " + jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("these service jars are not built:\n" + String.join("\n", missing)
                    + "\nbuild them with ./run (without --no-build) or ./mvnw -B -DskipTests package,"
                    + " or pick the built ones with --only=");
        }
        for (PlatformService service : options.services()) {
            Ports.requireFree(service.port(), service.module());
        }
    }

    private void startPostgres() {
        long t0 = System.nanoTime();
        PostgresServer server;
        if (options.embeddedPostgres()) {
            step("Starting PostgreSQL (embedded) on port " + options.postgresPort() + " ...");
            server = PostgresServer.startEmbedded(options.dataDir().resolve("postgres"), options.postgresPort(),
                    logs.resolve("postgres.log"));
        } else {
            step("Using PostgreSQL at " + options.postgresUrl().get() + " as " + options.postgresUser() + " ...");
            server = PostgresServer.external(options.postgresUrl().get(), options.postgresUser(), options.postgresPassword());
        }
        synchronized (lock) {
            postgres = server;
        }
        abortIfStopping();
        for (PlatformService service : options.services()) {
            service.database().ifPresent(postgres::ensureDatabase);
        }
        step("PostgreSQL ready at " + postgres.serverUrl() + " (" + seconds(t0) + ")");
    }

    private void startKafka() {
        long t0 = System.nanoTime();
        step("Starting Kafka on port " + options.kafkaPort() + " ...");
        KafkaBrokerProcess.Settings settings = KafkaBrokerProcess.Settings.of(options.dataDir().resolve("kafka"), options.kafkaPort())
                .withControllerPort(options.kafkaControllerPort())
                .withLogFile(logs.resolve("kafka.log"));
        KafkaBrokerProcess broker = new KafkaBrokerProcess(settings);
        synchronized (lock) {
            abortIfStopping();
            kafka = broker;
        }
        broker.start();
        writePidFile("kafka", broker.pid(), "kafka.Kafka");
        step("Kafka ready at " + broker.bootstrapServers() + " (" + seconds(t0) + ")");
    }

    private void startServices() {
        issuer = DevelopmentIssuer.inDirectory(issuerDirectory());
        for (PlatformService service : options.services()) {
            ServiceProcess.Builder builder = ServiceProcess.builder(service.module(), jarOf(service))
                    .port(service.port())
                    .kafka(kafka.bootstrapServers())
                    .logFile(logs.resolve(service.module() + ".log"));
            service.database().ifPresent(db -> builder.database(postgres.ensureDatabase(db)));
            if (service.isGateway()) {
                builder.property("platform.security.issuer", DevelopmentIssuer.ISSUER)
                        .property("platform.security.public-key-location",
                                "file:" + DevelopmentIssuer.publicKeyFile(issuerDirectory()).toAbsolutePath());
                for (PlatformService target : PlatformService.values()) {
                    target.gatewayKey().ifPresent(key ->
                            builder.property("platform.services." + key, "http://127.0.0.1:" + target.port()));
                }
            }
            ServiceProcess process = builder.build();
            synchronized (lock) {
                abortIfStopping();
                services.put(service, process);
                process.start();
            }
            writePidFile(service.module(), process.pid(), jarOf(service).toString());
            step("Started " + service.module() + " (pid " + process.pid() + "), log: " + process.logFile());
        }
    }

    /** Services start together and are waited for together: on two cores that is quicker than one by one. */
    private void awaitServices() {
        if (services.isEmpty()) {
            return;
        }
        step("Waiting for " + services.size() + " service(s) to report UP (at most " + options.startupTimeout().toSeconds() + " s) ...");
        long t0 = System.nanoTime();
        long deadline = t0 + options.startupTimeout().toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services.values());
        while (!pending.isEmpty()) {
            abortIfStopping();
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited with code " + service.exitCode().orElse(-1)
                            + " before becoming healthy. Last lines of " + service.logFile() + ":\n\n" + service.logTail(60));
                }
                if (service.isHealthy()) {
                    step(service.name() + " is UP (" + seconds(t0) + ")");
                    pending.remove(service);
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                ServiceProcess late = pending.get(0);
                throw new IllegalStateException(String.join(", ", pending.stream().map(ServiceProcess::name).toList())
                        + " did not report UP within " + options.startupTimeout().toSeconds() + " s. Last lines of "
                        + late.logFile() + ":\n\n" + late.logTail(60));
            }
            ChildProcess.pause(1000);
        }
    }

    private void printSummary() {
        List<String[]> rows = new ArrayList<>();
        ServiceProcess gateway = services.get(PlatformService.GATEWAY);
        if (gateway != null) {
            rows.add(new String[] {"gateway", gateway.baseUrl(), "health: " + gateway.healthUrl()});
        }
        services.forEach((service, process) -> {
            if (!service.isGateway()) {
                rows.add(new String[] {service.module(), process.healthUrl(), ""});
            }
        });
        rows.add(new String[] {"Kafka", kafka.bootstrapServers(), "bootstrap servers"});
        rows.add(new String[] {"PostgreSQL", postgres.serverUrl(), "user " + postgres.username()
                + (postgres.isEmbedded() ? ", embedded" : ", external server")});
        rows.add(new String[] {"data directory", options.dataDir().toString(), "delete it to start from scratch"});
        rows.add(new String[] {"logs", logs.toString(), ""});
        out.println();
        out.print(table(rows));
        if (gateway != null) {
            out.println();
            out.println("Every API but the lead form needs a token. The development issuer signed these (valid "
                    + DevelopmentIssuer.DEFAULT_LIFETIME.toHours() + " h):");
            out.println("  export STAFF_TOKEN=" + issuer.vendorStaff());
            out.println("  export BILLING_TOKEN=" + issuer.billingPlatform());
            out.println("A partner's users: ./run token partner-admin <partnerId>  (or partner-employee)");
            out.println();
            out.println("The dashboard (vendor staff): " + gateway.baseUrl() + "/dashboard/#token=" + issuer.vendorStaff());
        }
        out.println();
        out.println("The platform is up. Press Ctrl-C to stop everything.");
        out.flush();
    }

    static String table(List<String[]> rows) {
        int first = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int second = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            String line = "  %-" + first + "s   %-" + second + "s   %s";
            text.append(line.formatted(row[0], row[1], row[2]).stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** Stays in the foreground until Ctrl-C, saying so when a process dies on its own. */
    private void watch() {
        List<String> reported = new ArrayList<>();
        while (!stopping) {
            ChildProcess.pause(2000);
            if (stopping) {
                return;
            }
            services.values().forEach(service -> {
                if (!service.isAlive() && !reported.contains(service.name())) {
                    reported.add(service.name());
                    out.println();
                    out.println("!! " + service.name() + " exited with code " + service.exitCode().orElse(-1)
                            + "; the rest keeps running. Last lines of " + service.logFile() + ":");
                    out.println(service.logTail(30));
                }
            });
            if (kafka != null && !kafka.isAlive() && !reported.contains("kafka")) {
                reported.add("kafka");
                out.println("!! the Kafka broker exited; last lines of its log:");
                out.println(kafka.logTail(30));
            }
        }
    }

    /** Runs on Ctrl-C (and at any other JVM exit). */
    private void shutdown() {
        stopping = true;
        try {
            // let an unfinished startup step notice and give up, so nothing starts after the stop
            startupOver.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAll();
    }

    /** Services first (they still need Kafka and PostgreSQL to shut down cleanly), then Kafka, then PostgreSQL. */
    void stopAll() {
        // a second caller (Ctrl-C while a failed start is being cleaned up) waits for the first to finish,
        // so the JVM cannot exit half-way through the stop
        synchronized (stopLock) {
            stopAllOnce();
        }
    }

    private void stopAllOnce() {
        List<ServiceProcess> toStop;
        KafkaBrokerProcess broker;
        PostgresServer database;
        synchronized (lock) {
            stopping = true;
            if (stopped) {
                return;
            }
            stopped = true;
            toStop = new ArrayList<>(services.values());
            broker = kafka;
            database = postgres;
        }
        if (toStop.isEmpty() && broker == null && database == null) {
            releaseDataDirectory();
            return;
        }
        out.println();
        if (!toStop.isEmpty()) {
            step("Stopping " + String.join(", ", toStop.stream().map(ServiceProcess::name).toList()) + " ...");
            List<Thread> threads = new ArrayList<>();
            for (ServiceProcess service : toStop) {
                Thread thread = new Thread(() -> {
                    if (!service.stop(ServiceProcess.DEFAULT_STOP_GRACE)) {
                        step(service.name() + " did not stop within " + ServiceProcess.DEFAULT_STOP_GRACE.toSeconds() + " s and was killed");
                    }
                    deletePidFile(service.name());
                }, "stop-" + service.name());
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (broker != null) {
            step("Stopping Kafka ...");
            if (!broker.stop(KafkaBrokerProcess.DEFAULT_STOP_GRACE)) {
                step("Kafka did not stop within " + KafkaBrokerProcess.DEFAULT_STOP_GRACE.toSeconds() + " s and was killed");
            }
            deletePidFile("kafka");
        }
        if (database != null && database.isEmbedded()) {
            step("Stopping PostgreSQL ...");
            try {
                database.close();
            } catch (RuntimeException e) {
                step("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        releaseDataDirectory();
        step("Stopped. Data kept in " + options.dataDir());
        out.flush();
    }

    private void releaseDataDirectory() {
        if (claimedDataDirectory) {
            deletePidFile(LAUNCHER_PID_FILE.replace(".pid", ""));
        }
    }

    private void abortIfStopping() {
        if (stopping) {
            throw new IllegalStateException("stopped while starting");
        }
    }

    private Path issuerDirectory() {
        return options.dataDir().resolve("dev-issuer");
    }

    private Path jarOf(PlatformService service) {
        return ServiceProcess.jarOf(options.projectDir(), service.module(), VERSION);
    }

    private void writePidFile(String name, long pid, String marker) {
        try {
            Files.writeString(run.resolve(name + ".pid"), pid + "\n" + marker + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            step("(cannot write " + run.resolve(name + ".pid") + ": " + e.getMessage() + ")");
        }
    }

    private void deletePidFile(String name) {
        try {
            Files.deleteIfExists(run.resolve(name + ".pid"));
        } catch (IOException e) {
            // harmless: the next start checks that the pid still belongs to our process
        }
    }

    private static void step(String message) {
        out.println("[platform] " + message);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
