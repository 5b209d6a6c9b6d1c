package ru.moysklad.partners.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.deploy.Database;
import ru.moysklad.partners.platform.testing.RealInfrastructure;

/**
 * The lead routing benchmark, tiny, in every build: the same code as {@code ./run bench leads}, a
 * fiftieth of its time at each rate. Asserts what it counted, never a time: every lead posted,
 * through the gateway or straight to lead-service, was answered and then assigned to a partner.
 */
class LeadBenchmarksIT {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    @Test
    void shouldAssignEveryLeadItPostsAndReportEveryRate() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "bench"));
        BenchEnvironment env = new BenchEnvironment(RealInfrastructure.kafkaBootstrapServers(), name -> {
            RealInfrastructure.Database database = RealInfrastructure.database(name + "_bench");
            return new Database(database.jdbcUrl(), database.username(), database.password());
        }, ROOT, VERSION, logs, 0.02, System.out);

        List<Figure> figures = new LeadLatency().run(env);

        figures.forEach(figure -> System.out.println(figure.row()));
        Map<String, String> values = figures.stream().collect(Collectors.toMap(f -> f.benchmark() + ": " + f.measure(), Figure::value));
        for (int rate : LeadLatency.RATES) {
            assertThat(values).containsKeys("lead routing: p99 post→LeadAssigned at " + rate + "/s (ms)",
                    "gateway overhead: p99 at " + rate + "/s (ms)");
        }
        long posted = count(values.get("lead routing: leads posted (warm-up included)"));
        assertThat(posted).isPositive();
        assertThat(count(values.get("lead routing: posts failed"))).isZero();
        assertThat(count(values.get("lead routing: leads assigned to a partner (LeadAssigned)"))).isEqualTo(posted);
    }

    private static long count(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
