package ru.moysklad.partners.deploy.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.deploy.Database;
import ru.moysklad.partners.deploy.ServiceProcess;
import ru.moysklad.partners.deploy.bench.LeadLoad.Entry;
import ru.moysklad.partners.deploy.bench.LeadLoad.Post;
import ru.moysklad.partners.deploy.bench.LeadLoad.Stretch;
import ru.moysklad.partners.devissuer.DevelopmentIssuer;
import ru.moysklad.partners.events.LeadPreferencesChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.StatusChangeReason;

/**
 * Issue 13's lead routing latency: website leads posted through the gateway at fixed rates (an open
 * loop: 50, 200 and 500 leads/s), each timed from its post to its LeadAssigned on
 * {@code lead.assignments}; and, in the same run and at the same rates, the gateway's own overhead:
 * the same post straight to lead-service, in blocks alternating with the gateway's so that both meet
 * the same state of the machine.
 *
 * <p>lead-service and the gateway run as processes of their own, with the JVM settings of every
 * benchmark's services ({@link BenchEnvironment#serviceJvmOptions}). The partners come as partner-service and tier-service would announce them, on Kafka;
 * lead-service has taken in every one of them before the first lead is posted.
 */
public final class LeadLatency implements Benchmark {

    static final String BENCHMARK = "lead routing";
    static final String OVERHEAD = "gateway overhead";
    static final List<Integer> RATES = List.of(50, 200, 500);
    /** The rate issue 13 sets its targets at. */
    static final int REFERENCE_RATE = 200;
    static final double LATENCY_TARGET_MS = 50;
    static final double OVERHEAD_TARGET_MS = 5;
    private static final String GATEWAY = "gateway";
    private static final String LEAD_SERVICE = "lead-service";
    private static final String JIT = "JIT";

