package ru.moysklad.partners.platform;

import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.platform.kafka.BatchApplier;
import ru.moysklad.partners.platform.kafka.EventSerde;
import ru.moysklad.partners.platform.kafka.PlatformKafkaConfiguration;
import ru.moysklad.partners.platform.outbox.Outbox;
import ru.moysklad.partners.platform.outbox.OutboxRelay;

/** Switches the shared plumbing on in every service that has this module on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
@Import(PlatformKafkaConfiguration.class)
public class PlatformAutoConfiguration {

    /**
     * The platform's tables live in their own schema with their own migration history, so a
     * service's migrations and the platform's never compete for version numbers.
     */
    @Bean
    PlatformSchema platformSchema(DataSource dataSource, PlatformProperties properties) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(properties.schema())
                .createSchemas(true)
                .locations("classpath:db/platform")
                .load()
                .migrate();
        return new PlatformSchema(properties.schema());
    }

    @Bean
    OutboxRelay outboxRelay(PlatformSchema schema, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                            KafkaOperations<Object, Object> kafka, PlatformProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka, properties);
    }

    @Bean
    Outbox outbox(PlatformSchema schema, JdbcClient jdbc, OutboxRelay relay, EventSerde serde) {
        return new Outbox(jdbc, schema.name(), relay, serde.newSerializer());
    }

    @Bean
    BatchApplier batchApplier(PlatformTransactionManager transactionManager) {
        return new BatchApplier(transactionManager);
    }

    @Bean
    ProcessedEvents processedEvents(PlatformSchema schema, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        return new ProcessedEvents(jdbc, new TransactionTemplate(transactionManager), schema.name());
    }

    /** The time every service reads, replaceable in tests. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The migrated schema that holds the outbox and processed-event tables. */
    public record PlatformSchema(String name) {
    }
}
