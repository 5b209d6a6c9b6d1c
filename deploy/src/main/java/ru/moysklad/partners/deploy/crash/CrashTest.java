package ru.moysklad.partners.deploy.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ru.moysklad.partners.deploy.DataDirectories;
import ru.moysklad.partners.deploy.KafkaBrokerProcess;
import ru.moysklad.partners.deploy.PostgresServer;

/**
 * {@code ./run crash-test [--partners 2000] [--events 100000] [--kill-every 10] [--stream-for 120] [--seed 20261125] [--services-only]}:
 * the crash harness on its own Kafka and PostgreSQL (under {@code .data-crash/}, wiped first), with
 * the services built by {@code ./mvnw package}; every fifth crash is the broker's or the database
 * server's, unless {@code --services-only}. Prints the figures; exits 1 on any mismatch.
 */
public final class CrashTest {

    private CrashTest() {
    }

    public static void main(String[] args) throws Exception {
        int partners = 2_000;
        int events = 100_000;
        int killEvery = 10;
        int streamFor = 120;
        long seed = 20261125L;
        boolean infrastructureFaults = true;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--services-only")) {
                infrastructureFaults = false;
                i--;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--partners" -> partners = Integer.parseInt(args[i + 1]);
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--kill-every" -> killEvery = Integer.parseInt(args[i + 1]);
                case "--stream-for" -> streamFor = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --partners N --events N --kill-every SECONDS --stream-for SECONDS --seed N --services-only");
            }
        }
        Path data = Path.of(".data-crash").toAbsolutePath();
        DataDirectories.wipe(data);
        Path logs = Files.createDirectories(data.resolve("logs"));
        System.out.println("crash test: Kafka and PostgreSQL of its own in " + data);
        AtomicReference<PostgresServer> postgres = new AtomicReference<>(startPostgres(data, logs));
        boolean reconciled;
        try (KafkaBrokerProcess kafka = new KafkaBrokerProcess(KafkaBrokerProcess.Settings.of(data.resolve("kafka"), 19092)
                .withControllerPort(19093).withLogFile(logs.resolve("kafka.log")))) {
            kafka.start();
            List<CrashHarness.Fault> faults = List.of(
                    new CrashHarness.Fault("the Kafka broker (SIGKILL)", () -> {
                        kafka.stop(Duration.ZERO);
                        kafka.start();
                    }),
                    // its data stays: a restart, as after a crash of the server, not a new database
                    new CrashHarness.Fault("the PostgreSQL server", () -> {
                        postgres.get().close();
                        postgres.set(startPostgres(data, logs));
                    }));
            CrashHarness.Outcome outcome = new CrashHarness(
                    new CrashHarness.Settings(partners, events, Duration.ofSeconds(killEvery), Duration.ofSeconds(streamFor), seed, Path.of("."), "0.1.0-SNAPSHOT", logs),
                    new CrashHarness.Infrastructure(kafka.bootstrapServers(), name -> postgres.get().ensureDatabase(name.replace('-', '_')),
                            infrastructureFaults ? faults : List.of()),
                    System.out).run();
            outcome.print(System.out);
            reconciled = outcome.mismatches().isEmpty();
        } finally {
            postgres.get().close();
        }
        // only now: exiting skips what is still open, and the broker and the database must stop first
        System.exit(reconciled ? 0 : 1);
    }

    private static PostgresServer startPostgres(Path data, Path logs) {
        return PostgresServer.startEmbedded(data.resolve("postgres"), 15433, logs.resolve("postgres.log"));
    }
}