    /** Every post comes from 127.0.0.1, where the gateway's lead form otherwise allows 5 a minute. */
    private static final int FORM_POSTS_PER_MINUTE = 1_000_000;
    private static final int WARM_UP_RATE = 100;
    /**
     * The warm-up goes on, a block at a time, until the JIT compilers of the gateway and lead-service
     * spend at most this share of the two processes' CPU: until then the compilers take cores from
     * the lead path, and a figure measures how far compilation has got rather than the services
     * (on a slow machine, lead-service still compiled at the run's end: docs/benchmarks.md). A
     * service in production compiles once, in its first minutes, and then runs for days.
     */
    private static final double JIT_QUIET_SHARE = 0.05;
    /** At most this many blocks more of warm-up at full size, whatever the compilers do; fewer in a scaled-down run. */
    private static final int MAX_MORE_WARM_UP = 18;
    /** Gateway and direct blocks alternate this many times in each rate's measured time. */
    private static final int BLOCKS = 4;
    private static final long SEED = 20261301L;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration ROUTING_PATIENCE = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);
    /**
     * Where partners and leads are, in per cent (an assumption: roughly by business population):
     * partners are drawn by these shares, and so are the leads' regions, so every region's partners
     * fill at about the same pace.
     */
    private static final Map<String, Integer> REGION_SHARES = regionShares();
    /** lead-service's rotation weights of the statuses that receive leads (leads.routing.status-weights). */
    private static final Map<PartnerStatus, Integer> STATUS_WEIGHTS = Map.of(PartnerStatus.PARTNER, 1, PartnerStatus.EXPERT, 2,
            PartnerStatus.REPRESENTATIVE, 3);
    /** What lead-service's region routing lock and contact lock are taken with (JdbcPartnerRoster.lockRegion, JdbcLeads). */
    private static final String ADVISORY_LOCK = "pg_advisory_xact_lock(";
    /** How many of lead-service's statements the log names at each rate, the heaviest first. */
    private static final int HEAVIEST = 6;
    /** lead-service's consumer groups that take in partners' news (its PartnerNewsListener). */
    private static final Map<String, Topic> PARTNER_NEWS = Map.of("lead-service.partners", Topic.PARTNER_LIFECYCLE,
            "lead-service.statuses", Topic.PARTNER_STATUS_CHANGES);

    @Override
    public String name() {
        return "leads";
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        Schedule schedule = Schedule.of(env);
        List<ServiceProcess> started = new ArrayList<>();
        Path issuerKey = Files.createTempFile("bench-issuer-", ".pem");
        try {
            Files.writeString(issuerKey, DevelopmentIssuer.withNewKey().publicKeyPem(), StandardCharsets.UTF_8);
            Database leadDatabase = env.databaseFor().apply("lead_service");
            ServiceProcess lead = env.service(LEAD_SERVICE, LEAD_SERVICE)
                    .database(leadDatabase)
                    .build();
            ServiceProcess gateway = env.service("gateway", "gateway")
                    .property("platform.services.lead", lead.baseUrl())
                    .property("platform.security.issuer", DevelopmentIssuer.ISSUER)
                    .property("platform.security.public-key-location", "file:" + issuerKey.toAbsolutePath())
                    .property("platform.lead-form.rate-limit.requests", Integer.toString(FORM_POSTS_PER_MINUTE))
                    .property("platform.lead-form.rate-limit.window", "PT1M")
                    .build();
            env.out().println("leads: starting lead-service and the gateway (" + String.join(" ", env.serviceJvmOptions(LEAD_SERVICE))
                    + ") ...");
            for (ServiceProcess service : List.of(lead, gateway)) {
                started.add(service);
                service.start();
            }
            for (ServiceProcess service : started) {
                service.awaitHealthy(PATIENCE);
            }
            env.out().println("leads: the gateway's lead-form limit is raised from 5 to " + Figure.number(FORM_POSTS_PER_MINUTE)
                    + " posts a minute per address for the benchmark: every post comes from 127.0.0.1");

            seedPartners(env, schedule.totalPosts());
            CpuMeter cpu = CpuMeter.of(GATEWAY, gateway::cpuTime).and(LEAD_SERVICE, lead::cpuTime).and("PostgreSQL", env.databaseCpu())
                    .and("Kafka", env.brokerCpu()).and("load generator", CpuMeter::ownCpuTime)
                    .part(GATEWAY, JIT, gateway::jitCpuTime).part(LEAD_SERVICE, JIT, lead::jitCpuTime);
            try (StatementMeter statements = StatementMeter.on(leadDatabase)) {
                return measure(env, schedule, Map.of(Entry.GATEWAY, URI.create(gateway.baseUrl() + "/api/leads"),
                        Entry.DIRECT, URI.create(lead.baseUrl() + "/api/leads")), cpu, statements);
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            Files.deleteIfExists(issuerKey);
        }
    }

    // --- the partners ---

    private record SeededPartner(String id, String region, PartnerStatus status) {
    }

    /**
     * Partners of status Partner and above (six in ten Partners, three Experts, one Representative) in
     * every region by its share. Each takes open leads in proportion to its rotation weight, twice
     * what the run will post in all: nobody answers a lead during the run, and a lead must find a
     * partner with room rather than go to the vendor's queue for want of places.
     */
    private void seedPartners(BenchEnvironment env, int plannedLeads) throws Exception {
        int count = env.scaled(600, 40);
        Random random = new Random(SEED);
        List<String> regions = regionWheel();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<SeededPartner> partners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int draw = random.nextInt(10);
            PartnerStatus status = draw == 0 ? PartnerStatus.REPRESENTATIVE : draw <= 3 ? PartnerStatus.EXPERT : PartnerStatus.PARTNER;
            partners.add(new SeededPartner("bench-" + run + "-" + i, regions.get(random.nextInt(regions.size())), status));
        }
        int weights = partners.stream().mapToInt(p -> STATUS_WEIGHTS.get(p.status())).sum();
        int placesPerWeight = (int) Math.ceil(2.0 * plannedLeads / weights);
        env.out().println("leads: " + count + " partners (" + countOf(partners, PartnerStatus.PARTNER) + " Partners, "
                + countOf(partners, PartnerStatus.EXPERT) + " Experts, " + countOf(partners, PartnerStatus.REPRESENTATIVE)
                + " Representatives) in " + partners.stream().map(SeededPartner::region).distinct().count()
                + " regions, announced on Kafka (PartnerRegistered, LeadPreferencesChanged, PartnerStatusChanged); each takes up to "
                + placesPerWeight + " open leads per unit of its status weight (1, 2, 3), twice what the run posts: nobody answers"
                + " a lead during the run (so no weight is corrected by answers), and without room the leads would go to the vendor's queue");

        Instant now = Instant.now();
        try (BenchKafka kafka = new BenchKafka(env.kafkaBootstrapServers())) {
            for (SeededPartner partner : partners) {
                kafka.send(Topic.PARTNER_LIFECYCLE.topicName(), PartnerRegistered.newBuilder().setEventId(partner.id() + "-registered")
                        .setOccurredAt(now).setPartnerId(partner.id()).setLegalName("OOO " + partner.id()).setTaxId("7707083893")
                        .setCountry("RU").setRegion(partner.region()).build());
                kafka.send(Topic.PARTNER_LIFECYCLE.topicName(), LeadPreferencesChanged.newBuilder().setEventId(partner.id() + "-preferences")
                        .setOccurredAt(now).setPartnerId(partner.id()).setRegionsServed(List.of(partner.region()))
                        .setMaxOpenLeads(placesPerWeight * STATUS_WEIGHTS.get(partner.status())).build());
                kafka.send(Topic.PARTNER_STATUS_CHANGES.topicName(), PartnerStatusChanged.newBuilder().setEventId(partner.id() + "-status")
                        .setOccurredAt(now).setPartnerId(partner.id()).setOldStatus(PartnerStatus.PARTNER_START).setNewStatus(partner.status())
                        .setReason(StatusChangeReason.PROMOTION).setDecidingRules(List.of()).setTriggeringEventId(partner.id() + "-registered")
                        .setRulesVersion("benchmark").setSuspended(false).build());
            }
            kafka.flush();
            long t0 = System.nanoTime();
            awaitPartnerNewsTakenIn(kafka);
            env.out().println("leads: lead-service took in every partner's news in " + seconds(System.nanoTime() - t0) + " s");
        }
    }

    private static long countOf(List<SeededPartner> partners, PartnerStatus status) {
        return partners.stream().filter(p -> p.status() == status).count();
    }

    /** Until lead-service's consumer groups have committed every partner event published so far: it knows them all. */
    private static void awaitPartnerNewsTakenIn(BenchKafka kafka) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (Map.Entry<String, Topic> news : PARTNER_NEWS.entrySet()) {
            String topic = news.getValue().topicName();
            long published = kafka.endOffsets(topic);
            long behind;
            while ((behind = published - kafka.committed(news.getKey(), topic)) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("lead-service's " + news.getKey() + " is still " + behind + " events behind on "
                            + topic + " after " + PATIENCE.toSeconds() + " s");
                }
                BenchKafka.sleep(Duration.ofMillis(200));
            }
        }
    }

    // --- the load ---

    /**
     * The run's timeline: a warm-up at {@value #WARM_UP_RATE}/s, then each rate: a short settling
     * time, then its measured time, gateway and direct blocks alternating. Nothing stops between the
     * stretches of one rate; between rates the load pauses until every lead has been routed.
     */
    private record Schedule(List<Stretch> warmUp, List<Stretch> moreWarmUp, int mostMoreWarmUp, Map<Integer, List<Stretch>> rates,
                            Duration measuredPerEntry) {

        static Schedule of(BenchEnvironment env) {
            Duration warmUp = Duration.ofMillis(env.scaled(20_000, 1_000));
            Duration moreWarmUp = Duration.ofMillis(env.scaled(5_000, 250));
            Duration settling = Duration.ofMillis(env.scaled(2_000, 200));
            Duration measured = Duration.ofMillis(env.scaled(20_000, 400));
            Map<Integer, List<Stretch>> rates = new LinkedHashMap<>();
            for (int rate : RATES) {
                List<Stretch> stretches = alternating(rate, settling, 1, false);
                stretches.addAll(alternating(rate, measured, BLOCKS, true));
                rates.put(rate, stretches);
            }
            return new Schedule(alternating(WARM_UP_RATE, warmUp, BLOCKS, false), alternating(WARM_UP_RATE, moreWarmUp, 1, false),
                    env.scaled(MAX_MORE_WARM_UP, 1), rates,
                    measured);
        }

        /** {@code blocks} pairs of a gateway block and a direct one, {@code each} in all per entry. */
        private static List<Stretch> alternating(int rate, Duration each, int blocks, boolean counted) {
            List<Stretch> stretches = new ArrayList<>();
            Duration block = each.dividedBy(blocks);
            for (int i = 0; i < blocks; i++) {
                stretches.add(new Stretch(Entry.GATEWAY, rate, block, counted));
                stretches.add(new Stretch(Entry.DIRECT, rate, block, counted));
            }
            return stretches;
        }

        /** The posts of the run at most: the warm-up as long as it may go on. */
        int totalPosts() {
            return posts(warmUp) + mostMoreWarmUp * posts(moreWarmUp) + rates.values().stream().mapToInt(Schedule::posts).sum();
        }

        private static int posts(List<Stretch> stretches) {
            return stretches.stream().mapToInt(Stretch::posts).sum();
        }
    }

    private List<Figure> measure(BenchEnvironment env, Schedule schedule, Map<Entry, URI> forms, CpuMeter cpu, StatementMeter statements)
            throws Exception {
        env.out().println("leads: open loop: each post leaves when it falls due at the fixed rate, answered or not the ones before it,"
                + " and every time is taken from when it fell due (a stalled sender counts against the platform: no coordinated omission)");
        env.out().println("leads: gateway overhead: the same post straight to lead-service, in " + BLOCKS + " blocks per entry alternating"
                + " with the gateway's at the same rate; overhead = a percentile of the answer times through the gateway less the same"
                + " percentile direct");
        List<Figure> figures = new ArrayList<>();
        Tally tally = new Tally();
        try (LeadAssignmentWatch watch = new LeadAssignmentWatch(env.kafkaBootstrapServers());
             LeadLoad load = new LeadLoad(forms, regionWheel(), SEED)) {
            env.out().println("leads: warm-up, " + Schedule.posts(schedule.warmUp()) + " leads at " + WARM_UP_RATE + "/s (not counted) ...");
            tally.add(settle(load.send(schedule.warmUp()), watch));
            figures.add(warmUntilCompiled(env, schedule, load, watch, tally, cpu));
            for (Map.Entry<Integer, List<Stretch>> stretches : schedule.rates().entrySet()) {
                int rate = stretches.getKey();
                env.out().println("leads: " + rate + " leads/s for " + schedule.measuredPerEntry().toMillis() / 1000.0
                        + " s through the gateway and as long direct ...");
                statements.start();
                CpuMeter.Stretch metered = cpu.start();
                List<Post> posts = settle(load.send(stretches.getValue()), watch);
                CpuMeter.Spent spent = metered.end();
                StatementMeter.Asked asked = statements.end();
                tally.add(posts);
                figures.addAll(figuresAt(env, rate, posts, watch));
                figures.add(cpuPerLead(env, rate, posts, spent));
                figures.add(databasePerLead(env, rate, posts, asked));
            }
            figures.addAll(tally.figures(env, watch));
        }
        return figures;
    }

    /**
     * Goes on warming up, a block at a time, until the gateway's and lead-service's JIT compilers are
     * quiet ({@link #JIT_QUIET_SHARE}) or the schedule's most blocks have passed; where the
     * system does not tell a process's threads apart, not at all.
     */
    private static Figure warmUntilCompiled(BenchEnvironment env, Schedule schedule, LeadLoad load, LeadAssignmentWatch watch, Tally tally,
                                            CpuMeter cpu) throws Exception {
        String measure = "warm-up beyond the first " + Schedule.posts(schedule.warmUp()) + " leads: blocks of "
                + Schedule.posts(schedule.moreWarmUp()) + " until the JIT compilers took ≤ " + Figure.number(100 * JIT_QUIET_SHARE)
                + " % of the gateway's and lead-service's CPU";
        double share = Double.NaN;
        for (int block = 1; block <= schedule.mostMoreWarmUp(); block++) {
            CpuMeter.Stretch metered = cpu.start();
            tally.add(settle(load.send(schedule.moreWarmUp()), watch));
            CpuMeter.Spent spent = metered.end();
            Optional<Duration> jit = spent.part(GATEWAY, JIT).flatMap(gateway -> spent.part(LEAD_SERVICE, JIT).map(gateway::plus));
            if (jit.isEmpty()) {
                env.out().println("leads: this system does not tell a process's threads apart: no more warm-up than the first");
                return Figure.of(BENCHMARK, measure, "not measured: no /proc/<pid>/task/<tid>/schedstat");
            }
            share = (double) jit.get().toNanos() / spent.of(GATEWAY).plus(spent.of(LEAD_SERVICE)).toNanos();
            env.out().println(String.format(Locale.ROOT, "leads: warm-up block %d: the JIT compilers took %.1f %% of the gateway's and"
                    + " lead-service's CPU (%s ms per lead)", block, 100 * share, spent.perUnit(Schedule.posts(schedule.moreWarmUp()))));
            if (share <= JIT_QUIET_SHARE) {
                return Figure.of(BENCHMARK, measure, String.format(Locale.ROOT, "%d blocks; the compilers' share then %.1f %%", block,
                        100 * share));
            }
        }
        env.out().println("leads: the JIT compilers were still busy after " + schedule.mostMoreWarmUp()
                + " more blocks of warm-up: measuring anyway");
        return Figure.of(BENCHMARK, measure, String.format(Locale.ROOT, "%d blocks, the most it goes on for; the compilers' share then"
                + " still %.1f %%", schedule.mostMoreWarmUp(), 100 * share));
    }

    /**
     * Waits until every post is answered and every lead received is routed, then until nothing has
     * been routed for a moment: posts that timed out may still be worked on, and the next rate must
     * not find lead-service busy with this one's leftovers.
     */
    private static List<Post> settle(LeadLoad.Sent sent, LeadAssignmentWatch watch) throws Exception {
        sent.awaitAnswers(PATIENCE);
        long deadline = System.nanoTime() + ROUTING_PATIENCE.toNanos();
        while (sent.posts().stream().anyMatch(post -> post.received() && !watch.settled(post.leadId))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        while (System.nanoTime() - watch.lastArrival() < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return sent.posts();
    }

    private static List<Figure> figuresAt(BenchEnvironment env, int rate, List<Post> posts, LeadAssignmentWatch watch) {
        Timings gateway = Timings.of(posts, Entry.GATEWAY, watch);
        Timings direct = Timings.of(posts, Entry.DIRECT, watch);
        env.out().println("leads: " + rate + "/s through the gateway: " + gateway.describe());
        env.out().println("leads: " + rate + "/s direct to lead-service: " + direct.describe());
        double overhead50 = gateway.answer(0.50) - direct.answer(0.50);
        double overhead99 = gateway.answer(0.99) - direct.answer(0.99);
        env.out().println(String.format(Locale.ROOT, "leads: %d/s gateway overhead: p50 %.2f ms, p99 %.2f ms", rate, overhead50, overhead99));

        String at = " at " + rate + "/s (ms)";
        double p99 = gateway.toAssigned(0.99);
        // a time taken while posts failed leaves those posts out: it can meet no target
        boolean complete = gateway.failed() == 0 && direct.failed() == 0;
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(BENCHMARK, "p50 post→LeadAssigned" + at, Figure.decimal(gateway.toAssigned(0.50))));
        figures.add(rate == REFERENCE_RATE
                ? Figure.against(BENCHMARK, "p99 post→LeadAssigned" + at, Figure.decimal(p99), "≤ " + Figure.number(LATENCY_TARGET_MS),
                        complete && p99 <= LATENCY_TARGET_MS)
                : Figure.of(BENCHMARK, "p99 post→LeadAssigned" + at, Figure.decimal(p99)));
        figures.add(Figure.of(BENCHMARK, "p99.9 post→LeadAssigned" + at, Figure.decimal(gateway.toAssigned(0.999))));
        figures.add(Figure.of(OVERHEAD, "p50" + at, Figure.decimal(overhead50)));
        figures.add(rate == REFERENCE_RATE
                ? Figure.against(OVERHEAD, "p99" + at, Figure.decimal(overhead99), "≤ " + Figure.number(OVERHEAD_TARGET_MS),
                        complete && overhead99 <= OVERHEAD_TARGET_MS)
                : Figure.of(OVERHEAD, "p99" + at, Figure.decimal(overhead99)));
        return figures;
    }

    /**
     * The CPU each process spent per lead at one rate, settling included: what the cores' queue,
     * and so the tail, is made of. The gateway's is per post through it, as only half of them are.
     */
    private static Figure cpuPerLead(BenchEnvironment env, int rate, List<Post> posts, CpuMeter.Spent spent) {
        long throughGateway = posts.stream().filter(post -> post.stretch.entry() == Entry.GATEWAY).count();
        int cores = Runtime.getRuntime().availableProcessors();
        String line = String.format(Locale.ROOT, "%s; the gateway %.2f per post through it; the cores %.0f %% busy",
                spent.perUnit(posts.size()), spent.millisPer(GATEWAY, throughGateway), 100 * spent.coresBusy(cores));
        env.out().println("leads: " + rate + "/s CPU per lead posted (ms): " + line);
        return Figure.of(BENCHMARK, "CPU per lead posted at " + rate + "/s (ms)", line);
    }

    /**
     * What lead-service asked of PostgreSQL per lead at one rate, settling included: each statement
     * is a round trip, and the time its advisory locks took is the time leads waited for each other —
     * for the region's routing lock, held until the region's lead before commits, and for a contact's,
     * which only a second post of the same contact waits on. (The server counts the two locks'
     * statements as one where they differ only in their constants, as they did before the fifth session.)
     */
    private static Figure databasePerLead(BenchEnvironment env, int rate, List<Post> posts, StatementMeter.Asked asked) {
        double leads = posts.size();
        StatementMeter.Counted locks = asked.matching(ADVISORY_LOCK);
        if (locks.calls() == 0) {
            throw new IllegalStateException("lead-service's statements held none with " + ADVISORY_LOCK + ", which its region's routing"
                    + " lock takes: has the lock's statement changed (JdbcPartnerRoster.lockRegion)?");
        }
        String line = String.format(Locale.ROOT, "%.1f statements in %.2f transactions, %.2f ms in statements, of which %.2f waiting for"
                        + " locks; %.2f plans made in %.2f ms", asked.statementCalls() / leads, asked.transactions() / leads,
                asked.statementMillis() / leads, locks.millis() / leads, asked.plans() / leads, asked.planMillis() / leads);
        env.out().println("leads: " + rate + "/s lead-service's database per lead posted: " + line);
        for (StatementMeter.Counted heavy : asked.heaviest(HEAVIEST)) {
            env.out().println(String.format(Locale.ROOT, "leads:   %.3f ms executing and %.3f planning per lead, %.2f calls: %s",
                    heavy.millis() / leads, heavy.planMillis() / leads, heavy.calls() / leads, StatementMeter.oneLine(heavy.query())));
        }
        return Figure.of(BENCHMARK, "lead-service's database per lead posted at " + rate + "/s", line);
    }

    /** One entry's counted posts at one rate: how they were answered and how long each lead took to be assigned. */
    private record Timings(int posts, int failed, int queued, int unrouted, long[] answerNanos, long[] toAssignedNanos) {

        static Timings of(List<Post> all, Entry entry, LeadAssignmentWatch watch) {
            List<Post> posts = all.stream().filter(p -> p.stretch.counted() && p.stretch.entry() == entry).toList();
            List<Post> received = posts.stream().filter(Post::received).toList();
            long[] answers = received.stream().mapToLong(Post::answerNanos).sorted().toArray();
            long[] assigned = received.stream().filter(p -> watch.assignedAt(p.leadId) != null)
                    .mapToLong(p -> watch.assignedAt(p.leadId) - p.dueNanos).sorted().toArray();
            int queued = (int) received.stream().filter(p -> watch.queued(p.leadId)).count();
            return new Timings(posts.size(), posts.size() - received.size(), queued,
                    received.size() - assigned.length - queued, answers, assigned);
        }

        double answer(double quantile) {
            return percentileMillis(answerNanos, quantile);
        }

        double toAssigned(double quantile) {
            return percentileMillis(toAssignedNanos, quantile);
        }

        String describe() {
            return String.format(Locale.ROOT, "%d posts, %d assigned, %d queued for the vendor, %d failed, %d never routed;"
                            + " post→LeadAssigned p50 %.2f, p99 %.2f, p99.9 %.2f, max %.2f ms; answer p50 %.2f, p99 %.2f ms",
                    posts, toAssignedNanos.length, queued, failed, unrouted, toAssigned(0.50), toAssigned(0.99), toAssigned(0.999),
                    toAssigned(1.0), answer(0.50), answer(0.99));
        }
    }

    /** The nearest-rank percentile of sorted times, in milliseconds; NaN when there are none. */
    static double percentileMillis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
    }

    /** Every post of the run, the warm-up's too: what became of each lead. */
    private static final class Tally {
        private final List<Post> posts = new ArrayList<>();

        void add(List<Post> more) {
            posts.addAll(more);
        }

        List<Figure> figures(BenchEnvironment env, LeadAssignmentWatch watch) {
            int received = count(Post::received);
            int assigned = count(p -> p.received() && watch.assignedAt(p.leadId) != null);
            int queued = count(p -> p.received() && watch.queued(p.leadId));
            int failed = posts.size() - received;
            int unrouted = received - assigned - queued;
            env.out().println("leads: in all " + posts.size() + " leads posted (warm-up included): " + assigned + " assigned to a partner, "
                    + queued + " queued for the vendor, " + unrouted + " received but never routed, " + failed + " posts failed");
            posts.stream().filter(p -> !p.received()).limit(5).forEach(p -> env.out().println("leads:   failed post: " + p.failure));
            return List.of(
                    Figure.of(BENCHMARK, "leads posted (warm-up included)", Figure.number(posts.size())),
                    Figure.of(BENCHMARK, "leads assigned to a partner (LeadAssigned)", Figure.number(assigned)),
                    Figure.of(BENCHMARK, "leads queued for the vendor", Figure.number(queued)),
                    Figure.of(BENCHMARK, "leads received but never routed", Figure.number(unrouted)),
                    Figure.of(BENCHMARK, "posts failed", Figure.number(failed)));
        }

        private int count(Predicate<Post> which) {
            return (int) posts.stream().filter(which).count();
        }
    }

    // --- regions ---

    private static Map<String, Integer> regionShares() {
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put("CENTRAL", 26);
        shares.put("VOLGA", 14);
        shares.put("NORTH_WESTERN", 12);
        shares.put("URALS", 9);
        shares.put("SIBERIAN", 9);
        shares.put("SOUTHERN", 8);
        shares.put("KZ", 5);
        shares.put("FAR_EASTERN", 4);
        shares.put("NORTH_CAUCASIAN", 4);
        shares.put("BY", 4);
        shares.put("UZ", 2);
        shares.put("CRIMEA", 1);
        shares.put("KG", 1);
        shares.put("TJ", 1);
        return shares;
    }

    /** Each region as often as its share: a uniform draw from it is a draw by share. */
    private static List<String> regionWheel() {
        List<String> wheel = new ArrayList<>();
        REGION_SHARES.forEach((region, share) -> wheel.addAll(Collections.nCopies(share, region)));
        return wheel;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
