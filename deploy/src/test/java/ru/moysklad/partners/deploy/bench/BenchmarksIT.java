package ru.moysklad.partners.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.deploy.Ports;

/**
 * The lead routing, status engine and review benchmarks, tiny, in every build: the same programs as
 * {@code ./run bench leads engine review}, one after another on a broker and a database of their
 * own, as a full run has them — so that what one leaves on the broker (the lead benchmark's
 * LeadAssigned, which tier-service forwards too) is part of what the next one must cope with. They
 * must run through and verify what the services hold: every lead posted assigned, every sale once
 * and every kopeck, every review once and the right demotions. Their figures at size are in
 * docs/benchmarks.md; here no time is asserted.
 */
class BenchmarksIT {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath();

    @Test
    void shouldRunTheLeadEngineAndReviewBenchmarksOneAfterAnotherAndVerifyWhatTheServicesHold() throws Exception {
        Benchmarks.Results results = Benchmarks.run(List.of(new LeadLatency(), new EngineThroughput(), new ReviewAtScale()), 0.0002, ROOT,
                Path.of("target", "bench").toAbsolutePath(), Ports.anyFree(), Ports.anyFree(), System.out);

        assertThat(results.failures()).isEmpty();
        Map<String, String> values = results.figures().stream()
                .collect(Collectors.toMap(figure -> figure.benchmark() + ": " + figure.measure(), Figure::value, (first, second) -> first));
        for (int rate : LeadLatency.RATES) {
            assertThat(values).containsKeys("lead routing: p99 post→LeadAssigned at " + rate + "/s (ms)",
                    "gateway overhead: p99 at " + rate + "/s (ms)");
            // what each process spent per lead, read from the process itself
            assertThat(values.get("lead routing: CPU per lead posted at " + rate + "/s (ms)")).matches(
                    "gateway \\d+\\.\\d\\d( \\(JIT \\d+\\.\\d\\d\\))?, lead-service \\d+\\.\\d\\d( \\(JIT \\d+\\.\\d\\d\\))?, PostgreSQL \\d+\\.\\d\\d, Kafka \\d+\\.\\d\\d,"
                            + " load generator \\d+\\.\\d\\d; the gateway \\d+\\.\\d\\d per post through it; the cores \\d+ % busy");
            // what lead-service asked of its database per lead, as PostgreSQL counted it
            assertThat(values.get("lead routing: lead-service's database per lead posted at " + rate + "/s")).matches(
                    "\\d+\\.\\d statements in \\d+\\.\\d\\d transactions, \\d+\\.\\d\\d ms in statements, of which \\d+\\.\\d\\d waiting"
                            + " for locks; \\d+\\.\\d\\d plans made in \\d+\\.\\d\\d ms");
        }
        // the warm-up goes on until the JIT compilers are quiet, or for as long as it may
        assertThat(values).hasEntrySatisfying(values.keySet().stream().filter(key -> key.startsWith("lead routing: warm-up beyond")).findFirst()
                .orElseThrow(), value -> assertThat(value).matches("\\d+ blocks.*|not measured.*"));
        long posted = count(values.get("lead routing: leads posted (warm-up included)"));
        assertThat(posted).isPositive();
        assertThat(count(values.get("lead routing: posts failed"))).isZero();
        assertThat(count(values.get("lead routing: leads assigned to a partner (LeadAssigned)"))).isEqualTo(posted);
        assertThat(values.get("status engine: size")).contains("20 partners, 200 sales; verified");
        assertThat(values.get("review: outcome")).contains("all 700 reviewed once, the 100 that fell short demoted");
        // at this size tier-service may apply every sale before it reports UP, so the ratio may be 0: only that it is there
        assertThat(Double.parseDouble(values.get("status engine: tier-service ÷ bare JDBC"))).isNotNegative();
    }

    private static long count(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
