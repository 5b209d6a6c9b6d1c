package ru.moysklad.partners.deploy.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.moysklad.partners.deploy.DataDirectories;
import ru.moysklad.partners.deploy.KafkaBrokerProcess;
import ru.moysklad.partners.deploy.LocalPlatform;
import ru.moysklad.partners.deploy.PostgresServer;

/**
 * {@code ./run bench [engine] [leads] [review] [cold-start] [--scale 1.0] [--jfr]}: runs the chosen
 * benchmarks (all by default), one after another, on a Kafka broker and a PostgreSQL server of their
 * own under {@code .data-bench/} (wiped first), with the services built by {@code ./mvnw package};
 * prints each benchmark's progress and, at the end, the table of figures, also written to
 * {@code .data-bench/results.md}. {@code --scale} shrinks every size (0.1: a tenth); {@code --jfr}
 * has every service record a flight recording into {@code .data-bench/logs/}; {@code --jars DIR}
 * runs the services built in another checkout (e.g. of an earlier commit), for before and after.
 */
public final class Benchmarks {

    static final int KAFKA_PORT = 29092;
    static final int POSTGRES_PORT = 25433;

    private Benchmarks() {
    }

    /**
     * Every benchmark, in the order {@code ./run bench} runs them, whatever order they are named in:
     * the lead benchmark first, as its lead-service reads every status change on the shared broker
     * before it starts, and the engine's and the review's leave hundreds of thousands there.
     */
    static Map<String, Benchmark> all() {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        for (Benchmark benchmark : List.of(new LeadLatency(), new EngineThroughput(), new ReviewAtScale(), new ColdStart())) {
            all.put(benchmark.name(), benchmark);
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> known = all();
        List<Benchmark> chosen = new ArrayList<>();
        double scale = 1.0;
        Path jars = LocalPlatform.locateProjectDir();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(valueOf(args, ++i));
                case "--jfr" -> System.setProperty(BenchEnvironment.PROFILE_PROPERTY, "true");
                case "--jars" -> jars = Path.of(valueOf(args, ++i)).toAbsolutePath();
                default -> {
                    Benchmark benchmark = known.get(args[i]);
                    if (benchmark == null) {
                        System.err.println("unknown benchmark or option '" + args[i] + "'; benchmarks: " + String.join(", ", known.keySet())
                                + "; options: --scale FRACTION, --jfr, --jars DIRECTORY");
                        System.exit(2);
                    }
                    chosen.add(benchmark);
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(known.values());
        }
        List<Benchmark> order = new ArrayList<>(known.values());
        chosen.sort(Comparator.comparingInt(order::indexOf));
        Results results = run(chosen, scale, jars, Path.of(".data-bench").toAbsolutePath(), KAFKA_PORT, POSTGRES_PORT, System.out);
        System.exit(results.failures().isEmpty() ? 0 : 1);
    }

    /** The figures of a run, and the benchmarks that failed with why. */
    record Results(List<Figure> figures, List<String> failures) {
    }

    /**
     * Runs the benchmarks one after another on a broker and a database server of their own, started
     * with their data in {@code data} (wiped first) on these ports; prints the table at the end and
     * writes it to {@code results.md} there.
     */
    static Results run(List<Benchmark> chosen, double scale, Path jars, Path data, int kafkaPort, int postgresPort, PrintStream out)
            throws Exception {
        DataDirectories.wipe(data);
        Path logs = Files.createDirectories(data.resolve("logs"));
        out.println("benchmarks: " + String.join(", ", chosen.stream().map(Benchmark::name).toList()) + " at scale " + scale
                + "; Kafka and PostgreSQL of their own in " + data + "; the services built in " + jars);
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (PostgresServer postgres = PostgresServer.startEmbedded(data.resolve("postgres"), postgresPort, logs.resolve("postgres.log"),
                StatementMeter.SERVER_SETTINGS);
             KafkaBrokerProcess kafka = new KafkaBrokerProcess(KafkaBrokerProcess.Settings.of(data.resolve("kafka"), kafkaPort)
                     .withControllerPort(kafkaPort + 1).withLogFile(logs.resolve("kafka.log")))) {
            kafka.start();
            int round = 0;
            for (Benchmark benchmark : chosen) {
                round++;
                // each benchmark on databases of its own: nothing of the one before weighs on it
                String prefix = "b" + round + "_";
                BenchEnvironment env = new BenchEnvironment(kafka.bootstrapServers(), name -> postgres.ensureDatabase(prefix + name),
                        jars, LocalPlatform.VERSION, logs, scale, out, postgres::cpuTime,
                        kafka::cpuTime);
                out.println();
                out.println("=== " + benchmark.name() + " ===");
                try {
                    figures.addAll(benchmark.run(env));
                } catch (Exception e) {
                    failures.add(benchmark.name() + ": " + e);
                    e.printStackTrace(out);
                }
            }
        }
        String table = table(figures, scale);
        out.println();
        out.print(table);
        failures.forEach(failure -> out.println("FAILED " + failure));
        Files.writeString(data.resolve("results.md"), table, StandardCharsets.UTF_8);
        return new Results(figures, failures);
    }

    static String table(List<Figure> figures, double scale) {
        StringBuilder table = new StringBuilder();
        table.append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", scale ").append(scale).append('\n');
        table.append("| benchmark | measure | value | target | |\n|---|---|---|---|---|\n");
        figures.forEach(figure -> table.append(figure.row()).append('\n'));
        return table.toString();
    }

    private static String valueOf(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
