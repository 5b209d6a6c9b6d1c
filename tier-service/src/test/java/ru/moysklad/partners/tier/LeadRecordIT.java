package ru.moysklad.partners.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.DeclineCause;
import ru.moysklad.partners.events.LeadAccepted;
import ru.moysklad.partners.events.LeadAssigned;
import ru.moysklad.partners.events.LeadDeclined;
import ru.moysklad.partners.events.LeadOutcome;
import ru.moysklad.partners.events.LeadOutcomeRecorded;
import ru.moysklad.partners.events.LeadType;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.platform.testing.TestProducer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner's lead record over a real broker and database: lead-service's assignments, answers
 * and outcomes on {@code lead.assignments} reach the engine through its input log, once each, and
 * show in the partner's standing — informational, as the shipped rule set asks nothing of them.
 */
class LeadRecordIT extends ServiceStartsHealthy {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static TestProducer producer;
    private static EventProbe engineDeadLetters;

    @BeforeAll
    static void connect() {
        producer = new TestProducer();
        engineDeadLetters = EventProbe.onDeadLetters(Topic.TIER_INPUTS);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        engineDeadLetters.close();
    }

    @Test
    void shouldShowThePartnersLeadRecordOfThisHalfYearAndTheLastOneAndApplyARedeliveryOnce() {
        String partnerId = registered();
        Instant now = Instant.now();
        producer.send(assigned(partnerId, "lead-0", ZonedDateTime.now(MOSCOW).minusMonths(6).toInstant()));
        producer.send(assigned(partnerId, "lead-1", now));
        LeadAccepted accepted = accepted(partnerId, "lead-1", 1_200);
        producer.send(accepted);
        producer.send(outcome(partnerId, "lead-1", LeadOutcome.CONTACTED));
        producer.send(outcome(partnerId, "lead-1", LeadOutcome.WON));
        producer.send(assigned(partnerId, "lead-2", now));
        producer.send(declined(partnerId, "lead-2", DeclineCause.DECLINED, 600L));
        producer.send(assigned(partnerId, "lead-3", now));
        producer.send(declined(partnerId, "lead-3", DeclineCause.DEADLINE_MISSED, null));
        producer.send(assigned(partnerId, "lead-4", now));
        producer.send(declined(partnerId, "lead-4", DeclineCause.NO_LONGER_ELIGIBLE, null));

        Awaitility.await().atMost(WAIT).until(() -> leadRecord(partnerId).path("current").path("withdrawn").asLong() == 1);
        JsonNode record = leadRecord(partnerId);

        assertThat(record.path("informational").asBoolean()).isTrue();
        assertThat(record.path("keepCondition").isNull()).isTrue();
        JsonNode current = record.path("current");
        assertThat(List.of("assigned", "accepted", "declined", "missed", "withdrawn", "won", "lost").stream()
                .map(count -> current.path(count).asLong()).toList()).containsExactly(4L, 1L, 1L, 1L, 1L, 1L, 0L);
        assertThat(current.path("acceptancePercent").asLong()).as("1 of accepted, declined, missed").isEqualTo(33);
        assertThat(current.path("meanResponseSeconds").asLong()).as("(1,200 + 600) / 2").isEqualTo(900);
        assertThat(current.path("period").asString()).matches("\\d{4}-\\d{2}\\.\\.\\d{4}-\\d{2}");
        JsonNode previous = record.path("previous");
        assertThat(previous.path("assigned").asLong()).isEqualTo(1);
        assertThat(previous.path("acceptancePercent").isNull()).as("nothing answered then").isTrue();

        producer.send(accepted);
        producer.send(assigned(partnerId, "lead-5", now));
        Awaitility.await().atMost(WAIT).until(() -> leadRecord(partnerId).path("current").path("assigned").asLong() == 5);
        assertThat(leadRecord(partnerId).path("current").path("accepted").asLong()).as("the redelivered acceptance counted once")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM platform.processed_event WHERE consumer = 'tier-service.leads' AND event_id = ?")
                .param(accepted.getEventId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterADeclineByThePartnerWithoutItsResponseTime() {
        String partnerId = registered();
        LeadDeclined broken = declined(partnerId, "lead-1", DeclineCause.DECLINED, null);
        producer.send(assigned(partnerId, "lead-1", Instant.now()));
        producer.send(broken);
        producer.send(assigned(partnerId, "lead-2", Instant.now()));

        var deadLetter = engineDeadLetters.awaitRecord(record -> partnerId.equals(record.key()), WAIT).orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .contains("declines without a response time");
        assertThat(((LeadDeclined) engineDeadLetters.decode(deadLetter)).getEventId()).isEqualTo(broken.getEventId());
        Awaitility.await().atMost(WAIT).until(() -> leadRecord(partnerId).path("current").path("assigned").asLong() == 2);
        assertThat(leadRecord(partnerId).path("current").path("declined").asLong()).isZero();
    }

    private JsonNode leadRecord(String partnerId) {
        String standing = RestClient.create().get().uri("http://localhost:" + port + "/api/tier/partners/" + partnerId)
                .exchange((request, response) -> response.getStatusCode().value() == 200 ? response.bodyTo(String.class) : "{}");
        return JsonMapper.builder().build().readTree(standing).path("leadRecord");
    }

    private String registered() {
        String partnerId = "partner-" + UUID.randomUUID();
        producer.send(PartnerRegistered.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setLegalName("OOO Test").setTaxId("7707083893").setCountry("RU").setRegion("URALS").build());
        return partnerId;
    }

    private static LeadAssigned assigned(String partnerId, String leadId, Instant at) {
        return LeadAssigned.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setPartnerId(partnerId)
                .setLeadId(leadId).setLeadType(LeadType.STANDARD).setRegion("URALS").setAttempt(1)
                .setRespondBy(at.plus(Duration.ofHours(4))).setRuleIds(List.of("B6")).setReason("furthest behind").build();
    }

    private static LeadAccepted accepted(String partnerId, String leadId, long responseSeconds) {
        return LeadAccepted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now()).setPartnerId(partnerId)
                .setLeadId(leadId).setAttempt(1).setResponseSeconds(responseSeconds).build();
    }

    private static LeadDeclined declined(String partnerId, String leadId, DeclineCause cause, Long responseSeconds) {
        return LeadDeclined.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now()).setPartnerId(partnerId)
                .setLeadId(leadId).setAttempt(1).setCause(cause).setResponseSeconds(responseSeconds).build();
    }

    private static LeadOutcomeRecorded outcome(String partnerId, String leadId, LeadOutcome outcome) {
        return LeadOutcomeRecorded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPartnerId(partnerId).setLeadId(leadId).setOutcome(outcome)
                .setClientAccountId(outcome == LeadOutcome.WON ? "client-1" : null).build();
    }
}
