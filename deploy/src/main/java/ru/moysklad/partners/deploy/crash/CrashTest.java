package ru.moysklad.partners.deploy.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import ru.moysklad.partners.deploy.KafkaBrokerProcess;
import ru.moysklad.partners.deploy.PostgresServer;

/**
 * {@code ./run crash-test [--partners 2000] [--events 100000] [--kill-every 5] [--seed 20261125]}:
 * the crash harness on its own Kafka and PostgreSQL (under {@code .data-crash/}, wiped first), with
 * the services built by {@code ./mvnw package}. Prints the figures; exits 1 on any mismatch.
 */
public final class CrashTest {

    private CrashTest() {
    }

    public static void main(String[] args) throws Exception {
        int partners = 2_000;
        int events = 100_000;
        int killEvery = 5;
        long seed = 20261125L;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--partners" -> partners = Integer.parseInt(args[i + 1]);
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--kill-every" -> killEvery = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --partners N --events N --kill-every SECONDS --seed N");
            }
        }
        Path data = Path.of(".data-crash").toAbsolutePath();
        wipe(data);
        Path logs = Files.createDirectories(data.resolve("logs"));
        System.out.println("crash test: Kafka and PostgreSQL of its own in " + data);
        try (KafkaBrokerProcess kafka = new KafkaBrokerProcess(KafkaBrokerProcess.Settings.of(data.resolve("kafka"), 19092)
                .withControllerPort(19093).withLogFile(logs.resolve("kafka.log")));
             PostgresServer postgres = PostgresServer.startEmbedded(data.resolve("postgres"), 15433, logs.resolve("postgres.log"))) {
            kafka.start();
            CrashHarness.Outcome outcome = new CrashHarness(
                    new CrashHarness.Settings(partners, events, Duration.ofSeconds(killEvery), seed, Path.of("."), "0.1.0-SNAPSHOT", logs),
                    new CrashHarness.Infrastructure(kafka.bootstrapServers(), name -> postgres.ensureDatabase(name.replace('-', '_'))),
                    System.out).run();
            outcome.print(System.out);
            System.exit(outcome.mismatches().isEmpty() ? 0 : 1);
        }
    }

    private static void wipe(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
