package ru.moysklad.partners.deploy.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.deploy.Database;
import ru.moysklad.partners.platform.testing.RealInfrastructure;

/**
 * The crash harness, small, in every build: 40 partners, 1,000 payments, refunds, activities and
 * leads spread over at least 30 seconds, a service killed every 5 seconds — and not one figure off.
 * {@code ./run crash-test} runs it at the size of issue 12 (docs/reliability.md).
 */
class CrashHarnessIT {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    @Test
    void shouldLoseAndDoubleCountNothingWhileServicesAreKilledAndRestarted() throws Exception {
        RealInfrastructure.createCatalogueTopics();
        Path logs = Files.createDirectories(Path.of("target", "crash"));

        CrashHarness.Outcome outcome = new CrashHarness(
                new CrashHarness.Settings(40, 1_000, Duration.ofSeconds(5), Duration.ofSeconds(30), 20261125L, ROOT, VERSION, logs),
                new CrashHarness.Infrastructure(RealInfrastructure.kafkaBootstrapServers(), name -> {
                    RealInfrastructure.Database database = RealInfrastructure.database(name + "_crash");
                    return new Database(database.jdbcUrl(), database.username(), database.password());
                }, List.of()),
                System.out).run();

        outcome.print(System.out);
        assertThat(outcome.kills()).as("services killed while the stream ran").isPositive();
        assertThat(outcome.sent().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
        assertThat(outcome.mismatches()).isEmpty();
    }
}
