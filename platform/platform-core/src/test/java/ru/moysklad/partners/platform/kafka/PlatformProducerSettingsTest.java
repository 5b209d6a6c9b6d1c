package ru.moysklad.partners.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import ru.moysklad.partners.platform.PlatformProperties;

class PlatformProducerSettingsTest {

    private final EventSerde serde = new EventSerde(new PlatformProperties(null, null, null).kafka());

    @Test
    void shouldSendAnOutboxBatchWithoutLingeringForMoreWhenTheServiceSetsNoLinger() {
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"));

        new PlatformKafkaConfiguration().platformProducerSerde(serde).customize(factory);

        assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0);
    }

    @Test
    void shouldKeepTheLingerAServiceConfigures() {
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092", ProducerConfig.LINGER_MS_CONFIG, "5"));

        new PlatformKafkaConfiguration().platformProducerSerde(serde).customize(factory);

        assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5");
    }
}
