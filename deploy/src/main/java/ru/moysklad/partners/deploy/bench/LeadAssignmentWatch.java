package ru.moysklad.partners.deploy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;
import ru.moysklad.partners.events.LeadAssigned;
import ru.moysklad.partners.events.LeadQueuedForVendor;

/**
 * Reads {@code lead.assignments} and {@code lead.vendor-queue} as any consumer of them would, and
 * notes when each lead's first LeadAssigned, or its LeadQueuedForVendor, arrived. It starts at the
 * topics' ends: what earlier runs published is not this run's.
 */
final class LeadAssignmentWatch implements AutoCloseable {

    private static final List<Topic> TOPICS = List.of(Topic.LEAD_ASSIGNMENTS, Topic.LEAD_VENDOR_QUEUE);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroSingleObjectDeserializer avro = new AvroSingleObjectDeserializer();
    private final Map<String, Long> assignedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> queuedAt = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile long lastArrival = System.nanoTime();
    private volatile boolean reading = true;

    LeadAssignmentWatch(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : TOPICS) {
            consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: the ends are fixed now, before the first lead is posted, not at the first poll
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "lead-assignment-watch");
        reader.setDaemon(true);
        reader.start();
    }

    /** When the lead's first LeadAssigned arrived ({@link System#nanoTime()}), or null while none has. */
    Long assignedAt(String leadId) {
        return assignedAt.get(leadId);
    }

    boolean queued(String leadId) {
        return queuedAt.containsKey(leadId);
    }

    boolean settled(String leadId) {
        return assignedAt.containsKey(leadId) || queuedAt.containsKey(leadId);
    }

    /** When the last event arrived ({@link System#nanoTime()}), or when the watch started. */
    long lastArrival() {
        return lastArrival;
    }

    private void read() {
        try {
            while (reading) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long arrived = System.nanoTime();
                    lastArrival = arrived;
                    SpecificRecord event = avro.deserialize(record.topic(), record.value());
                    if (event instanceof LeadAssigned assigned) {
                        assignedAt.putIfAbsent(assigned.getLeadId(), arrived);
                    } else if (event instanceof LeadQueuedForVendor queued) {
                        queuedAt.putIfAbsent(queued.getLeadId(), arrived);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() ends the poll
        } finally {
            consumer.close(Duration.ofSeconds(5));
            avro.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading = false;
        consumer.wakeup();
        reader.join(10_000);
    }
}
