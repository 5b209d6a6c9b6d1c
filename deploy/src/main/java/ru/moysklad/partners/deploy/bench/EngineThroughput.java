package ru.moysklad.partners.deploy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;
import ru.moysklad.partners.deploy.Database;
import ru.moysklad.partners.deploy.ServiceProcess;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.SaleRecorded;

/**
 * Issue 13, benchmark 1: the status engine's sustained throughput. 100,000 onboarded Start partners
 * (registered, S1-S3, P1, P2, 100 marketing points) are on tier-service's record; 1,000,000
 * SaleRecorded events for them wait on {@code partner.sales}; tier-service is started and the clock
 * runs from the moment it is UP until it has durably applied every sale (the engine's committed
 * offsets on its input log cover them all). In the same run, on the same broker and database, the
 * raw limits: a bare Kafka consumer decoding the same events, and a bare batched JDBC write of the
 * same shape (one idempotency row and one aggregate upsert per event, a commit per 1,000).
 */
final class EngineThroughput implements Benchmark {

    static final String NAME = "status engine";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Duration PATIENCE = Duration.ofMinutes(20);
    private static final String ENGINE = "tier-service.engine";
    private static final String FORWARDER = "tier-service.forwarder";
    /** How many statements of each stretch the log names, the heaviest first. */
    private static final int HEAVIEST = 5;
    /** The topics tier-service's forwarder moves onto its input log. */
    private static final List<String> FORWARDED = List.of(Topic.Names.PARTNER_LIFECYCLE, Topic.Names.PARTNER_SALES,
            Topic.Names.PARTNER_ACTIVITIES, Topic.Names.LEAD_ASSIGNMENTS);

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        int partners = env.scaled(100_000, 20);
        int sales = env.scaled(1_000_000, 200);
        Database tier = env.databaseFor().apply("tier_service");
        try (BenchKafka kafka = new BenchKafka(env.kafkaBootstrapServers())) {
            kafka.createTopics(List.of(Topic.Names.PARTNER_LIFECYCLE, Topic.Names.PARTNER_ACTIVITIES, Topic.Names.PARTNER_SALES,
                    Topic.Names.TIER_INPUTS));

            env.out().println("engine: " + partners + " partners onboarded on tier-service's record ...");
            long onboardingStart = System.nanoTime();
            onboard(kafka, partners);
            try (ServiceProcess service = tierService(env, tier, partners)) {
                service.start();
                service.awaitHealthy(PATIENCE);
                awaitAllApplied(kafka);
            }
            env.out().printf("engine: onboarding applied in %.1f s%n", seconds(System.nanoTime() - onboardingStart));

            env.out().println("engine: " + sales + " SaleRecorded events put on " + Topic.Names.PARTNER_SALES + " ...");
            long expectedKopecks = produceSales(kafka, partners, sales);

            env.out().println("engine: the bare Kafka consumer reads them ...");
            Sales read = new Sales(sales);
            double consumerRate = bareConsumer(env, sales, read);
            env.out().printf("engine: bare consumer %s events/s%n", Figure.number(consumerRate));

            env.out().println("engine: the bare batched JDBC shape writes them ...");
            settle(env, tier);
            Database bare = env.databaseFor().apply("bench_bare_jdbc");
            double jdbcRate;
            String jdbcCpu;
            try (StatementMeter statements = StatementMeter.on(bare)) {
                statements.start();
                CpuMeter.Stretch jdbcStretch = CpuMeter.of("client", CpuMeter::ownCpuTime).and("PostgreSQL", env.databaseCpu()).start();
                jdbcRate = bareJdbc(bare, read);
                jdbcCpu = perThousand(jdbcStretch.end(), sales);
                env.out().printf("engine: bare JDBC %s events/s; CPU per 1,000: %s%n", Figure.number(jdbcRate), jdbcCpu);
                StatementMeter.perThousand(statements.end(), sales, "sales", HEAVIEST)
                        .forEach(line -> env.out().println("engine: the bare shape's database: " + line));
            }
            dropBareShape(bare);
            settle(env, tier);

            env.out().println("engine: tier-service applies them ...");
            double engineRate;
            long applied;
            String engineCpu;
            double coresBusy;
            String jvm;
            try (ServiceProcess service = tierService(env, tier, partners)) {
                jvm = String.join(" ", service.jvmOptions()).replaceAll("-XX:StartFlightRecording=\\S+", "(flight recording)");
                service.start();
                service.awaitHealthy(PATIENCE);
                try (StatementMeter statements = StatementMeter.on(tier)) {
                    statements.start();
                    long start = System.nanoTime();
                    CpuMeter.Stretch engineStretch = CpuMeter.of("tier-service", service::cpuTime).and("PostgreSQL", env.databaseCpu())
                            .and("Kafka", env.brokerCpu()).start();
                    long atStart = kafka.committed(ENGINE, Topic.Names.TIER_INPUTS);
                    long end = awaitAllApplied(kafka);
                    applied = kafka.committed(ENGINE, Topic.Names.TIER_INPUTS) - atStart;
                    CpuMeter.Spent spent = engineStretch.end();
                    engineCpu = perThousand(spent, applied);
                    engineRate = applied / seconds(end - start);
                    coresBusy = spent.coresBusy(Runtime.getRuntime().availableProcessors());
                    env.out().printf(Locale.ROOT, "engine: tier-service %s events/s (%d applied after it was UP; %d before); CPU per 1,000"
                                    + " (tier-service / PostgreSQL / Kafka): %s; the cores %.0f %% busy%n", Figure.number(engineRate), applied,
                            sales - applied, engineCpu, 100 * coresBusy);
                    StatementMeter.perThousand(statements.end(), applied, "sales", HEAVIEST)
                            .forEach(line -> env.out().println("engine: tier-service's database: " + line));
                }
            }
            String verified = verify(tier, partners, expectedKopecks, sales);
            env.out().println("engine: " + verified);

            double ofJdbc = engineRate / jdbcRate;
            return List.of(
                    Figure.of(NAME, "bare Kafka consumer (events/s)", Figure.number(consumerRate)),
                    Figure.of(NAME, "bare batched JDBC shape (events/s)", Figure.number(jdbcRate)),
                    Figure.of(NAME, "tier-service, sales applied durably (events/s)", Figure.number(engineRate)),
                    Figure.against(NAME, "tier-service ÷ bare JDBC", Figure.decimal(ofJdbc), "≥ 0.8 (aim > 1.0)", ofJdbc >= 0.8),
                    Figure.of(NAME, "tier-service ÷ bare consumer", Figure.decimal(engineRate / consumerRate)),
                    Figure.of(NAME, "CPU per 1,000 sales, bare JDBC shape: its client / PostgreSQL (ms)", jdbcCpu),
                    Figure.of(NAME, "CPU per 1,000 sales, tier-service / PostgreSQL / Kafka (ms)",
                            String.format(Locale.ROOT, "%s; the cores %.0f %% busy", engineCpu, 100 * coresBusy)),
                    Figure.of(NAME, "size", partners + " partners, " + sales + " sales; " + verified),
                    Figure.of(NAME, "settings", "tier.engine.batch-size 5000, tier.engine.consumers 2, tier.engine.remembered-partners " + partners
                            + "; JVM " + jvm));
        }
    }

    /** As deployed, but remembering the facts of every partner of the benchmark between batches (about 2 KB each). */
    private static ServiceProcess tierService(BenchEnvironment env, Database tier, int partners) throws java.io.IOException {
        return env.service("tier-service", "tier-service")
                .database(tier)
                // the review schedule would only add noise
                .property("tier.review.scheduled", "false")
                .property("tier.engine.remembered-partners", String.valueOf(partners))
                .build();
    }

    private static void onboard(BenchKafka kafka, int partners) {
        Instant now = Instant.now();
        for (int i = 0; i < partners; i++) {
            String id = partnerId(i);
            kafka.send(Topic.Names.PARTNER_LIFECYCLE, PartnerRegistered.newBuilder().setEventId(id + "-registered").setOccurredAt(now)
                    .setPartnerId(id).setLegalName("OOO " + id).setTaxId("7707083893").setCountry("RU").setRegion("CENTRAL").build());
            for (String rule : List.of("S1", "S2", "S3", "P1", "P2")) {
                kafka.send(Topic.Names.PARTNER_LIFECYCLE, PartnerQualificationChanged.newBuilder().setEventId(id + "-" + rule)
                        .setOccurredAt(now).setPartnerId(id).setRuleId(rule).setMet(true).setDetail("benchmark").build());
            }
            kafka.send(Topic.Names.PARTNER_ACTIVITIES, ActivityLogged.newBuilder().setEventId(id + "-points").setOccurredAt(now)
                    .setPartnerId(id).setActivityId(id + "-points").setActivityType("WEBINAR").setActivityDate(LocalDate.now(MOSCOW))
                    .setMarketingPoints(100).build());
        }
        kafka.flush();
    }

    /** Sales of 5,000 to 30,000 roubles paid over the last twelve months, so that many a partner becomes a Partner on the way. */
    private static long produceSales(BenchKafka kafka, int partners, int sales) {
        SplittableRandom random = new SplittableRandom(20261125L);
        Instant now = Instant.now();
        long total = 0;
        for (int i = 0; i < sales; i++) {
            String partner = partnerId(random.nextInt(partners));
            long kopecks = random.nextLong(500_000L, 3_000_000L);
            Instant paidAt = now.minus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
            total += kopecks;
            kafka.send(Topic.Names.PARTNER_SALES, SaleRecorded.newBuilder().setEventId("sale-" + i).setOccurredAt(paidAt)
                    .setPartnerId(partner).setSaleId("sale-" + i).setClientAccountId("client-" + i).setPaidAt(paidAt)
                    .setListPriceKopecks(kopecks * 2).setPartnerPriceKopecks(kopecks).setNewClient(i % 4 == 0).build());
        }
        kafka.flush();
        return total;
    }

    /**
     * Polls until tier-service's forwarder has moved every record of its topics onto the input log
     * and the engine has applied the whole log: whatever else is on the broker (the lead
     * benchmark's LeadAssigned, for one) is applied too, so that the next phase starts from an
     * input log with nothing left on it. Returns when that was seen.
     */
    static long awaitAllApplied(BenchKafka kafka) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (forwardedAll(kafka) && kafka.committed(ENGINE, Topic.Names.TIER_INPUTS) >= kafka.endOffsets(Topic.Names.TIER_INPUTS)) {
                return System.nanoTime();
            }
            BenchKafka.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("tier-service had not applied its input log in " + PATIENCE.toMinutes() + " minutes; the forwarder at "
                + kafka.committed(FORWARDER, Topic.Names.PARTNER_SALES) + " sales, the engine at " + kafka.committed(ENGINE, Topic.Names.TIER_INPUTS)
                + " of " + kafka.endOffsets(Topic.Names.TIER_INPUTS));
    }

    private static boolean forwardedAll(BenchKafka kafka) throws Exception {
        for (String topic : FORWARDED) {
            if (kafka.committed(FORWARDER, topic) < kafka.endOffsets(topic)) {
                return false;
            }
        }
        return true;
    }

    /** The decoded sales, kept for the bare JDBC write. */
    private static final class Sales {
        final String[] eventIds;
        final String[] partnerIds;
        final YearMonth[] months;
        final long[] kopecks;
        final boolean[] newClients;
        int size;

        Sales(int capacity) {
            eventIds = new String[capacity];
            partnerIds = new String[capacity];
            months = new YearMonth[capacity];
            kopecks = new long[capacity];
            newClients = new boolean[capacity];
        }

        void add(SaleRecorded sale) {
            eventIds[size] = sale.getEventId();
            partnerIds[size] = sale.getPartnerId();
            months[size] = YearMonth.from(sale.getPaidAt().atZone(MOSCOW));
            kopecks[size] = sale.getPartnerPriceKopecks();
            newClients[size] = sale.getNewClient();
            size++;
        }
    }

    private static double bareConsumer(BenchEnvironment env, int sales, Sales read) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench.bare-consumer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new AvroSingleObjectDeserializer())) {
            consumer.subscribe(List.of(Topic.Names.PARTNER_SALES));
            long start = System.nanoTime();
            long deadline = start + PATIENCE.toNanos();
            while (read.size < sales && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add((SaleRecorded) record.value());
                }
            }
            if (read.size < sales) {
                throw new IllegalStateException("the bare consumer read only " + read.size + " of " + sales + " sales");
            }
            return sales / seconds(System.nanoTime() - start);
        }
    }

    /**
     * Leaves the database server nothing of earlier steps to do in the stretch that follows: the
     * tables vacuumed and analysed (else autovacuum does it, and its CPU is counted against whichever
     * stretch it falls in — the server's CPU is measured whole), and a checkpoint, so that the bare
     * shape and the engine both start writing pages as after one. Runs without the clock.
     */
    private static void settle(BenchEnvironment env, Database database) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
            try {
                statement.execute("CHECKPOINT");
            } catch (SQLException notAllowed) {
                env.out().println("engine: no checkpoint before the stretch (" + notAllowed.getMessage().strip() + ")");
            }
        }
    }

    /** The bare shape's million rows are not left for autovacuum to visit while the engine is measured. */
    private static void dropBareShape(Database database) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE processed_event, partner_month");
        }
    }

    private static double bareJdbc(Database database, Sales sales) throws SQLException {
        try (Connection connection = database.connect()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE processed_event (consumer TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (consumer, event_id))");
                ddl.execute("""
                        CREATE TABLE partner_month (partner_id TEXT NOT NULL, month DATE NOT NULL, sales_kopecks BIGINT NOT NULL,
                                                    new_clients BIGINT NOT NULL, PRIMARY KEY (partner_id, month))""");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement once = connection.prepareStatement(
                    "INSERT INTO processed_event (consumer, event_id) VALUES ('bench', ?) ON CONFLICT DO NOTHING");
                 PreparedStatement upsert = connection.prepareStatement("""
                         INSERT INTO partner_month (partner_id, month, sales_kopecks, new_clients) VALUES (?, ?, ?, ?)
                         ON CONFLICT (partner_id, month) DO UPDATE SET sales_kopecks = partner_month.sales_kopecks + EXCLUDED.sales_kopecks,
                                                                        new_clients = partner_month.new_clients + EXCLUDED.new_clients""")) {
                for (int i = 0; i < sales.size; i++) {
                    once.setString(1, sales.eventIds[i]);
                    once.addBatch();
                    upsert.setString(1, sales.partnerIds[i]);
                    upsert.setObject(2, sales.months[i].atDay(1));
                    upsert.setLong(3, sales.kopecks[i]);
                    upsert.setLong(4, sales.newClients[i] ? 1 : 0);
                    upsert.addBatch();
                    if ((i + 1) % 1_000 == 0 || i == sales.size - 1) {
                        once.executeBatch();
                        upsert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return sales.size / seconds(System.nanoTime() - start);
        }
    }

    /**
     * The CPU time each process spent per 1,000 events, e.g. "6.7 / 68.6": unlike a rate, hardly moved
     * by how busy the machine is, so it tells whether a change made the work smaller.
     */
    private static String perThousand(CpuMeter.Spent spent, long events) {
        return spent.byProcess().keySet().stream()
                .map(process -> events == 0 ? "-" : String.format(Locale.ROOT, "%.1f", spent.millisPer(process, events) * 1000))
                .collect(Collectors.joining(" / "));
    }

    /** What tier-service holds must be what was sent: every sale once, every kopeck counted. */
    private static String verify(Database tier, int partners, long expectedKopecks, int sales) throws SQLException {
        try (Connection connection = tier.connect();
             Statement query = connection.createStatement()) {
            long kopecks = single(query, "SELECT coalesce(sum(sales_kopecks), 0) FROM partner_month");
            long applied = single(query, "SELECT count(*) FROM platform.processed_event WHERE consumer = 'tier-service.sales'");
            long promoted = single(query, "SELECT count(*) FROM partner WHERE status = 'PARTNER'");
            if (kopecks != expectedKopecks || applied != sales) {
                throw new IllegalStateException("tier-service holds " + applied + " sales and " + kopecks + " kopecks; sent " + sales
                        + " sales and " + expectedKopecks + " kopecks");
            }
            return "verified: every sale applied once, every kopeck counted; " + promoted + " of " + partners + " promoted to Partner";
        }
    }

    /** The one number a query answers. */
    static long single(Statement query, String sql) throws SQLException {
        try (ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String partnerId(int index) {
        return String.format("bench-%07d", index);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
