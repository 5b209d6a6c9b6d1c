package ru.moysklad.partners.gateway.stream;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboards' stream ({@code platform.dashboard-stream.*}).
 *
 * @param bootstrapServers the Kafka cluster to read
 * @param topics           the topics streamed (status changes and lead assignments by default)
 * @param maxSubscribers   concurrent streams this instance serves; one more is told to retry (503)
 * @param heartbeat        how often an idle stream sends a comment, so proxies keep it open
 */
@ConfigurationProperties("platform.dashboard-stream")
public record StreamProperties(String bootstrapServers, List<String> topics, int maxSubscribers, Duration heartbeat) {

    public StreamProperties {
        bootstrapServers = bootstrapServers == null || bootstrapServers.isBlank() ? "127.0.0.1:9092" : bootstrapServers;
        topics = topics == null || topics.isEmpty() ? List.of("partner.status-changes", "lead.assignments") : List.copyOf(topics);
        maxSubscribers = maxSubscribers <= 0 ? 100 : maxSubscribers;
        heartbeat = heartbeat == null || heartbeat.isZero() || heartbeat.isNegative() ? Duration.ofSeconds(15) : heartbeat;
    }
}
