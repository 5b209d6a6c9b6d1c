package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One Spring Boot service (or the gateway) running from its executable jar as its own JVM, with
 * its settings passed as command-line arguments so nothing in the jar needs to change.
 *
 * <pre>{@code
 * ServiceProcess sales = ServiceProcess.builder("sales-service", jar)
 *         .port(8082)
 *         .kafka(broker.bootstrapServers())
 *         .database(postgres.ensureDatabase("sales_service"))
 *         .logFile(dir.resolve("sales-service.log"))
 *         .build();
 * sales.start();
 * sales.awaitHealthy(Duration.ofMinutes(2));
 * ...
 * sales.close();
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Pattern COLLECTOR_CHOICE = Pattern.compile("-XX:\\+Use\\w+GC");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Path logFile;
    private final Map<String, String> environment;
    private ChildProcess process;

    private ServiceProcess(Builder builder) {
        this.name = builder.name;
        this.jar = builder.jar.toAbsolutePath();
        this.port = builder.port;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.arguments = List.copyOf(builder.arguments());
        this.logFile = builder.logFile == null ? Path.of(name + ".log").toAbsolutePath() : builder.logFile.toAbsolutePath();
        this.environment = Map.copyOf(builder.environment);
    }

    /** A service named {@code name} run from {@code jar}; see {@link Builder} for the rest. */
    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    /** The conventional place of a module's executable jar: {@code <module>/target/<module>-<version>-exec.jar}. */
    public static Path jarOf(Path projectDir, String module, String version) {
        return projectDir.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * The JVM options a service runs with wherever it runs, beyond its heap: in Kubernetes, in docker
     * compose (the deployment tests hold their files to these), under {@code ./run} and in the
     * benchmarks. tier-service takes the parallel collector: its status engine is a throughput
     * workload that keeps the facts of many partners in memory and replaces them on every sale, and
     * under G1 (its write barriers and refinement) it spent a sixth more CPU per sale in the status engine's benchmark
     * (docs/benchmarks.md). In a container of under 2 CPUs or 1792 MB the JVM would pick the serial
     * collector by itself; the choice is made here rather than left to the container's size.
     */
    public static List<String> deployedJvmOptions(String service) {
        return service.equals("tier-service") ? List.of("-XX:+UseParallelGC") : List.of();
    }

    /** The options the JVM runs with: those given, then the deployed ones ({@link #deployedJvmOptions}). */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(jvmOptions);
        if (jvmOptions.stream().noneMatch(option -> COLLECTOR_CHOICE.matcher(option).matches())) {
            // an experiment that names its own collector (BENCH_JVM_OPTIONS) takes the place of the deployed one
            options.addAll(deployedJvmOptions(name));
        }
        return options;
    }

    /** The full command line, JVM and arguments included. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }

    /** The CPU time the service's JVM has used since it started; zero when it is not running. */
    public synchronized Duration cpuTime() {
        return process == null ? Duration.ZERO : process.cpuTime();
    }

    /**
     * The CPU time the service's JIT compilers have used since it started (HotSpot names their
     * threads "C1 CompilerThread…" and "C2 CompilerThread…"); zero when it is not running, empty where
     * the operating system does not tell a process's threads apart ({@link ChildProcess#threadCpuTime}).
     */
    public synchronized Optional<Duration> jitCpuTime() {
        return process == null ? Optional.of(Duration.ZERO) : process.threadCpuTime(ServiceProcess::isCompilerThread);
    }

    static boolean isCompilerThread(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    /** Starts the JVM and returns at once; see {@link #awaitHealthy(Duration)}. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running: " + process);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar for " + name + " at " + jar + " (build it first: ./mvnw -B -DskipTests package)");
        }
        Ports.requireFree(port, name);
        process = ChildProcess.start(name, command(), logFile, environment);
    }

    /**
     * Waits until the health endpoint answers UP.
     *
     * @throws IllegalStateException if the process ends first or {@code timeout} passes; the message
     *                               carries the last lines of the log
     */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ChildProcess current;
            synchronized (this) {
                current = process;
            }
            if (current == null) {
                throw new IllegalStateException(name + " was stopped or never started");
            }
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + current.exitCode().orElse(-1)
                        + " before becoming healthy; last lines of " + logFile + ":\n" + current.logTail(60));
            }
            if (isHealthy()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not report UP at " + healthUrl() + " within "
                        + timeout.toSeconds() + " s; last lines of " + logFile + ":\n" + current.logTail(60));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** One look at the health endpoint. */
    public boolean isHealthy() {
        return isUp(healthUrl());
    }

    /** One look at a health endpoint: whether it answers 200 with status UP. */
    public static boolean isUp(String healthUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code once the JVM has ended; empty while it runs or before it was started. */
    public synchronized OptionalInt exitCode() {
        return process == null ? OptionalInt.empty() : process.exitCode();
    }

    /** The pid of the JVM, while it runs. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL after {@code grace}; true if it stopped in time. */
    public synchronized boolean stop(Duration grace) {
        if (process == null) {
            return true;
        }
        return process.stop(grace);
    }

    /** SIGKILL at once, as a crash would; for tests of recovery. */
    public synchronized void kill() {
        if (process != null) {
            process.stop(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    /** The last lines the service logged in its latest run. */
    public synchronized String logTail(int lines) {
        return process == null ? ChildProcess.tail(logFile, 0, lines) : process.logTail(lines);
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }

    /** Settings of a {@link ServiceProcess}; only the name and jar are required. */
    public static final class Builder {
        private final String name;
        private final Path jar;
        private int port = 8080;
        private String bootstrapServers;
        private Database database;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> extraArguments = new ArrayList<>();
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private Path logFile;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(String name, Path jar) {
            this.name = Objects.requireNonNull(name);
            this.jar = Objects.requireNonNull(jar);
        }

        /** {@code --server.port}. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** {@code --spring.kafka.bootstrap-servers}. */
        public Builder kafka(String value) {
            this.bootstrapServers = value;
            return this;
        }

        /** {@code --spring.datasource.url}, {@code .username}, {@code .password}. */
        public Builder database(Database value) {
            this.database = value;
            return this;
        }

        /** Any Spring property, passed as {@code --key=value} after the ones above (so it wins). */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** A raw command-line argument, passed last. */
        public Builder argument(String value) {
            extraArguments.add(value);
            return this;
        }

        /** Replaces the default JVM options ({@link #DEFAULT_JVM_OPTIONS}). */
        public Builder jvmOptions(List<String> value) {
            this.jvmOptions = List.copyOf(value);
            return this;
        }

        /** Where stdout and stderr are appended; default {@code ./<name>.log}. */
        public Builder logFile(Path value) {
            this.logFile = value;
            return this;
        }

        /** An environment variable for the service (on top of the launcher's own environment). */
        public Builder environment(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public ServiceProcess build() {
            return new ServiceProcess(this);
        }

        List<String> arguments() {
            List<String> args = new ArrayList<>();
            args.add("--server.port=" + port);
            if (database != null) {
                args.add("--spring.datasource.url=" + database.jdbcUrl());
                args.add("--spring.datasource.username=" + database.username());
                args.add("--spring.datasource.password=" + database.password());
            }
            if (bootstrapServers != null) {
                args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
            }
            properties.forEach((key, value) -> args.add("--" + key + "=" + value));
            args.addAll(extraArguments);
            return args;
        }
    }
}
