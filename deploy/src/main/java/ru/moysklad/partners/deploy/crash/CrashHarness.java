package ru.moysklad.partners.deploy.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectSerializer;
import ru.moysklad.partners.deploy.Database;
import ru.moysklad.partners.deploy.Ports;
import ru.moysklad.partners.deploy.ServiceProcess;
import ru.moysklad.partners.deploy.crash.Workload.Activity;
import ru.moysklad.partners.deploy.crash.Workload.Event;
import ru.moysklad.partners.deploy.crash.Workload.Lead;
import ru.moysklad.partners.deploy.crash.Workload.Partner;
import ru.moysklad.partners.deploy.crash.Workload.Payment;
import ru.moysklad.partners.deploy.crash.Workload.Refund;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.BillingPaymentItem;
import ru.moysklad.partners.events.BillingPaymentReceived;
import ru.moysklad.partners.events.BillingRefundReceived;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.ProductKind;

/**
 * The platform under crashes: sales-, tier-, bonus- and lead-service run as separate processes; a
 * generated stream of payments, refunds, marketing activities and leads goes in (payments and refunds
 * as the billing platform sends them, on Kafka; activities and leads over HTTP, retried until
 * answered, as their callers would); meanwhile a random service is killed with SIGKILL every few
 * seconds and started again. At the end every partner's figures — net sales (sales-service, and
 * tier-service's cumulative), bonus points, status, leads — are reconciled against what the input
 * alone says they must be. Nothing may be lost and nothing counted twice.
 */
public final class CrashHarness {

    /** The services the stream goes through; any of them may be killed at any moment. */
    static final List<String> SERVICES = List.of("sales-service", "tier-service", "bonus-service", "lead-service");

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    /**
     * @param partners  how many partners the stream is about
     * @param events    how many payments, refunds, activities and leads
     * @param killEvery how often a service is killed while the stream runs
     * @param streamFor the least time the stream takes: its events are spread over it, so that crashes
     *                  happen while it runs however fast the machine is
     */
    public record Settings(int partners, int events, Duration killEvery, Duration streamFor, long seed, Path jars, String version,
                           Path logs) {
    }

    /**
     * Where Kafka and PostgreSQL are: the harness's own, or a test's.
     *
     * @param faults what else may be crashed and brought back while the stream runs (the broker, the
     *               database server), when the harness owns them
     */
    public record Infrastructure(String kafkaBootstrapServers, Function<String, Database> databaseFor, List<Fault> faults) {

        public Infrastructure {
            faults = List.copyOf(faults);
        }
    }

    /** A part of the infrastructure crashed and started again, e.g. the Kafka broker killed and restarted. */
    public record Fault(String name, Runnable crashAndRestart) {
    }

    /** The run's figures; {@code mismatches} empty when everything reconciled. */
    public record Outcome(Map<String, Long> sent, int kills, int infrastructureRestarts, Duration streamTime, Duration settleTime,
                          int partnersChecked, List<String> mismatches) {

        public void print(PrintStream out) {
            out.println("crash test: sent " + sent + " in " + streamTime.toSeconds() + " s; " + kills + " services killed and restarted, "
                    + infrastructureRestarts + " broker or database restarts; settled in " + settleTime.toSeconds() + " s; "
                    + partnersChecked + " partners reconciled; " + mismatches.size() + " mismatches");
            mismatches.stream().limit(50).forEach(mismatch -> out.println("  MISMATCH " + mismatch));
        }
    }

