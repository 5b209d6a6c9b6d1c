package ru.moysklad.partners.tier.adapter.in.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.tier.application.Rebuild;

/**
 * Rebuilds every partner's state from the input log: stops the engine, sets its committed offsets
 * back to the log's beginning, forgets what it derived (partners, months, history, applied events),
 * and starts it again — each of its consumers then reads its partitions from the beginning. Review
 * runs stay recorded: they are what happened, and their reviews are in the log.
 */
@Component
class EngineRebuild implements Rebuild {

    private static final long WAIT_SECONDS = 30;

    private final KafkaListenerEndpointRegistry registry;
    private final ProcessedEvents processedEvents;
    private final Rebuild.State state;
    private final TransactionTemplate transactions;
    private final KafkaAdmin kafkaAdmin;

    EngineRebuild(KafkaListenerEndpointRegistry registry, ProcessedEvents processedEvents, Rebuild.State state,
                  TransactionTemplate transactions, KafkaAdmin kafkaAdmin) {
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
        this.processedEvents = processedEvents;
        this.state = state;
        this.transactions = transactions;
    }

    @Override
    public synchronized void rebuild() {
        MessageListenerContainer container = registry.getListenerContainer(EngineListener.ID);
        container.stop();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (container.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the engine", e);
            }
        }
        try {
            // first: if it fails (an engine of another instance still consumes), the state is left as it was
            rewindCommittedOffsets();
            transactions.executeWithoutResult(status -> {
                state.forgetAll();
                EngineListener.CONSUMERS.forEach(processedEvents::forget);
            });
        } finally {
            container.start();
        }
    }

    /** The engine's committed offsets at the input log's beginning; the group must be empty, the engine stopped everywhere. */
    private void rewindCommittedOffsets() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(List.of(Topic.Names.TIER_INPUTS)).allTopicNames().get(WAIT_SECONDS, TimeUnit.SECONDS)
                    .get(Topic.Names.TIER_INPUTS).partitions()
                    .forEach(partition -> earliest.put(new TopicPartition(Topic.Names.TIER_INPUTS, partition.partition()), OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
            admin.listOffsets(earliest).all().get(WAIT_SECONDS, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> beginning.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(EngineListener.ID, beginning).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new Rebuild.Refused("the engine's offsets could not be set back to the input log's beginning"
                    + " (is an engine of another instance still running? stop the others first): " + cause.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the engine's offsets back", e);
        }
    }

}
