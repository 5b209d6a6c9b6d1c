package ru.moysklad.partners.tier.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerReviewDue;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.testing.SeededRandom;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

/**
 * The engine applies a batch of facts together (issue 13): the batch's partners locked and loaded
 * at once, their changes gathered and written just before commit. Seeded random histories — sales,
 * refunds, activities, onboarding facts, suspensions, a review, a repeated event — applied to two
 * copies of the same partners, one event per batch and in interleaved batches of 40, must leave
 * exactly the same records, months, onboarding facts and status history. And a batch with an event
 * that breaks an invariant is applied again one by one, the events before it kept, that one named.
 */
class BatchedFactsIT extends ServiceStartsHealthy {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant START = LocalDate.of(2026, 1, 12).atStartOfDay(MOSCOW).toInstant();
    private static final Instant REVIEW = LocalDate.of(2026, 7, 1).atStartOfDay(MOSCOW).toInstant();

    @Autowired
    private EngineListener engine;

    static List<Long> seeds() {
        return SeededRandom.seeds(3).toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldLeaveTheSameRecordsWhetherFactsAreAppliedOneByOneOrTogether(long seed) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = SeededRandom.random(seed);
        List<Timed> history = new ArrayList<>();
        for (int partner = 0; partner < 6; partner++) {
            history.addAll(historyOf(partner, random));
        }
        // one partition's order: the partners' events interleaved by time, each partner's in its own order
        history.sort(Comparator.comparing(Timed::at).thenComparing(Timed::sequence));

        List<SpecificRecord> oneByOne = history.stream().map(timed -> timed.event().apply("one-" + run)).toList();
        oneByOne.forEach(event -> engine.on(List.of(record(event))));
        List<SpecificRecord> together = history.stream().map(timed -> timed.event().apply("all-" + run)).toList();
        for (int from = 0; from < together.size(); from += 40) {
            engine.on(together.subList(from, Math.min(from + 40, together.size())).stream().map(BatchedFactsIT::record).toList());
        }

        assertThat(state("all-" + run)).isEqualTo(state("one-" + run)).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM status_change WHERE partner_id LIKE ?").param("all-" + run + "%")
                .query(Long.class).single()).as("the histories changed statuses on the way").isPositive();
        // V7 dropped the foreign keys: the engine itself must write a partner's row before its months and onboarding facts
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT partner_id FROM partner_month UNION ALL SELECT partner_id FROM partner_onboarding) f
                         WHERE f.partner_id LIKE ? AND NOT EXISTS (SELECT 1 FROM partner p WHERE p.partner_id = f.partner_id)""")
                .param("%-" + run + "%").query(Long.class).single()).as("months and onboarding facts without their partner").isZero();
    }

    @org.junit.jupiter.api.Test
    void shouldSetApartAnEventThatBreaksAnInvariantKeepingTheOnesBeforeItAndNamingIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant at = START.plus(Duration.ofDays(3));
        List<ConsumerRecord<String, SpecificRecord>> batch = List.of(
                record(sale(run + "-a", run + "-first", 300_000, at)),
                record(sale(run + "-b", run + "-negative", -500_000, at)),
                record(sale(run + "-a", run + "-after", 400_000, at)));

        assertThatThrownBy(() -> engine.on(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasMessageContaining("negative partner price");
        // the error handler sends the second to the dead letters and the third again; the first is applied for good
        assertThat(jdbc.sql("SELECT coalesce(sum(sales_kopecks), 0) FROM partner_month WHERE partner_id = ?").param(run + "-a")
                .query(Long.class).single()).isEqualTo(300_000L);
        assertThat(jdbc.sql("SELECT count(*) FROM partner WHERE partner_id = ?").param(run + "-b").query(Long.class).single()).isZero();
    }

    private static SaleRecorded sale(String partnerId, String eventId, long kopecks, Instant at) {
        return SaleRecorded.newBuilder().setEventId(eventId).setOccurredAt(at).setPartnerId(partnerId).setSaleId(eventId)
                .setClientAccountId("client").setPaidAt(at).setListPriceKopecks(Math.abs(kopecks) * 2).setPartnerPriceKopecks(kopecks)
                .build();
    }

    /** An event of a partner's history, made for either copy of the partner (the prefix names the copy). */
    private record Timed(Instant at, int sequence, java.util.function.Function<String, SpecificRecord> event) {
    }

    private static List<Timed> historyOf(int partner, Random random) {
        List<Timed> events = new ArrayList<>();
        int[] sequence = {0};
        Instant at = START.plus(Duration.ofHours(random.nextInt(48)));
        String p = "-p" + partner;
        Instant registeredAt = at;
        events.add(new Timed(at, sequence[0]++, copy -> PartnerRegistered.newBuilder().setEventId(copy + p + "-registered")
                .setOccurredAt(registeredAt).setPartnerId(copy + p).setLegalName("OOO").setTaxId("7707083893").setCountry("RU")
                .setRegion("CENTRAL").build()));
        for (String rule : List.of("S1", "S2", "S3", "P1", "P2")) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(24)));
            Instant when = at;
            boolean met = random.nextInt(10) > 0;
            events.add(new Timed(when, sequence[0]++, copy -> PartnerQualificationChanged.newBuilder()
                    .setEventId(copy + p + "-" + rule + "-" + when.toEpochMilli()).setOccurredAt(when).setPartnerId(copy + p)
                    .setRuleId(rule).setMet(met).setDetail("generated").build()));
        }
        boolean suspended = false;
        int count = 20 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(200)));
            if (at.isAfter(REVIEW) && events.stream().noneMatch(e -> e.at().equals(REVIEW))) {
                events.add(new Timed(REVIEW, sequence[0]++, copy -> PartnerReviewDue.newBuilder()
                        .setEventId(copy + p + "-review").setOccurredAt(REVIEW).setPartnerId(copy + p)
                        .setReviewDate(LocalDate.of(2026, 7, 1)).setRulesVersion("2026-1").build()));
            }
            Instant when = at;
            String id = p + "-" + i;
            int kind = random.nextInt(20);
            long kopecks = SeededRandom.between(random, 100_000, 8_000_000);
            if (kind < 10) {
                Instant paidAt = when.minus(Duration.ofDays(random.nextInt(3)));
                boolean newClient = random.nextBoolean();
                events.add(new Timed(when, sequence[0]++, copy -> SaleRecorded.newBuilder().setEventId(copy + id).setOccurredAt(when)
                        .setPartnerId(copy + p).setSaleId(copy + id).setClientAccountId("client" + id).setPaidAt(paidAt)
                        .setListPriceKopecks(kopecks * 2).setPartnerPriceKopecks(kopecks).setNewClient(newClient).build()));
            } else if (kind < 12) {
                Instant paidAt = when.minus(Duration.ofDays(random.nextInt(60)));
                events.add(new Timed(when, sequence[0]++, copy -> SaleRefunded.newBuilder().setEventId(copy + id).setOccurredAt(when)
                        .setPartnerId(copy + p).setRefundId(copy + id).setSaleId("sale" + id).setClientAccountId("client" + id)
                        .setPaidAt(paidAt).setRefundedAt(when).setListPriceKopecks(kopecks / 5).setPartnerPriceKopecks(kopecks / 10)
                        .setFullyRefunded(false).build()));
            } else if (kind < 17) {
                String type = SeededRandom.pick(random, List.of("WEBINAR", "INDUSTRY_EVENT", "SUCCESS_STORY", "IMPLEMENTATION_PROJECT"));
                int points = random.nextInt(60);
                events.add(new Timed(when, sequence[0]++, copy -> ActivityLogged.newBuilder().setEventId(copy + id).setOccurredAt(when)
                        .setPartnerId(copy + p).setActivityId(copy + id).setActivityType(type)
                        .setActivityDate(LocalDate.ofInstant(when, MOSCOW)).setMarketingPoints(points).build()));
            } else if (kind == 17 && !suspended) {
                suspended = true;
                events.add(new Timed(when, sequence[0]++, copy -> PartnerSuspended.newBuilder().setEventId(copy + id).setOccurredAt(when)
                        .setPartnerId(copy + p).setReason("generated").setSuspendedBy("staff").build()));
            } else if (kind == 18 && suspended) {
                suspended = false;
                events.add(new Timed(when, sequence[0]++, copy -> PartnerReinstated.newBuilder().setEventId(copy + id).setOccurredAt(when)
                        .setPartnerId(copy + p).setReason("generated").setReinstatedBy("staff").build()));
            } else if (!events.isEmpty()) {
                // delivered twice, as after a crash between the input log's append and its commit
                Timed again = events.get(events.size() - 1);
                events.add(new Timed(again.at(), sequence[0]++, again.event()));
            }
        }
        return events;
    }

    private static ConsumerRecord<String, SpecificRecord> record(SpecificRecord event) {
        return new ConsumerRecord<>(Topic.Names.TIER_INPUTS, 0, 0L, ru.moysklad.partners.contracts.EventFields.keyOf(event), event);
    }

    /** Everything the engine keeps of the copy's partners, with the copy's prefix taken out. */
    private List<String> state(String copy) {
        List<String> rows = new ArrayList<>();
        rows.addAll(rows("""
                SELECT partner_id, status, suspended, status_since, sales_before_months_kopecks, last_review_date
                  FROM partner WHERE partner_id LIKE ? ORDER BY partner_id""", copy));
        rows.addAll(rows("""
                SELECT partner_id, month, sales_kopecks, marketing_points, industry_events, success_stories, new_clients,
                       leads_assigned, lead_response_seconds
                  FROM partner_month WHERE partner_id LIKE ? ORDER BY partner_id, month""", copy));
        rows.addAll(rows("SELECT partner_id, rule_id, met, valid_until FROM partner_onboarding WHERE partner_id LIKE ? ORDER BY 1, 2", copy));
        rows.addAll(rows("""
                SELECT partner_id, occurred_at, old_status, new_status, reason, suspended, rules::text, rules_version, triggering_event_id
                  FROM status_change WHERE partner_id LIKE ? ORDER BY partner_id, id""", copy));
        return rows;
    }

    private List<String> rows(String sql, String copy) {
        return jdbc.sql(sql).param(copy + "%").query().listOfRows().stream()
                .map(Map::values)
                .map(values -> values.stream().map(String::valueOf).collect(Collectors.joining(" | ")).replace(copy, "copy"))
                .toList();
    }
}
