package ru.moysklad.partners.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.platform.kafka.BatchApplier;
import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.platform.outbox.Outbox;
import ru.moysklad.partners.platform.testing.EventProbe;
import ru.moysklad.partners.platform.testing.WithRealInfrastructure;

@SpringBootTest
@WithRealInfrastructure
class PlatformPlumbingIT {

    private static EventProbe activities;

    @Autowired
    Outbox outbox;
    @Autowired
    ProcessedEvents processedEvents;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeAll
    static void listen() {
        activities = EventProbe.on(Topic.PARTNER_ACTIVITIES);
    }

    @AfterAll
    static void stopListening() {
        activities.close();
    }

    @Autowired
    BatchApplier batches;

    @Test
    void shouldCommitTheRecordsBeforeAFailingOneAndNameItsIndexWithItsOwnWorkRolledBack() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS batch_probe (id TEXT PRIMARY KEY)").update();
        String partnerId = "partner-" + UUID.randomUUID();
        List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(new ConsumerRecord<>("partner.activities", 0, i, partnerId, activity(partnerId, i)));
        }

        assertThatThrownBy(() -> batches.apply(records, event -> {
            ActivityLogged activity = (ActivityLogged) event;
            jdbc.sql("INSERT INTO batch_probe (id) VALUES (?)").param(activity.getEventId()).update();
            if (activity.getMarketingPoints() == 1) {
                throw new IllegalArgumentException("points of 1 are not allowed here");
            }
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
            assertThat(failure.getIndex()).isEqualTo(1);
            assertThat(failure.getMessage()).contains("points of 1 are not allowed here");
        });

        List<String> applied = jdbc.sql("SELECT id FROM batch_probe WHERE id = ANY(?)")
                .param(records.stream().map(record -> ((ActivityLogged) record.value()).getEventId()).toArray(String[]::new))
                .query(String.class).list();
        assertThat(applied).containsExactly(((ActivityLogged) records.get(0).value()).getEventId());
    }

    @Test
    void shouldPublishCommittedEventsInCommitOrderKeyedByPartnerWithTheirIdsInHeaders() {
        String partnerId = "partner-" + UUID.randomUUID();
        List<ActivityLogged> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ActivityLogged event = activity(partnerId, i);
            events.add(event);
            transactions.executeWithoutResult(status -> outbox.append(event));
        }

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId)).size() == 20);
        assertThat(activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId)))
                .extracting(ActivityLogged::getMarketingPoints)
                .containsExactlyElementsOf(events.stream().map(ActivityLogged::getMarketingPoints).toList());
        assertThat(activities.records()).filteredOn(record -> partnerId.equals(record.key())).allSatisfy(record -> {
            assertThat(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value())
                    .asString(StandardCharsets.UTF_8).isEqualTo("ru.moysklad.partners.events.ActivityLogged");
            assertThat(record.headers().lastHeader(EventHeaders.EVENT_ID)).isNotNull();
        });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> outboxRowsOf(partnerId) == 0);
    }

    @Test
    void shouldNeverPublishTheEventsOfARolledBackTransaction() {
        String partnerId = "partner-" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.append(activity(partnerId, 1));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        String witness = "witness-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> outbox.append(activity(witness, 2)));

        activities.await(ActivityLogged.class, e -> e.getPartnerId().equals(witness), Duration.ofSeconds(20));
        assertThat(activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId))).isEmpty();
        assertThat(outboxRowsOf(partnerId)).isZero();
    }

    @Test
    void shouldWriteTheEventsOfATransactionInOneGoJustBeforeItCommitsInTheirOrder() {
        String partnerId = "partner-" + UUID.randomUUID();

        long seenInside = transactions.execute(status -> {
            for (int i = 0; i < 3; i++) {
                outbox.append(activity(partnerId, i));
            }
            return outboxRowsOf(partnerId);
        });

        assertThat(seenInside).as("rows gathered until the commit").isZero();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId)).size() == 3);
        assertThat(activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId)))
                .extracting(ActivityLogged::getMarketingPoints).containsExactly(0, 1, 2);
    }

    @Test
    void shouldWriteAnEventAtOnceWhereASavepointMayRollItsPartBackAlone() {
        String partnerId = "partner-" + UUID.randomUUID();
        List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            records.add(new ConsumerRecord<>("partner.activities", 0, i, partnerId, activity(partnerId, i)));
        }
        List<Long> seenAfterAppend = new ArrayList<>();

        assertThatThrownBy(() -> batches.apply(records, event -> {
            ActivityLogged activity = (ActivityLogged) event;
            outbox.append(activity(partnerId, 10 + activity.getMarketingPoints()));
            seenAfterAppend.add(outboxRowsOf(partnerId));
            if (activity.getMarketingPoints() == 1) {
                throw new IllegalArgumentException("the second record fails after its append");
            }
        })).isInstanceOf(BatchListenerFailedException.class);

        assertThat(seenAfterAppend).as("each append written at once").containsExactly(1L, 2L);
        String witness = "witness-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> outbox.append(activity(witness, 1)));
        activities.await(ActivityLogged.class, e -> e.getPartnerId().equals(witness), Duration.ofSeconds(20));
        assertThat(activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(partnerId)))
                .as("the failed record's event rolled back with its savepoint").extracting(ActivityLogged::getMarketingPoints)
                .containsExactly(10);
    }

    @Test
    void shouldKeepTheEventsOfATransactionBegunInsideAnotherApartFromItsOwn() {
        String inner = "inner-" + UUID.randomUUID();
        String outer = "outer-" + UUID.randomUUID();
        TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.append(activity(outer, 1));
            requiresNew.executeWithoutResult(own -> outbox.append(activity(inner, 2)));
            throw new IllegalStateException("the outer change failed");
        })).hasMessage("the outer change failed");

        activities.await(ActivityLogged.class, e -> e.getPartnerId().equals(inner), Duration.ofSeconds(20));
        assertThat(activities.all(ActivityLogged.class, e -> e.getPartnerId().equals(outer))).isEmpty();
        assertThat(outboxRowsOf(outer)).isZero();
    }

    @Test
    void shouldRefuseAnOutboxAppendOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(activity("p", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void shouldApplyAnEventOnceEvenWhenTwoDeliveriesRace() throws Exception {
        ActivityLogged event = activity("partner-" + UUID.randomUUID(), 5);
        AtomicInteger applied = new AtomicInteger();
        Callable<Boolean> delivery = () -> processedEvents.applyOnce("race-test", event, () -> {
            applied.incrementAndGet();
            sleep();
        });

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> outcomes = pool.invokeAll(List.of(delivery, delivery, delivery, delivery));
            long winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(applied).hasValue(1);
    }

    @Test
    void shouldForgetTheDeliveryWhenTheEffectFailsSoTheRetryApplies() {
        ActivityLogged event = activity("partner-" + UUID.randomUUID(), 5);

        assertThatThrownBy(() -> processedEvents.applyOnce("retry-test", event, () -> {
            throw new IllegalStateException("database hiccup");
        })).hasMessage("database hiccup");

        assertThat(processedEvents.applyOnce("retry-test", event, () -> { })).isTrue();
        assertThat(processedEvents.applyOnce("retry-test", event, () -> { })).isFalse();
        assertThat(processedEvents.applyOnce("another-consumer", event, () -> { })).isTrue();
    }

    private long outboxRowsOf(String partnerId) {
        return jdbc.sql("SELECT count(*) FROM platform.outbox_message WHERE message_key = ?")
                .param(partnerId).query(Long.class).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ActivityLogged activity(String partnerId, int points) {
        return ActivityLogged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setPartnerId(partnerId)
                .setActivityId("activity-" + UUID.randomUUID())
                .setActivityType("WEBINAR")
                .setActivityDate(LocalDate.of(2026, 11, 1))
                .setMarketingPoints(points)
                .build();
    }
}
