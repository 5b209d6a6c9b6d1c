package ru.moysklad.partners.deploy.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import ru.moysklad.partners.deploy.Database;
import ru.moysklad.partners.deploy.Ports;
import ru.moysklad.partners.deploy.ServiceProcess;

/**
 * What every benchmark runs on: a Kafka broker and a PostgreSQL server of the bench's own, with
 * nothing else on them when the benchmark starts (each benchmark uses fresh databases and topics).
 *
 * @param kafkaBootstrapServers the bench's broker
 * @param databaseFor           a fresh database on the bench's server, created on first use, by name (e.g. "tier_service")
 * @param projectDir            the repository root, where {@code ./mvnw package} left the service jars
 * @param version               the jars' version
 * @param logs                  where the processes' logs go
 * @param scale                 1.0 for the sizes; a test runs the same code at a small fraction
 * @param out                   where progress and figures are printed
 * @param databaseCpu           the CPU time the bench's PostgreSQL server has used so far (zero where it cannot be read)
 * @param brokerCpu             the CPU time the bench's Kafka broker has used so far
 */
public record BenchEnvironment(String kafkaBootstrapServers, Function<String, Database> databaseFor, Path projectDir, String version,
                               Path logs, double scale, PrintStream out, Supplier<Duration> databaseCpu,
                               Supplier<Duration> brokerCpu) {

    /** Set (to "true") by {@code ./run bench --jfr}: every service a benchmark starts records a flight recording. */
    public static final String PROFILE_PROPERTY = "bench.jfr";

    /** JVM options added to every service a benchmark starts, for trying a setting: {@code BENCH_JVM_OPTIONS}. */
    public static final String EXTRA_OPTIONS_VARIABLE = "BENCH_JVM_OPTIONS";

    /**
     * The JVM options of a service a benchmark starts: as deployed (the JIT's full optimisation, not
     * the local run's quick-start {@code TieredStopAtLevel=1}), with a flight recording into the logs
     * directory when profiling.
     */
    public List<String> serviceJvmOptions(String service) {
        List<String> options = new ArrayList<>(List.of("-Xms512m", "-Xmx1g"));
        // an experiment's options for every service (not the broker): BENCH_JVM_OPTIONS="-XX:+UseParallelGC" ./run bench engine
        String extra = System.getenv(EXTRA_OPTIONS_VARIABLE);
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (Boolean.getBoolean(PROFILE_PROPERTY)) {
            // one recording per start: a benchmark may start the same service twice
            String started = java.time.LocalTime.now().withNano(0).toString().replace(":", "");
            options.add("-XX:StartFlightRecording=filename=" + logs.resolve(service + "-" + started + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    /**
     * A service of the build as a benchmark starts it: on a free port, on the bench's broker, with
     * {@link #serviceJvmOptions}, its log (and flight recording) in the logs directory under {@code logName}.
     */
    public ServiceProcess.Builder service(String module, String logName) throws IOException {
        return ServiceProcess.builder(module, ServiceProcess.jarOf(projectDir, module, version))
                .port(Ports.anyFree())
                .kafka(kafkaBootstrapServers)
                .jvmOptions(serviceJvmOptions(logName))
                .logFile(logs.resolve(logName + ".log"));
    }

    /** {@code full} at the size, scaled down for a test run; never below {@code least}. */
    public int scaled(int full, int least) {
        return Math.max(least, (int) Math.round(full * scale));
    }
}
