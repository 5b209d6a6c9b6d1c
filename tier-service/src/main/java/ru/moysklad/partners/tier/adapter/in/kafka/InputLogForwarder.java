package ru.moysklad.partners.tier.adapter.in.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.EventFields;
import ru.moysklad.partners.contracts.Topic;

/**
 * Appends every event tier-service keeps a fact of, from partner-, sales-, bonus- and lead-service,
 * to tier-service's own input log ({@code tier.inputs}, keyed by partner), before the source offset
 * is committed. The log fixes, once, the order in which one partner's facts are applied; the engine
 * reads only the log, so rebuilding from it replays exactly the same sequence. A crash between
 * append and commit appends an event twice; the engine applies each event id once.
 */
@Component
class InputLogForwarder {

    static final String CONSUMER = "tier-service.forwarder";

    private final KafkaOperations<Object, Object> kafka;

    InputLogForwarder(KafkaOperations<Object, Object> kafka) {
        this.kafka = kafka;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER,
            topics = {Topic.Names.PARTNER_LIFECYCLE, Topic.Names.PARTNER_SALES, Topic.Names.PARTNER_ACTIVITIES,
                    Topic.Names.LEAD_ASSIGNMENTS})
    void on(SpecificRecord event) throws InterruptedException, ExecutionException, TimeoutException {
        if (!Topic.TIER_INPUTS.valueTypes().contains(event.getClass())) {
            return; // employees, billing access, managers, lead preferences: tier-service keeps no fact of them
        }
        kafka.send(Topic.Names.TIER_INPUTS, EventFields.keyOf(event), event).get(30, TimeUnit.SECONDS);
    }
}
