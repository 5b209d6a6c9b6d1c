package ru.moysklad.partners.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import ru.moysklad.partners.contracts.EventHeaders;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.platform.PlatformProperties;
import ru.moysklad.partners.platform.correlation.CorrelationIdRecordInterceptor;

/** Serde, topics and failure handling for every service's Kafka clients. */
@Configuration(proxyBeanMethods = false)
public class PlatformKafkaConfiguration {

    /**
     * Producers send either outbox payloads (already encoded bytes) or events; the same template
     * publishes dead letters, whose value is the original bytes when they could not be decoded.
     */
    @Bean
    EventSerde eventSerde(PlatformProperties properties) {
        return new EventSerde(properties.kafka());
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer platformProducerSerde(EventSerde serde) {
        return factory -> useEventSerde(factory, serde);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void useEventSerde(DefaultKafkaProducerFactory factory, EventSerde serde) {
        if (!factory.getConfigurationProperties().containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
            // The outbox relay sends a batch it has already gathered and then waits for every
            // acknowledgement: the clients' own default since Kafka 4.0, a 5 ms linger for more to
            // come, only delayed each batch, and with it every event on its way to its consumers (a
            // lead's LeadAssigned among them: docs/benchmarks.md). spring.kafka.producer.properties.linger.ms still wins.
            factory.updateConfigs(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
        }
        factory.setKeySerializerSupplier(StringSerializer::new);
        factory.setValueSerializerSupplier(() -> {
            Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
            byType.put(byte[].class, new ByteArraySerializer());
            byType.put(SpecificRecord.class, serde.newSerializer());
            return new DelegatingByTypeSerializer(byType, true);
        });
    }

    /**
     * Consumers decode events; a message that cannot be decoded reaches the error handler as a
     * failure with its reason (and so the dead-letter topic) instead of stopping the consumer.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer platformConsumerSerde(EventSerde serde) {
        return factory -> useEventSerde(factory, serde);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void useEventSerde(DefaultKafkaConsumerFactory factory, EventSerde serde) {
        factory.setKeyDeserializerSupplier(StringDeserializer::new);
        factory.setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(serde.newDeserializer()));
        // A consumer group starting for the first time reads everything already published.
        factory.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    }

    @Bean
    CorrelationIdRecordInterceptor correlationIdRecordInterceptor() {
        return new CorrelationIdRecordInterceptor();
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            NewTopic named = topicNamed(topic.topicName(), properties.kafka());
            if (topic.keepsEverything()) {
                // a log that state is rebuilt from: no event may expire, and none may be compacted away
                named.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
            }
            topics.add(named);
            topics.add(topicNamed(topic.deadLetterTopicName(), properties.kafka()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topicNamed(String name, PlatformProperties.Kafka settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor()).build();
    }

    /**
     * For listeners that take records in batches ({@code containerFactory = BATCH}, with a
     * {@link BatchApplier}): the same serde, error handling and dead letters as the default factory.
     */
    @Bean(BATCH)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        return factory;
    }

    /** The batch listener container factory's name. */
    public static final String BATCH = "batchListenerContainerFactory";

    /**
     * For batch listeners that pass records on without reading them ({@code containerFactory =
     * RAW_BATCH}): values arrive as the bytes published, keys as strings; the same error handling and
     * dead letters as {@link #BATCH}. Decoding and encoding again were a quarter of tier-service's
     * profile while it forwarded a million sales to its input log (docs/benchmarks.md).
     */
    @Bean(RAW_BATCH)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> rawBatchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConsumerFactory raw = new DefaultKafkaConsumerFactory<>(consumers.getConfigurationProperties(),
                StringDeserializer::new, ByteArrayDeserializer::new);
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, raw);
        factory.setBatchListener(true);
        return factory;
    }

    /** The raw batch listener container factory's name. */
    public static final String RAW_BATCH = "rawBatchListenerContainerFactory";

    /**
     * Outages (database or broker unreachable) are retried with a growing pause until they pass, so a
     * restart of PostgreSQL loses nothing. Anything else is retried a few times, then the message goes
     * to {@code <topic>.dlt} with the reason in its headers, and the consumer moves on.
     */
    @Bean
    CommonErrorHandler platformErrorHandler(KafkaOperations<Object, Object> kafka, PlatformProperties properties) {
        PlatformProperties.Kafka settings = properties.kafka();
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(EventHeaders.DEAD_LETTER_REASON, FailureClassifier.reasonOf(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
                new FixedBackOff(settings.retryBackoff().toMillis(), settings.retries()));
        ExponentialBackOff untilItPasses = new ExponentialBackOff(settings.retryBackoff().toMillis(), 2.0);
        untilItPasses.setMaxInterval(settings.outageBackoffMax().toMillis());
        handler.setBackOffFunction((record, failure) -> FailureClassifier.isOutage(failure) ? untilItPasses : null);
        return handler;
    }
}
