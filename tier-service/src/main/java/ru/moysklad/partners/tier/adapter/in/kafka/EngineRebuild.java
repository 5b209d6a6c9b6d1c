package ru.moysklad.partners.tier.adapter.in.kafka;

import java.time.Duration;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.tier.application.Rebuild;

/**
 * Rebuilds every partner's state from the input log: stops the engine, forgets what it derived
 * (partners, months, history, applied events), and starts it again from the log's beginning.
 * Review runs stay recorded: they are what happened, and their reviews are in the log.
 */
@Component
class EngineRebuild implements Rebuild {

    private final KafkaListenerEndpointRegistry registry;
    private final EngineListener engine;
    private final ProcessedEvents processedEvents;
    private final Rebuild.State state;
    private final TransactionTemplate transactions;

    EngineRebuild(KafkaListenerEndpointRegistry registry, EngineListener engine, ProcessedEvents processedEvents, Rebuild.State state,
                  TransactionTemplate transactions) {
        this.registry = registry;
        this.engine = engine;
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
        transactions.executeWithoutResult(status -> {
            state.forgetAll();
            EngineListener.CONSUMERS.forEach(processedEvents::forget);
        });
        engine.rewindOnNextAssignment();
        container.start();
    }
}
