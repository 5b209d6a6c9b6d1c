package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.jayway.jsonpath.JsonPath;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.devissuer.DevelopmentIssuer;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.platform.testing.ApiFuzzer;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.RealInfrastructure;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * The platform end to end, as it runs in production: partner-, sales-, tier- and lead-service and
 * the gateway as separate processes from their built jars, talking only through the real broker,
 * each service on its own real database, the gateway trusting a development issuer's tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final Set<String> PERSONAL = ConcurrentHashMap.newKeySet();

    private static final long RUB = 100;
    private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    // HTTP/1.1 as the services speak it (no h2c upgrade to negotiate), and every call bounded: a call
    // left waiting on a reply that never comes must fail this test, not hold the build
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REPLY_WITHIN = Duration.ofSeconds(30);

    private static final Path ISSUER_DIRECTORY = Path.of("target", "e2e", "dev-issuer");
    private static final DevelopmentIssuer issuer = DevelopmentIssuer.inDirectory(ISSUER_DIRECTORY);
    private static final int LEAD_FORM_LIMIT = 3;

    private static ServiceProcess partner;
    private static ServiceProcess sales;
    private static ServiceProcess tier;
    private static ServiceProcess lead;
    private static ServiceProcess gateway;
    private static EventProbe saleEvents;
    private static EventProbe statusChanges;
    private static TestProducer producer;

    @BeforeAll
    static void startServices() throws IOException {
        String kafka = RealInfrastructure.kafkaBootstrapServers();
        partner = service("partner-service", kafka);
        sales = service("sales-service", kafka);
        tier = service("tier-service", kafka);
        lead = service("lead-service", kafka);
        gateway = ServiceProcess.builder("gateway", ServiceProcess.jarOf(ROOT, "gateway", VERSION))
                .port(Ports.anyFree())
                .kafka(kafka)
                .property("platform.security.issuer", DevelopmentIssuer.ISSUER)
                .property("platform.security.public-key-location",
                        "file:" + DevelopmentIssuer.publicKeyFile(ISSUER_DIRECTORY).toAbsolutePath())
                .property("platform.services.partner", partner.baseUrl())
                .property("platform.services.sales", sales.baseUrl())
                .property("platform.services.tier", tier.baseUrl())
                .property("platform.services.lead", lead.baseUrl())
                .property("platform.services.bonus", "http://127.0.0.1:" + Ports.anyFree())
                .property("platform.lead-form.rate-limit.requests", Integer.toString(LEAD_FORM_LIMIT))
                .logFile(Path.of("target", "e2e", "gateway.log"))
                .build();
        List<ServiceProcess> all = List.of(partner, sales, tier, lead, gateway);
        all.forEach(ServiceProcess::start);
        for (ServiceProcess process : all) {
            process.awaitHealthy(Duration.ofMinutes(4));
        }
        saleEvents = EventProbe.on(Topic.PARTNER_SALES);
        statusChanges = EventProbe.on(Topic.PARTNER_STATUS_CHANGES);
        producer = new TestProducer();
    }

    @AfterAll
    static void stopServices() {
        for (AutoCloseable closeable : new AutoCloseable[] {producer, saleEvents, statusChanges, gateway, partner, sales, tier, lead}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // stopping the others matters more than this one's complaint
            }
        }
    }

    @Test
    void shouldPromoteAPartnerFromAReportedSaleAndIgnoreTheSameEventDeliveredAgain() {
        String partnerId = "partner-" + UUID.randomUUID();
        String saleId = "pay-" + UUID.randomUUID();
        // partner-service's part: the partner is registered, an applicant
        producer.send(PartnerRegistered.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setLegalName("OOO Skeleton").setTaxId("7707083893").setCountry("RU")
                .setRegion("URALS").build());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> quoteStatus(partnerId) == 200);

        // partner-service's and bonus-service's parts: onboarding done (S1-S3, P1, P2), 100 marketing points (P5)
        for (String rule : List.of("S1", "S2", "S3", "P1", "P2")) {
            producer.send(PartnerQualificationChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                    .setPartnerId(partnerId).setRuleId(rule).setMet(true).setValidUntil(null).setDetail(rule).build());
        }
        producer.send(ActivityLogged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setActivityId("a-" + UUID.randomUUID()).setActivityType("WEBINAR")
                .setActivityDate(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"))).setMarketingPoints(100).build());
        statusChanges.await(PartnerStatusChanged.class,
                change -> change.getPartnerId().equals(partnerId) && change.getNewStatus() == PartnerStatus.PARTNER_START,
                Duration.ofSeconds(60));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> standing(partnerId).contains("\"ruleId\":\"P5\",\"unit\":\"POINTS\",\"required\":100,\"actual\":100"));

        assertThat(reportSale(saleId, partnerId, "200000.00")).contains("RECORDED");

        PartnerStatusChanged promotion = statusChanges.await(PartnerStatusChanged.class,
                change -> change.getPartnerId().equals(partnerId) && change.getNewStatus() == PartnerStatus.PARTNER, Duration.ofSeconds(60));
        assertThat(promotion.getOldStatus()).isEqualTo(PartnerStatus.PARTNER_START);
        assertThat(promotion.getDecidingRules()).extracting(rule -> rule.getRuleId()).containsExactly("P1", "P2", "P3", "P4", "P5");
        ConsumerRecord<String, byte[]> published = saleEvents.awaitRecord(record -> partnerId.equals(record.key()),
                Duration.ofSeconds(10)).orElseThrow();
        SaleRecorded sale = (SaleRecorded) saleEvents.decode(published);
        assertThat(sale.getSaleId()).isEqualTo(saleId);
        // priced at the partner's price: list price, or Start's 30% off once sales-service has heard of Start
        assertThat(sale.getPartnerPriceKopecks()).isIn(200_000 * RUB, 140_000 * RUB);
        assertThat(standing(partnerId)).contains("\"cumulativeSalesKopecks\":" + sale.getPartnerPriceKopecks());
        producer.sendRaw(published.topic(), published.key(), published.value());
        assertThat(reportSale(saleId, partnerId, "200000.00")).contains("ALREADY_RECORDED");
        String markerId = "pay-" + UUID.randomUUID();
        assertThat(reportSale(markerId, partnerId, "1.00")).contains("RECORDED");
        long marker = saleEvents.await(SaleRecorded.class, event -> event.getSaleId().equals(markerId), Duration.ofSeconds(30))
                .getPartnerPriceKopecks();

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> standing(partnerId).contains("\"cumulativeSalesKopecks\":" + (sale.getPartnerPriceKopecks() + marker)));
        assertThat(statusChanges.all(PartnerStatusChanged.class, change -> change.getPartnerId().equals(partnerId)))
                .as("onboarding, then the promotion; the redelivered sale promoted nobody twice").hasSize(2);
        assertThat(saleEvents.all(SaleRecorded.class, event -> event.getSaleId().equals(saleId)))
                .as("reporting the payment again published nothing new; only our redelivery is a second copy").hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAnAnonymousCallerOnEveryDocumentedRouteButTheLeadForm() {
        HttpResponse<String> docs = viaGateway("GET", "/v3/api-docs", issuer.vendorStaff(), null);
        assertThat(docs.statusCode()).isEqualTo(200);
        Map<String, Map<String, Object>> paths = JsonPath.read(docs.body(), "$.paths");
        assertThat(paths).containsKeys("/api/partners", "/api/sales/payments", "/api/tier/partners/{partnerId}", "/api/leads");
        assertThat(JsonPath.<String>read(docs.body(), "$.paths['/api/leads'].post.x-access")).isEqualTo("anyone");
        assertThat((List<String>) JsonPath.read(docs.body(), "$.x-unavailable")).containsExactly("bonus-service");

        List<String> checked = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String access = JsonPath.read(operation, "$.x-access");
            if (access.equals("anyone")) {
                return; // the lead form: its own test posts to it (posting here would spend its rate limit)
            }
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            int status = viaGateway(method.toUpperCase(Locale.ROOT), concrete, null, "{}").statusCode();
            assertThat(status).as(method + " " + path).isEqualTo(401);
            checked.add(method + " " + path);
        }));
        assertThat(checked).hasSizeGreaterThan(25);
    }

    @Test
    void shouldLetAPartnerUserSeeItsOwnPartnerAndAnswer404ForAnother() {
        String partnerId = registerThroughGateway("OOO Svoi");
        String otherId = registerThroughGateway("OOO Chuzhoi");
        String admin = issuer.partnerAdmin(partnerId);

        assertThat(viaGateway("GET", "/api/partners/" + partnerId, admin, null).body()).contains("\"legalName\":\"OOO Svoi\"");
        HttpResponse<String> other = viaGateway("GET", "/api/partners/" + otherId, admin, null);
        HttpResponse<String> missing = viaGateway("GET", "/api/partners/" + UUID.randomUUID(), issuer.vendorStaff(), null);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Chuzhoi");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JsonPath.<String>read(other.body(), "$.type")).as("indistinguishable from a partner that does not exist")
                .isEqualTo(JsonPath.read(missing.body(), "$.type"));
        assertThat(viaGateway("GET", "/api/sales/partners/" + otherId + "/summary", admin, null).statusCode()).isEqualTo(404);
        assertThat(viaGateway("POST", "/api/partners/" + partnerId + "/suspension", admin, "{\"reason\":\"x\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldStreamTheStatusChangesThatOnboardingAndAPaymentThroughTheGatewayCause() throws Exception {
        String partnerId = registerThroughGateway("OOO Potok");
        String admin = issuer.partnerAdmin(partnerId);
        String staff = issuer.vendorStaff();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/dashboard/stream"))
                .header("Authorization", "Bearer " + staff).header("Accept", "text/event-stream").timeout(REPLY_WITHIN).build();
        HttpResponse<Stream<String>> stream = HTTP.send(subscribe, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add), "sse-lines");
        reader.setDaemon(true);
        reader.start();
        awaitLine(lines, line -> line.equals("event:ready"));

        // onboarding as the partner's administrator and vendor staff do it: S1, S2 (an employee passes the test), S3
        expectOk(viaGateway("POST", "/api/partners/" + partnerId + "/onboarding/program-acknowledgement", admin, "{}"));
        String email = personal("anna-" + UUID.randomUUID() + "@potok.ru");
        HttpResponse<String> employee = viaGateway("POST", "/api/partners/" + partnerId + "/employees", admin,
                "{\"name\": \"Anna Sidorova\", \"email\": \"" + email + "\", \"selling\": true}");
        expectOk(employee);
        String employeeId = JsonPath.read(employee.body(), "$.employeeId");
        expectOk(viaGateway("POST", "/api/partners/" + partnerId + "/employees/" + employeeId + "/test-attempts", staff, "{\"score\": 95}"));
        expectOk(viaGateway("POST", "/api/partners/" + partnerId + "/onboarding/offer-acceptance", admin, "{}"));

        String onboarded = awaitLine(lines, line -> line.startsWith("data:") && line.contains(partnerId));
        assertThat(onboarded).contains("\"oldStatus\":\"APPLICANT\"").contains("\"newStatus\":\"PARTNER_START\"")
                .contains("\"reason\":\"ONBOARDING_COMPLETED\"");

        // P1, P2 by staff, 100 marketing points (bonus-service's part, not built yet), then a payment from billing
        expectOk(viaGateway("POST", "/api/partners/" + partnerId + "/onboarding/training", staff, "{\"employee\": \"Anna Sidorova\"}"));
        expectOk(viaGateway("POST", "/api/partners/" + partnerId + "/onboarding/website-verification", staff,
                "{\"url\": \"https://potok.ru/moysklad\"}"));
        producer.send(ActivityLogged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setActivityId("a-" + UUID.randomUUID()).setActivityType("WEBINAR")
                .setActivityDate(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"))).setMarketingPoints(100).build());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String standing = viaGateway("GET", "/api/tier/partners/" + partnerId, admin, null).body();
            return standing.contains("\"ruleId\":\"P2\",\"unit\":\"FLAG\",\"required\":1,\"actual\":1")
                    && standing.contains("\"ruleId\":\"P5\",\"unit\":\"POINTS\",\"required\":100,\"actual\":100");
        });
        // sales-service learns of the partner from partner-service's event on its own time, not tier-service's
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> quoteStatus(partnerId) == 200);
        HttpResponse<String> payment = viaGateway("POST", "/api/sales/payments", issuer.billingPlatform(), """
                {"paymentId": "%s", "partnerId": "%s", "clientAccountId": "client-1", "paidAt": "%s",
                 "items": [{"kind": "TARIFF", "productCode": "BASIC", "periodMonths": 1, "listPrice": "200000.00"}]}"""
                .formatted("pay-" + UUID.randomUUID(), partnerId, Instant.now()));
        assertThat(payment.statusCode()).as(payment.body()).isIn(200, 201);

        String promoted = awaitLine(lines, line -> line.startsWith("data:") && line.contains(partnerId));
        assertThat(promoted).contains("\"newStatus\":\"PARTNER\"").contains("\"reason\":\"PROMOTION\"").contains("\"ruleId\":\"P3\"");
        stream.body().close();
    }

    private static void expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isBetween(200, 299);
    }

    @Test
    void shouldTakeValidLeadsFromTheFormAndGuardItWithItsHoneypotValidationAndRateLimit() {
        String form = "{\"company\": \"OOO Lead\", \"contactName\": \"Oleg\", \"phone\": \"%s\", \"region\": \"URALS\","
                + " \"consent\": true, \"homepage\": \"%s\"}";
        String phone = personal("+7" + (9_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(999_999_999L)));

        HttpResponse<String> bot = viaGateway("POST", "/api/leads", null, form.formatted(phone, "http://spam.example"));
        assertThat(bot.statusCode()).isEqualTo(400);
        assertThat(bot.body()).contains("\"field\":\"homepage\"");

        HttpResponse<String> lead = viaGateway("POST", "/api/leads", null, form.formatted(phone, ""));
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
        assertThat(lead.body()).contains("\"leadType\":\"STANDARD\"");
        HttpResponse<String> invalid = viaGateway("POST", "/api/leads", null, "{\"company\": \"X\", \"phone\": \"call me\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"phone\"").contains("\"field\":\"consent\"").contains("\"field\":\"region\"");

        // three posts so far from this address; the limit is LEAD_FORM_LIMIT per minute
        HttpResponse<String> over = viaGateway("POST", "/api/leads", null, form.formatted(phone, ""));
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(over.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void shouldAnswerMalformedAndHostileRequestsThroughTheGatewayWithoutAServerErrorOrTheServicesInsides() throws Exception {
        ApiFuzzer.Report report = new ApiFuzzer(gateway.baseUrl(), Map.of("Authorization", "Bearer " + issuer.vendorStaff()),
                // the stream never ends, and a rebuild takes no input: neither is worth the time here
                Set.of("GET /api/dashboard/stream", "POST /api/tier/rebuild"))
                .run(Integer.getInteger("fuzz.requests", 1_000), Long.getLong("fuzz.seed", 20261125L));

        System.out.println("through the gateway, fuzz: " + report.summary());
        assertThat(report.operations()).isGreaterThan(40);
        assertThat(report.findings()).isEmpty();
        assertThat(report.serverErrors()).isZero();
    }

    /** Runs last: every other test has sent the personal data it records by then. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldWriteNoLeadsOrEmployeesPersonalDataToAnyLog() throws IOException {
        assertThat(PERSONAL).as("the tests sent personal data to look for").hasSizeGreaterThanOrEqualTo(3);
        try (var logs = Files.list(Path.of("target", "e2e"))) {
            for (Path log : logs.filter(file -> file.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log);
                assertThat(text).as(log.toString()).isNotEmpty();
                for (String value : PERSONAL) {
                    assertThat(text).as(log + " must not hold " + value).doesNotContain(value);
                }
            }
        }
    }

    /** Personal data a test sends (lead phones, employees' and administrators' e-mails), for the log scan. */
    private static String personal(String value) {
        PERSONAL.add(value);
        return value;
    }

    private static String registerThroughGateway(String legalName) {
        HttpResponse<String> response = viaGateway("POST", "/api/partners", issuer.vendorStaff(), """
                {"legalName": "%s", "taxId": "%s", "country": "RU", "region": "URALS",
                 "administratorName": "Ivan Petrov", "administratorEmail": "%s"}"""
                .formatted(legalName, newInn(), personal("admin-" + UUID.randomUUID() + "@example.ru")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.partnerId");
    }

    /** A 10-digit INN with a valid check digit, new on each call, since each partner's must be unique. */
    private static String newInn() {
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        StringBuilder inn = new StringBuilder();
        int sum = 0;
        for (int weight : weights) {
            int digit = java.util.concurrent.ThreadLocalRandom.current().nextInt(10);
            inn.append(digit);
            sum += digit * weight;
        }
        return inn.append(sum % 11 % 10).toString();
    }

    private static String awaitLine(BlockingQueue<String> lines, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no such line on the stream within 60 s");
    }

    private static HttpResponse<String> viaGateway(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static int quoteStatus(String partnerId) {
        return send(HttpRequest.newBuilder(URI.create(sales.baseUrl() + "/api/sales/partners/" + partnerId + "/quote"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\": [{\"kind\": \"APP\", \"productCode\": \"A\", \"periodMonths\": 1, \"listPrice\": 1}]}"))
                .build()).statusCode();
    }

    private static String reportSale(String paymentId, String partnerId, String listPriceRoubles) {
        String body = """
                {"paymentId": "%s", "partnerId": "%s", "clientAccountId": "client-1", "paidAt": "%s",
                 "items": [{"kind": "TARIFF", "productCode": "BASIC", "periodMonths": 1, "listPrice": "%s"}]}"""
                .formatted(paymentId, partnerId, Instant.now(), listPriceRoubles);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sales.baseUrl() + "/api/sales/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return response.body();
    }

    private static String standing(String partnerId) {
        return send(HttpRequest.newBuilder(URI.create(tier.baseUrl() + "/api/tier/partners/" + partnerId)).GET().build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(REPLY_WITHIN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ServiceProcess service(String module, String kafka) throws IOException {
        RealInfrastructure.Database database = RealInfrastructure.database(module + "_e2e");
        return ServiceProcess.builder(module, ServiceProcess.jarOf(ROOT, module, VERSION))
                .port(Ports.anyFree())
                .kafka(kafka)
                .database(new Database(database.jdbcUrl(), database.username(), database.password()))
                .logFile(Path.of("target", "e2e", module + ".log"))
                .build();
    }
}