    private final Settings settings;
    private final Infrastructure infrastructure;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    public CrashHarness(Settings settings, Infrastructure infrastructure, PrintStream out) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.out = out;
    }

    public Outcome run() throws Exception {
        Workload workload = Workload.generate(settings.seed(), settings.partners(), settings.events());
        try (KafkaProducer<String, byte[]> kafka = producer(); AvroSingleObjectSerializer avro = new AvroSingleObjectSerializer()) {
            startServices();
            out.println("crash test: " + settings.partners() + " partners become Partners ...");
            makePartners(workload.partners(), kafka, avro);
            Map<String, Figures> before = figures(workload.partners());

            out.println("crash test: streaming " + workload.events().size() + " events, killing a service every "
                    + settings.killEvery().toSeconds() + " s ...");
            AtomicBoolean streaming = new AtomicBoolean(true);
            AtomicInteger kills = new AtomicInteger();
            AtomicInteger restarts = new AtomicInteger();
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<?> killer = background.submit(() -> killWhile(streaming, kills, restarts));
            Instant start = Instant.now();
            stream(workload.events(), kafka, avro);
            Duration streamTime = Duration.between(start, Instant.now());
            streaming.set(false);
            killer.get();
            background.shutdown();
            awaitEveryServiceUp();

            Instant settling = Instant.now();
            List<String> mismatches = settle(workload, before);
            Duration settleTime = Duration.between(settling, Instant.now());
            return new Outcome(workload.countByKind(), kills.get(), restarts.get(), streamTime, settleTime, workload.partners().size(),
                    mismatches);
        } finally {
            services.values().forEach(ServiceProcess::close);
        }
    }

    // --- the platform ---

    private void startServices() throws IOException {
        for (String name : SERVICES) {
            ServiceProcess service = ServiceProcess.builder(name, ServiceProcess.jarOf(settings.jars(), name, settings.version()))
                    .port(Ports.anyFree())
                    .kafka(infrastructure.kafkaBootstrapServers())
                    .database(infrastructure.databaseFor().apply(name))
                    .logFile(settings.logs().resolve(name + ".log"))
                    .build();
            services.put(name, service);
            service.start();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(PATIENCE);
        }
    }

    /**
     * Every few seconds a service killed and restarted; every fifth time, when there are any, the
     * broker or the database instead. In between, a supervisor's work: a service that exited by
     * itself (one starting while the database was down cannot migrate it, and gives up) is started
     * again, as docker-compose's restart policy and Kubernetes do.
     */
    private void killWhile(AtomicBoolean streaming, AtomicInteger kills, AtomicInteger restarts) {
        Random random = new Random(settings.seed());
        List<ServiceProcess> all = new ArrayList<>(services.values());
        List<Fault> faults = infrastructure.faults();
        long nextCrash = System.nanoTime() + settings.killEvery().toNanos();
        for (int tick = 1; streaming.get(); ) {
            sleep(Duration.ofSeconds(1));
            supervise();
            if (!streaming.get() || System.nanoTime() < nextCrash) {
                continue;
            }
            nextCrash = System.nanoTime() + settings.killEvery().toNanos();
            if (!faults.isEmpty() && tick++ % 5 == 0) {
                Fault fault = faults.get(random.nextInt(faults.size()));
                out.println("crash test: crashing " + fault.name() + " and starting it again");
                fault.crashAndRestart().run();
                restarts.incrementAndGet();
                continue;
            }
            ServiceProcess victim = all.get(random.nextInt(all.size()));
            victim.kill();
            kills.incrementAndGet();
            out.println("crash test: killed " + victim.name() + " (SIGKILL), starting it again");
            restart(victim);
        }
    }

    /** Starts again every service that is not running. */
    private void supervise() {
        for (ServiceProcess service : services.values()) {
            if (!service.isAlive()) {
                out.println("crash test: " + service.name() + " had exited (code " + service.exitCode().orElse(-1) + "); starting it again");
                restart(service);
            }
        }
    }

    /** Waits, still supervising, until every service is up. */
    private void awaitEveryServiceUp() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!services.values().stream().allMatch(ServiceProcess::isHealthy)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every service came up again within " + PATIENCE);
            }
            supervise();
            sleep(Duration.ofSeconds(2));
        }
    }

    /** Starts a killed service again; its port may take a moment to be free. */
    private static void restart(ServiceProcess service) {
        for (int attempt = 1; ; attempt++) {
            try {
                service.start();
                return;
            } catch (IllegalStateException portBusy) {
                if (attempt == 20) {
                    throw portBusy;
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    // --- the input ---

    /** Registered, onboarded (S1-S3, P1, P2), 100 marketing points and one large sale: Partner (P3-P5). */
    private void makePartners(List<Partner> partners, KafkaProducer<String, byte[]> kafka, AvroSingleObjectSerializer avro)
            throws Exception {
        Instant now = Instant.now();
        for (Partner partner : partners) {
            send(kafka, avro, PartnerRegistered.newBuilder().setEventId(partner.id() + "-registered").setOccurredAt(now)
                    .setPartnerId(partner.id()).setLegalName("OOO " + partner.id()).setTaxId("7707083893").setCountry("RU")
                    .setRegion(partner.region()).build());
            for (String rule : List.of("S1", "S2", "S3", "P1", "P2")) {
                send(kafka, avro, PartnerQualificationChanged.newBuilder().setEventId(partner.id() + "-" + rule).setOccurredAt(now)
                        .setPartnerId(partner.id()).setRuleId(rule).setMet(true).setDetail("crash test").build());
            }
            send(kafka, avro, ActivityLogged.newBuilder().setEventId(partner.id() + "-points").setOccurredAt(now).setPartnerId(partner.id())
                    .setActivityId(partner.id() + "-points").setActivityType("WEBINAR").setActivityDate(LocalDate.now(MOSCOW))
                    .setMarketingPoints(100).build());
        }
        kafka.flush();
        await("every partner a Start partner", () -> partners.stream().allMatch(p -> tierStatus(p.id()).equals("PARTNER_START")));
        for (Partner partner : partners) {
            send(kafka, avro, payment(new Payment(partner.id(), partner.id() + "-first-sale", partner.id() + "-first-client", 20_000_000L)));
        }
        kafka.flush();
        // and bonus-service has credited the welcome bonus (B4) of the onboarding: the figures start from here
        await("every partner a Partner, as tier-service and sales-service see it, with its welcome bonus", () -> partners.stream()
                .allMatch(p -> tierStatus(p.id()).equals("PARTNER") && salesStatus(p.id()).equals("PARTNER")
                        && text(getOrEmpty("bonus-service", "/api/bonus/partners/" + p.id() + "/balance"), "\"balance\":(\\d+)")
                        .equals("10000")));
    }

    private void stream(List<Event> events, KafkaProducer<String, byte[]> kafka, AvroSingleObjectSerializer avro) throws Exception {
        // HTTP calls go out in parallel, as many callers would make them; Kafka sends keep their order per partner
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        long start = System.nanoTime();
        long spacing = settings.streamFor().toNanos() / Math.max(1, events.size());
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            long due = start + i * spacing;
            if (due > System.nanoTime()) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            if (event instanceof Payment payment) {
                send(kafka, avro, payment(payment));
            } else if (event instanceof Refund refund) {
                send(kafka, avro, BillingRefundReceived.newBuilder().setEventId(refund.refundId()).setOccurredAt(Instant.now())
                        .setPartnerId(refund.partnerId()).setRefundId(refund.refundId()).setPaymentId(refund.of().paymentId())
                        .setRefundedAt(Instant.now()).setListPriceKopecks(refund.of().listPriceKopecks()).build());
            } else if (event instanceof Activity activity) {
                calls.add(callers.submit(() -> logActivity(activity)));
            } else if (event instanceof Lead lead) {
                calls.add(callers.submit(() -> postLead(lead)));
            }
        }
        kafka.flush();
        for (Future<?> call : calls) {
            call.get();
        }
        callers.shutdown();
    }

    private static BillingPaymentReceived payment(Payment payment) {
        Instant now = Instant.now();
        return BillingPaymentReceived.newBuilder().setEventId(payment.paymentId()).setOccurredAt(now).setPartnerId(payment.partnerId())
                .setPaymentId(payment.paymentId()).setPaidAt(now).setClientAccountId(payment.clientId())
                .setItems(List.of(BillingPaymentItem.newBuilder().setKind(ProductKind.TARIFF).setProductCode("BASIC").setPeriodMonths(1)
                        .setListPriceKopecks(payment.listPriceKopecks()).build()))
                .build();
    }

    private void logActivity(Activity activity) {
        String body = "{\"type\": \"WEBINAR\", \"date\": \"" + LocalDate.now(MOSCOW) + "\", \"description\": \"webinar " + activity.key() + "\"}";
        untilAnswered("bonus-service", "/api/bonus/partners/" + activity.partnerId() + "/activities", body,
                Map.of("Idempotency-Key", activity.key()));
    }

    private void postLead(Lead lead) {
        String body = "{\"company\": \"OOO Lead\", \"contactName\": \"Client\", \"phone\": \"" + lead.phone() + "\", \"region\": \""
                + lead.region() + "\", \"consent\": true}";
        untilAnswered("lead-service", "/api/leads", body, Map.of());
    }

    /** Posts until the service answers (a killed one does not); a repeat is safe: both calls are idempotent. */
    private void untilAnswered(String service, String path, String body, Map<String, String> headers) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.get(service).baseUrl() + path))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header("X-Platform-Caller", "crash-test").header("X-Platform-Roles", "vendor-staff")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 300) {
                    return;
                }
                if (response.statusCode() < 500) {
                    throw new IllegalStateException(service + " refused " + path + ": " + response.statusCode() + " " + response.body());
                }
            } catch (IOException unanswered) {
                // killed, or not up yet: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " did not answer " + path + " within " + PATIENCE);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    // --- the reconciliation ---

    /** One partner's figures, as the services show them. */
    record Figures(long salesNet, long tierCumulative, long bonusBalance, long leadsAssignedByTier, String status, int leadsOffered,
                   int leadsAwaitingAnswer) {
    }

    /** Waits until every figure adds up, or, after the patience runs out, answers what does not. */
    private List<String> settle(Workload workload, Map<String, Figures> before) {
        Workload.Expected expected = workload.expected();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> mismatches;
        do {
            mismatches = reconcile(workload, expected, before);
            if (mismatches.isEmpty()) {
                return mismatches;
            }
            sleep(Duration.ofSeconds(3));
        } while (System.nanoTime() < deadline);
        return mismatches;
    }

    private List<String> reconcile(Workload workload, Workload.Expected expected, Map<String, Figures> before) {
        List<String> mismatches = new ArrayList<>();
        Map<String, Figures> after = figures(workload.partners());
        for (Partner partner : workload.partners()) {
            Figures was = before.get(partner.id());
            Figures is = after.get(partner.id());
            long net = expected.netSalesKopecks().get(partner.id());
            check(mismatches, partner, "sales-service net sales", was.salesNet() + net, is.salesNet());
            check(mismatches, partner, "tier-service cumulative sales", was.tierCumulative() + net, is.tierCumulative());
            check(mismatches, partner, "bonus balance", was.bonusBalance() + expected.bonusPoints().get(partner.id()), is.bonusBalance());
            check(mismatches, partner, "leads assigned (tier-service's record against lead-service's)", is.leadsOffered(),
                    is.leadsAssignedByTier() - was.leadsAssignedByTier());
            if (!is.status().equals("PARTNER")) {
                mismatches.add(partner.id() + ": status " + is.status() + ", expected PARTNER");
            }
            if (is.leadsAwaitingAnswer() > 5) {
                mismatches.add(partner.id() + ": " + is.leadsAwaitingAnswer() + " open leads, more than its 5");
            }
        }
        String funnel = get("lead-service", "/api/leads/funnel");
        long received = number(funnel, "\"total\":\\{\"group\":\"ALL\",\"received\":(\\d+)");
        long awaiting = number(funnel, "\"total\":\\{[^}]*\"awaitingAnswer\":(\\d+)");
        long queued = number(funnel, "\"total\":\\{[^}]*\"inVendorQueue\":(\\d+)");
        if (received != expected.leads()) {
            mismatches.add("leads received " + received + ", sent " + expected.leads());
        }
        if (awaiting + queued != received) {
            mismatches.add("leads awaiting an answer " + awaiting + " + in the vendor's queue " + queued + " != received " + received);
        }
        return mismatches;
    }

    private static void check(List<String> mismatches, Partner partner, String figure, long expected, long actual) {
        if (expected != actual) {
            mismatches.add(partner.id() + ": " + figure + " " + actual + ", expected " + expected);
        }
    }

    private Map<String, Figures> figures(List<Partner> partners) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Partner partner : partners) {
            String standing = get("tier-service", "/api/tier/partners/" + partner.id());
            String leads = get("lead-service", "/api/leads/partners/" + partner.id() + "?limit=500");
            figures.put(partner.id(), new Figures(
                    number(get("sales-service", "/api/sales/partners/" + partner.id() + "/summary"), "\"netCumulativePartnerPriceKopecks\":(-?\\d+)"),
                    number(standing, "\"cumulativeSalesKopecks\":(-?\\d+)"),
                    number(get("bonus-service", "/api/bonus/partners/" + partner.id() + "/balance"), "\"balance\":(-?\\d+)"),
                    number(standing, "\"current\":\\{\"period\":\"[^\"]*\",\"assigned\":(\\d+)"),
                    text(standing, "\"status\":\"([A-Z_]+)\""),
                    count(leads, "\"leadId\":"), count(leads, "\"status\":\"OFFERED\"")));
        }
        return figures;
    }

    private String tierStatus(String partnerId) {
        return text(getOrEmpty("tier-service", "/api/tier/partners/" + partnerId), "\"status\":\"([A-Z_]+)\"");
    }

    private String salesStatus(String partnerId) {
        HttpRequest quote = HttpRequest.newBuilder(URI.create(services.get("sales-service").baseUrl() + "/api/sales/partners/" + partnerId
                        + "/quote")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\": [{\"kind\": \"APP\", \"productCode\": \"A\", \"periodMonths\": 1, \"listPrice\": 1}]}"))
                .build();
        try {
            return text(http.send(quote, HttpResponse.BodyHandlers.ofString()).body(), "\"partnerStatus\":\"([A-Z_]+)\"");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String get(String service, String path) {
        String body = getOrEmpty(service, path);
        if (body.isEmpty()) {
            throw new IllegalStateException(service + " did not answer " + path);
        }
        return body;
    }

    private String getOrEmpty(String service, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(services.get(service).baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("X-Platform-Caller", "crash-test").header("X-Platform-Roles", "vendor-staff").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static long number(String json, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String text(String json, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static int count(String json, String needle) {
        int count = 0;
        for (int at = json.indexOf(needle); at >= 0; at = json.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    // --- plumbing ---

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> kafka, AvroSingleObjectSerializer avro, SpecificRecord event) {
        String topic = Topic.carrying(event.getClass()).topicName();
        kafka.send(new ProducerRecord<>(topic, EventFields.keyOf(event), avro.serialize(topic, event)));
    }

    private void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + PATIENCE + ": " + what);
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
