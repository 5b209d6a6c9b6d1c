package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) running as its own JVM, the way
 * it runs in production, rather than inside the launcher or a test.
 *
 * <p>Its storage is formatted once, with a cluster id kept beside it; later starts reuse the storage,
 * so topics and messages survive a restart.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true", "-Ddeploy.log.level=INFO", "-Ddeploy.kafka-clients.log.level=INFO");

    /**
     * Where and how the broker runs.
     *
     * @param dataDir        holds {@code server.properties}, {@code cluster.id} and the log segments
     *                       ({@code dataDir/data})
     * @param logFile        the broker's own output
     * @param port           the client listener (PLAINTEXT) on 127.0.0.1
     * @param controllerPort the KRaft controller listener on 127.0.0.1
     * @param classpath      a classpath holding {@code kafka_2.13}, its dependencies and an SLF4J binding
     * @param jvmOptions     options for the broker's JVM
     */
    public record Settings(Path dataDir, Path logFile, int port, int controllerPort, String classpath,
                           List<String> jvmOptions) {

        public Settings {
            dataDir = dataDir.toAbsolutePath();
            logFile = logFile.toAbsolutePath();
            jvmOptions = List.copyOf(jvmOptions);
        }

        /**
         * Defaults for a broker in {@code dataDir}: controller on {@code port + 1}, log in
         * {@code dataDir/broker.log}, and the classpath of the running JVM, which already holds the
         * broker wherever this class is loaded from (the launcher jar's manifest, an IDE, Failsafe's
         * manifest-only jar).
         */
        public static Settings of(Path dataDir, int port) {
            return new Settings(dataDir, dataDir.resolve("broker.log"), port, port + 1,
                    System.getProperty("java.class.path"), DEFAULT_JVM_OPTIONS);
        }

        public Settings withLogFile(Path file) {
            return new Settings(dataDir, file, port, controllerPort, classpath, jvmOptions);
        }

        public Settings withControllerPort(int value) {
            return new Settings(dataDir, logFile, port, value, classpath, jvmOptions);
        }

        public Settings withClasspath(String value) {
            return new Settings(dataDir, logFile, port, controllerPort, value, jvmOptions);
        }

        public Settings withJvmOptions(List<String> value) {
            return new Settings(dataDir, logFile, port, controllerPort, classpath, value);
        }
    }

    private final Settings settings;
    private ChildProcess process;

    public KafkaBrokerProcess(Settings settings) {
        this.settings = settings;
    }

    /** A broker in {@code dataDir} listening on 127.0.0.1:{@code port}, with every other setting defaulted. */
    public KafkaBrokerProcess(Path dataDir, int port) {
        this(Settings.of(dataDir, port));
    }

    public Settings settings() {
        return settings;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + settings.port();
    }

    public Path logFile() {
        return settings.logFile();
    }

    /** Formats the storage if this is its first start, then starts the broker and waits until it serves clients. */
    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is already running: " + process);
        }
        Ports.requireFree(settings.port(), "Kafka");
        Ports.requireFree(settings.controllerPort(), "the Kafka controller");
        Path config = writeServerProperties();
        formatIfNeeded(config);
        process = ChildProcess.start("kafka", javaCommand("kafka.Kafka", config.toString()), settings.logFile(), Map.of());
        awaitReady(process, timeout);
    }

    public void start() {
        start(DEFAULT_STARTUP_TIMEOUT);
    }

    /** The broker JVM's pid, while it runs. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.pid();
    }

    /** The CPU time the broker's JVM has used since it started; zero when it is not running. */
    public synchronized Duration cpuTime() {
        return process == null ? Duration.ZERO : process.cpuTime();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM (a controlled shutdown that leaves clean logs), then SIGKILL after {@code grace}. */
    public synchronized boolean stop(Duration grace) {
        if (process == null) {
            return true;
        }
        boolean clean = process.stop(grace);
        process = null;
        return clean;
    }

    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    /** The last lines the broker logged in this run. */
    public synchronized String logTail(int lines) {
        return process == null ? ChildProcess.tail(settings.logFile(), 0, lines) : process.logTail(lines);
    }

    /** The cluster id the storage was (or will be) formatted with, created and kept on first use. */
    public String clusterId() {
        Path file = settings.dataDir().resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(settings.dataDir());
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + System.lineSeparator(), StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** The broker configuration for a single KRaft node that only this machine can reach. */
    public static Map<String, String> serverProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // one node: every internal topic must be satisfiable by a single replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // consumers join at once instead of waiting 3 s for others that will never come
        p.put("group.initial.rebalance.delay.ms", "0");
        // services declare their topics; a typo must fail rather than create a stray topic
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private Path writeServerProperties() {
        Path file = settings.dataDir().resolve("server.properties");
        try {
            Files.createDirectories(settings.dataDir());
            StringBuilder text = new StringBuilder("# written by the local launcher on every start; edits are overwritten\n");
            serverProperties(settings.dataDir().resolve("data"), settings.port(), settings.controllerPort())
                    .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void formatIfNeeded(Path config) {
        if (Files.exists(settings.dataDir().resolve("data").resolve("meta.properties"))) {
            return;
        }
        ChildProcess format = ChildProcess.start("kafka-storage-format",
                javaCommand("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", clusterId(), "-c", config.toString()),
                settings.logFile(), Map.of());
        if (!format.waitFor(Duration.ofSeconds(60))) {
            format.stop(Duration.ofSeconds(1));
            throw new IllegalStateException("formatting the Kafka storage took longer than 60 s; see " + settings.logFile());
        }
        if (format.exitCode().orElse(-1) != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed:\n" + format.logTail(20));
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(settings.classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private void awaitReady(ChildProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitCode().orElse(-1)
                        + " while starting; last lines of " + settings.logFile() + ":\n" + process.logTail(40));
            }
            if (Ports.accepts(settings.port()) && answers()) {
                return;
            }
            ChildProcess.pause(250);
        }
        String tail = process.logTail(40);
        stop(Duration.ofSeconds(5));
        throw new IllegalStateException("the Kafka broker did not serve clients within " + timeout.toSeconds()
                + " s; last lines of " + settings.logFile() + ":\n" + tail);
    }

    private boolean answers() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
