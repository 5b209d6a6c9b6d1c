package ru.moysklad.partners.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.deploy.Database;
import ru.moysklad.partners.deploy.ServiceProcess;

/**
 * Issue 13, benchmark 3: the 6-monthly review of 1,000,000 partners. tier-service's database holds
 * 1,000,000 Partners, Experts and Representatives (7 : 2 : 1) with their figures for the half-year
 * before the review of 1 July 2026 — written straight into its tables, as years of events would
 * have left them; every seventh partner's sales fall short of keeping its status. The clock runs
 * from the review's start ({@code POST /api/tier/reviews/2026-07-01}) until the engine has durably
 * applied every partner's review: each one queued, relayed onto the input log, judged and, where the
 * half-year fell short, demoted with its history entry and its PartnerStatusChanged.
 */
final class ReviewAtScale implements Benchmark {

    static final String NAME = "review";
    private static final String REVIEW_DATE = "2026-07-01";
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    @Override
    public String name() {
        return "review";
    }

    /** How many of tier-service's statements the log names, the heaviest first. */
    private static final int HEAVIEST = 6;

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        int partners = env.scaled(1_000_000, 700);
        Database tier = env.databaseFor().apply("tier_service");
        try (BenchKafka kafka = new BenchKafka(env.kafkaBootstrapServers());
             ServiceProcess service = env.service("tier-service", "tier-service-review")
                     .database(tier)
                     .property("tier.review.scheduled", "false")
                     .build()) {
            kafka.createTopics(List.of(Topic.Names.TIER_INPUTS));
            service.start();
            service.awaitHealthy(PATIENCE);
            env.out().println("review: " + partners + " partners with their half-year written into tier-service's tables ...");
            long seeding = System.nanoTime();
            long shortOfIt = seed(tier, partners);
            env.out().printf("review: written in %.1f s; %d of them fall short%n", EngineThroughput.seconds(System.nanoTime() - seeding),
                    shortOfIt);

            // whatever an earlier benchmark left on the broker is applied before the clock starts
            EngineThroughput.awaitAllApplied(kafka);
            env.out().println("review: the review of " + REVIEW_DATE + " runs ...");
            CpuMeter.Stretch cpu = CpuMeter.of("tier-service", service::cpuTime).and("PostgreSQL", env.databaseCpu())
                    .and("Kafka", env.brokerCpu()).start();
            String perThousand;
            double queued;
            double total;
            double announced;
            try (StatementMeter statements = StatementMeter.on(tier)) {
                statements.start();
                long start = System.nanoTime();
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(service.baseUrl() + "/api/tier/reviews/" + REVIEW_DATE))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the review run answered " + response.statusCode() + ": " + response.body());
                }
                queued = EngineThroughput.seconds(System.nanoTime() - start);
                env.out().printf("review: every review queued in %.1f s; the engine applies them ...%n", queued);
                // every review is on the input log once the run has answered: the log's end is where the engine must get
                total = EngineThroughput.seconds(EngineThroughput.awaitAllApplied(kafka) - start);
                // a demotion is done for the dashboards once its PartnerStatusChanged has left the outbox for the broker
                announced = EngineThroughput.seconds(awaitOutboxEmpty(tier) - start);
                env.out().printf("review: applied in %.1f s, every demotion announced (PartnerStatusChanged published) in %.1f s%n", total,
                        announced);
                CpuMeter.Spent spent = cpu.end();
                StatementMeter.Asked asked = statements.end();
                perThousand = String.format(Locale.ROOT, "%s; the cores %.0f %% busy", spent.perUnit(partners / 1_000.0),
                        100 * spent.coresBusy(Runtime.getRuntime().availableProcessors()));
                env.out().println("review: CPU per 1,000 partners reviewed (ms): " + perThousand);
                StatementMeter.perThousand(asked, partners, "partners", HEAVIEST)
                        .forEach(line -> env.out().println("review: tier-service's database: " + line));
            }
            String verified = verify(tier, partners, shortOfIt);
            env.out().printf("review: %d partners reviewed in %.1f s (%s a second); %s%n", partners, total,
                    Figure.number(partners / total), verified);
            return List.of(
                    Figure.of(NAME, "reviews queued (s)", Figure.decimal(queued)),
                    Figure.against(NAME, "review of " + partners + " partners, start to last one applied (s)", Figure.decimal(total),
                            "≤ 60", total <= 60),
                    Figure.of(NAME, "start to every demotion announced, PartnerStatusChanged published (s)", Figure.decimal(announced)),
                    Figure.of(NAME, "partners reviewed per second", Figure.number(partners / total)),
                    Figure.of(NAME, "CPU per 1,000 partners reviewed (ms)", perThousand),
                    Figure.of(NAME, "outcome", verified));
        }
    }

    /** The partners and their figures for January to June 2026; returns how many fall short. */
    private static long seed(Database tier, int partners) throws SQLException {
        try (Connection connection = tier.connect();
             Statement sql = connection.createStatement()) {
            // the cumulative volume's column as the build measured has it: before issue 13 the row kept the running total
            String volume = EngineThroughput.single(sql, "SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'partner' AND column_name = 'sales_before_months_kopecks'") == 1
                    ? "sales_before_months_kopecks" : "cumulative_sales_kopecks";
            sql.execute("INSERT INTO partner (partner_id, status, suspended, status_since, " + volume + ")"
                    + " SELECT 'review-' || lpad(g::text, 7, '0'),"
                    + "        CASE WHEN g % 10 < 7 THEN 'PARTNER' WHEN g % 10 < 9 THEN 'EXPERT' ELSE 'REPRESENTATIVE' END,"
                    + "        false, timestamptz '2025-06-01 00:00+03', 900000000"
                    + "   FROM generate_series(0, " + (partners - 1) + ") g");
            // a month well above every status's keep-conditions (K1-K5), or, for every seventh partner, sales far below K1
            sql.execute("INSERT INTO partner_month (partner_id, month, sales_kopecks, marketing_points, industry_events,"
                    + "                            success_stories, new_clients)"
                    + " SELECT 'review-' || lpad(g::text, 7, '0'), make_date(2026, m, 1),"
                    + "        CASE WHEN g % 7 = 0 THEN 1000000 ELSE 25000000 END, 60, 1, 1, 10"
                    + "   FROM generate_series(0, " + (partners - 1) + ") g, generate_series(1, 6) m");
            sql.execute("VACUUM ANALYZE partner");
            sql.execute("VACUUM ANALYZE partner_month");
            return (partners + 6) / 7;
        }
    }

    /** Polls until tier-service's outbox holds nothing: every event the review made is on the broker. Returns when that was seen. */
    private static long awaitOutboxEmpty(Database tier) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Connection connection = tier.connect();
             Statement query = connection.createStatement()) {
            long left;
            while ((left = EngineThroughput.single(query, "SELECT count(*) FROM platform.outbox_message")) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("tier-service's outbox still held " + left + " events after " + PATIENCE.toMinutes()
                            + " minutes");
                }
                BenchKafka.sleep(Duration.ofMillis(100));
            }
        }
        return System.nanoTime();
    }

    private static String verify(Database tier, int partners, long shortOfIt) throws SQLException {
        try (Connection connection = tier.connect();
             Statement query = connection.createStatement()) {
            long reviewedCount = EngineThroughput.single(query, "SELECT count(*) FROM partner WHERE last_review_date = DATE '"
                    + REVIEW_DATE + "'");
            long demotedCount = EngineThroughput.single(query, "SELECT count(*) FROM status_change WHERE reason = 'REVIEW'");
            if (reviewedCount != partners || demotedCount != shortOfIt) {
                throw new IllegalStateException("reviewed " + reviewedCount + " of " + partners + ", demoted " + demotedCount + " of "
                        + shortOfIt + " that fell short");
            }
            return "verified: all " + partners + " reviewed once, the " + demotedCount + " that fell short demoted";
        }
    }
}
