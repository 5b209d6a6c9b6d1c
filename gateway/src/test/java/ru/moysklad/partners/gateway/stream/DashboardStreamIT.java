package ru.moysklad.partners.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.RuleEvaluation;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.events.FigureUnit;
import ru.moysklad.partners.gateway.GatewayHttp;
import ru.moysklad.partners.gateway.GatewayTestSupport;
import ru.moysklad.partners.platform.testing.RealInfrastructure;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * The dashboards' stream over a real Kafka broker: a status change produced on the topic reaches
 * the browser as an SSE event with its explanation, and a stream resumed with the last id it saw
 * gets exactly the events it missed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.dashboard-stream.heartbeat=PT1S")
class DashboardStreamIT {

    private static final TestProducer producer = new TestProducer();
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    KafkaEventStream stream;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        RealInfrastructure.createCatalogueTopics();
        GatewayTestSupport.configure(registry);
        registry.add("platform.dashboard-stream.bootstrap-servers", RealInfrastructure::kafkaBootstrapServers);
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void shouldDeliverAStatusChangeProducedOnKafkaWithItsExplanation() throws Exception {
        String partner = UUID.randomUUID().toString();
        try (Subscription subscription = subscribe(null, "?access_token=" + GatewayTestSupport.issuer.vendorStaff(), false)) {
            subscription.awaitEvent("ready");

            producer.send(statusChange(partner, PartnerStatus.PARTNER, PartnerStatus.EXPERT));

            Event event = subscription.awaitEvent("PartnerStatusChanged");
            assertThat(event.data()).contains("\"partnerId\":\"" + partner + "\"").contains("\"newStatus\":\"EXPERT\"")
                    .contains("\"ruleId\":\"P3\"").contains("\"occurredAt\":\"2026-");
            assertThat(event.id()).contains("partner.status-changes:");
        }
    }

    @Test
    void shouldResumeAfterTheLastEventIdWithExactlyTheEventsMissed() throws Exception {
        String partner = UUID.randomUUID().toString();
        String lastSeen;
        try (Subscription first = subscribe(null, "", true)) {
            first.awaitEvent("ready");
            producer.send(statusChange(partner, PartnerStatus.PARTNER_START, PartnerStatus.PARTNER));
            lastSeen = first.awaitEvent("PartnerStatusChanged").id();
        }
        producer.send(statusChange(partner, PartnerStatus.PARTNER, PartnerStatus.EXPERT));
        producer.send(statusChange(partner, PartnerStatus.EXPERT, PartnerStatus.REPRESENTATIVE));

        try (Subscription resumed = subscribe(lastSeen, "", true)) {
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String data = resumed.awaitEvent("PartnerStatusChanged").data();
                assertThat(data).contains(partner);
                statuses.add(data.replaceAll(".*\"newStatus\":\"([A-Z_]+)\".*", "$1"));
            }
            assertThat(statuses).containsExactly("EXPERT", "REPRESENTATIVE");
            assertThat(resumed.nextEvent(Duration.ofSeconds(2), "PartnerStatusChanged")).isNull();
        }
    }

    @Test
    void shouldStartFromAGivenMomentWhenAsked() throws Exception {
        String partner = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);
        producer.send(statusChange(partner, PartnerStatus.APPLICANT, PartnerStatus.PARTNER_START));

        try (Subscription subscription = subscribe(null, "?since=" + before, true)) {
            Event event;
            do {
                event = subscription.awaitEvent("PartnerStatusChanged");
            } while (!event.data().contains(partner));
            assertThat(event.data()).contains("\"newStatus\":\"PARTNER_START\"");
        }
    }

    @Test
    void shouldKeepTheStreamForVendorStaff() {
        GatewayHttp http = new GatewayHttp(port);

        assertThat(http.call("GET", "/api/dashboard/stream", null).statusCode()).isEqualTo(401);
        assertThat(http.call("GET", "/api/dashboard/stream", GatewayTestSupport.issuer.partnerAdmin("p-1")).statusCode()).isEqualTo(403);
        assertThat(http.call("GET", "/api/dashboard/stream?access_token=x.y.z", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseALastEventIdItDidNotWrite() {
        var response = new GatewayHttp(port).call("GET", "/api/dashboard/stream?lastEventId=nonsense",
                GatewayTestSupport.issuer.vendorStaff());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"Last-Event-ID\"");
    }

    private static PartnerStatusChanged statusChange(String partner, PartnerStatus from, PartnerStatus to) {
        return PartnerStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setPartnerId(partner)
                .setOldStatus(from)
                .setNewStatus(to)
                .setReason(StatusChangeReason.PROMOTION)
                .setDecidingRules(List.of(RuleEvaluation.newBuilder().setRuleId("P3").setUnit(FigureUnit.KOPECKS)
                        .setRequired(30_000_000).setActual(31_000_000).setMet(true).build()))
                .setTriggeringEventId(UUID.randomUUID().toString())
                .setRulesVersion("test")
                .build();
    }

    private Subscription subscribe(String lastEventId, String query, boolean withHeaderToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dashboard/stream" + query))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30));
        if (withHeaderToken) {
            request.header("Authorization", "Bearer " + GatewayTestSupport.issuer.vendorStaff());
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Subscription(response.body());
    }

    record Event(String name, String id, String data) {
    }

    /** Reads SSE frames off the response on a thread of its own. */
    static final class Subscription implements AutoCloseable {

        private final java.io.InputStream body;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        Subscription(java.io.InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (name != null) {
                            events.add(new Event(name, id, data.toString()));
                        }
                        name = null;
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        Event awaitEvent(String name) throws InterruptedException {
            Event event = nextEvent(Duration.ofSeconds(30), name);
            assertThat(event).as("an SSE event named " + name).isNotNull();
            return event;
        }

        Event nextEvent(Duration timeout, String name) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event != null && event.name().equals(name)) {
                    return event;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
