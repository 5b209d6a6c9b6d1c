package ru.moysklad.partners.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.deploy.Ports;

/**
 * The status engine's and the review's benchmarks, tiny, in every build: the same programs as
 * {@code ./run bench engine review}, on a broker and a database of their own, must run through and
 * verify what tier-service holds (every sale once, every kopeck; every review once, the right
 * demotions). Their figures at size are in docs/benchmarks.md; here no time is asserted.
 */
class BenchmarksIT {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath();

    @Test
    void shouldRunTheEngineAndReviewBenchmarksAndVerifyWhatTheServiceHolds() throws Exception {
        Benchmarks.Results results = Benchmarks.run(List.of(new EngineThroughput(), new ReviewAtScale()), 0.0002, ROOT,
                Path.of("target", "bench").toAbsolutePath(), Ports.anyFree(), Ports.anyFree(), System.out);

        assertThat(results.failures()).isEmpty();
        assertThat(results.figures()).filteredOn(figure -> figure.measure().equals("size")).singleElement()
                .satisfies(figure -> assertThat(figure.value()).contains("20 partners, 200 sales; verified"));
        assertThat(results.figures()).filteredOn(figure -> figure.measure().equals("outcome")).singleElement()
                .satisfies(figure -> assertThat(figure.value()).contains("all 700 reviewed once, the 100 that fell short demoted"));
        // at this size tier-service may apply every sale before it reports UP, so the ratio may be 0: only that it is there
        assertThat(results.figures()).filteredOn(figure -> figure.target().startsWith("≥ 0.8")).singleElement()
                .satisfies(figure -> assertThat(Double.parseDouble(figure.value())).isNotNegative());
    }
}
