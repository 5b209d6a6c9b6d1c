package ru.moysklad.partners.gateway.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import ru.moysklad.partners.contracts.serde.AvroSingleObjectDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Kafka consumer per open stream, on its own thread, reading the configured topics from the
 * subscriber's position. It joins no consumer group and commits nothing: the position travels to
 * the browser in each event's id, and comes back on reconnect.
 */
@Component
class KafkaEventStream {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventStream.class);

    private final StreamProperties properties;
    private final JsonMapper json;
    private final AvroSingleObjectDeserializer deserializer = new AvroSingleObjectDeserializer();
    private final AtomicInteger open = new AtomicInteger();

    KafkaEventStream(StreamProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /**
     * The events after {@code resumeFrom} (partitions it does not name: from {@code since}, or from
     * now), starting with a {@code ready} event that carries the starting position, so a dashboard
     * that reconnects before any event arrives still misses nothing. Fails with 503 when this
     * instance already serves its maximum of streams.
     */
    Flux<ServerSentEvent<String>> events(StreamPosition resumeFrom, Instant since) {
        Flux<ServerSentEvent<String>> events = Flux.create(sink -> {
            if (open.incrementAndGet() > properties.maxSubscribers()) {
                open.decrementAndGet();
                sink.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "This gateway already serves " + properties.maxSubscribers() + " dashboard streams; retry shortly"));
                return;
            }
            AtomicReference<KafkaConsumer<byte[], byte[]>> consumer = new AtomicReference<>();
            Thread reader = new Thread(() -> read(resumeFrom, since, sink, consumer), "dashboard-stream");
            reader.setDaemon(true);
            // one callback only: Reactor disposes a second one at once
            sink.onDispose(() -> {
                open.decrementAndGet();
                KafkaConsumer<byte[], byte[]> current = consumer.get();
                if (current != null) {
                    current.wakeup();
                }
            });
            reader.start();
        }, FluxSink.OverflowStrategy.BUFFER);
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(properties.heartbeat())
                .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return events.mergeWith(heartbeats);
    }

    private void read(StreamPosition resumeFrom, Instant since, FluxSink<ServerSentEvent<String>> sink,
                      AtomicReference<KafkaConsumer<byte[], byte[]>> holder) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            holder.set(consumer);
            if (sink.isCancelled()) {
                return;
            }
            StreamPosition position = start(consumer, resumeFrom, since);
            sink.next(ServerSentEvent.<String>builder().id(position.toString()).event("ready")
                    .data(json.writeValueAsString(Map.of("topics", properties.topics()))).build());
            while (!sink.isCancelled()) {
                if (sink.requestedFromDownstream() == 0) {
                    Thread.sleep(50); // a slow browser: read no further than it takes
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    position = position.with(record.topic(), record.partition(), record.offset() + 1);
                    sink.next(toEvent(record, position));
                }
            }
        } catch (WakeupException | InterruptException e) {
            // the subscriber went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Dashboard stream failed: {}", e.toString());
            sink.error(e);
        }
    }

    private StreamPosition start(KafkaConsumer<byte[], byte[]> consumer, StreamPosition resumeFrom, Instant since) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : properties.topics()) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // not created yet (its producing service creates it at its first start): nothing to stream from it
                log.warn("Dashboard stream: topic {} does not exist yet; streaming without it", topic);
                infos = List.of();
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        List<TopicPartition> fromSince = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            var known = resumeFrom.offset(partition.topic(), partition.partition());
            if (known.isPresent()) {
                consumer.seek(partition, known.get());
            } else if (!resumeFrom.topics().contains(partition.topic()) && since == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                // a partition the dashboard's position does not name is new since it connected: read it all
                fromSince.add(partition);
            }
        }
        if (!fromSince.isEmpty()) {
            if (since == null) {
                consumer.seekToBeginning(fromSince);
            } else {
                Map<TopicPartition, Long> times = new HashMap<>();
                fromSince.forEach(partition -> times.put(partition, since.toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
                List<TopicPartition> nothingSince = new ArrayList<>();
                found.forEach((partition, offset) -> {
                    if (offset == null) {
                        nothingSince.add(partition);
                    } else {
                        consumer.seek(partition, offset.offset());
                    }
                });
                consumer.seekToEnd(nothingSince);
            }
        }
        StreamPosition position = StreamPosition.empty();
        for (TopicPartition partition : partitions) {
            position = position.with(partition.topic(), partition.partition(), consumer.position(partition));
        }
        return position;
    }

    private ServerSentEvent<String> toEvent(ConsumerRecord<byte[], byte[]> record, StreamPosition position) {
        try {
            SpecificRecord event = deserializer.deserialize(record.topic(), record.value());
            return ServerSentEvent.<String>builder().id(position.toString()).event(event.getSchema().getName())
                    .data(json.writeValueAsString(EventView.of(event))).build();
        } catch (RuntimeException unreadable) {
            // shown, not skipped: the dashboard learns that something it cannot read went by
            return ServerSentEvent.<String>builder().id(position.toString()).event("unreadable")
                    .data(json.writeValueAsString(Map.of("topic", record.topic(), "partition", record.partition(),
                            "offset", record.offset(), "reason", String.valueOf(unreadable.getMessage()))))
                    .build();
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-dashboard-stream");
        return props;
    }
}
