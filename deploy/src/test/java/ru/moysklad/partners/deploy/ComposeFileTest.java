package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.moysklad.partners.deploy.DeploymentFiles.at;
import static ru.moysklad.partners.deploy.DeploymentFiles.map;
import static ru.moysklad.partners.deploy.DeploymentFiles.textAt;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.devissuer.DevelopmentIssuer;

/** docker-compose.yml and its .env against the topic catalogue and what each module's configuration asks for. */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = DeploymentFiles.file("docker-compose.yml");
    private static final Map<String, Object> COMPOSE = DeploymentFiles.document(COMPOSE_FILE);
    private static final Map<String, String> DOT_ENV = DeploymentFiles.envFile(DeploymentFiles.file(".env"));
    /** {@code ${NAME}} and {@code ${NAME:-default}}, but not {@code $${NAME}}, which compose leaves to the container's shell. */
    private static final Pattern SUBSTITUTION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TOPIC_CREATED = Pattern.compile("(?m)^\\s*create (\\S+)(.*)$");

    @Test
    void shouldBuildEveryServiceAndTheGatewayFromTheOneDockerfile() {
        for (PlatformService service : PlatformService.values()) {
            Object compose = service(service.module());

            assertThat(textAt(compose, "build", "dockerfile")).as(service.module()).isEqualTo("Dockerfile");
            assertThat(textAt(compose, "build", "context")).as(service.module()).isEqualTo(".");
            assertThat(textAt(compose, "build", "args", "MODULE")).as(service.module()).isEqualTo(service.module());
        }
        assertThat(DeploymentFiles.text(DeploymentFiles.file("Dockerfile")))
                .contains("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre", "ARG MODULE", "./mvnw");
    }

    @Test
    void shouldCallEachServiceReadyOnlyWhenItsOwnPortAnswersReadiness() {
        for (PlatformService service : PlatformService.values()) {
            Object compose = service(service.module());

            assertThat(textAt(compose, "environment", "SERVER_PORT")).as(service.module()).isEqualTo(String.valueOf(service.port()));
            assertThat(String.valueOf(at(compose, "healthcheck", "test")))
                    .as(service.module()).contains("$${SERVER_PORT}/actuator/health/readiness");
        }
    }

    @Test
    void shouldStartEachServiceOnceItsDatabaseAndTopicsExistAndTheGatewayOnceTheServicesAreReady() {
        String gateway = PlatformService.GATEWAY.module();
        for (PlatformService service : PlatformService.values()) {
            if (!service.isGateway()) {
                assertThat(dependency(service.module(), "postgres-init")).as(service.module()).contains("service_completed_successfully");
                assertThat(dependency(service.module(), "kafka-init")).as(service.module()).contains("service_completed_successfully");
                assertThat(dependency(gateway, service.module())).as(service.module()).contains("service_healthy");
            }
        }
        assertThat(dependency("kafka-init", "kafka")).contains("service_healthy");
        assertThat(dependency("postgres-init", "postgres")).contains("service_healthy");
    }

    @Test
    void shouldOnlyWaitForHealthOfServicesThatHaveAHealthCheck() {
        map(COMPOSE.get("services")).forEach((name, definition) -> map(at(definition, "depends_on")).forEach((target, condition) -> {
            if ("service_healthy".equals(textAt(condition, "condition"))) {
                assertThat(at(service(target), "healthcheck", "test")).as(name + " waits for " + target + " to be healthy").isNotNull();
            }
        }));
    }

    @Test
    void shouldCreateEveryTopicOfTheCatalogueAndItsDeadLetterTwinWithTheConfiguredPartitions() {
        String script = String.valueOf(at(service("kafka-init"), "command"));
        Set<String> created = new LinkedHashSet<>();
        Matcher line = TOPIC_CREATED.matcher(script);
        while (line.find()) {
            created.add(line.group(1));
            if (line.group(1).equals(Topic.TIER_INPUTS.topicName())) {
                assertThat(line.group(2)).contains("retention.ms=-1", "retention.bytes=-1");
            }
        }

        assertThat(created).containsExactlyInAnyOrderElementsOf(Stream.of(Topic.values())
                .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopicName())).toList());
        assertThat(script).contains("--partitions ${KAFKA_PARTITIONS}", "--replication-factor ${KAFKA_REPLICATION_FACTOR}");
    }

    @Test
    void shouldGiveEachServiceItsOwnDatabase() {
        String createDatabases = DeploymentFiles.text(DeploymentFiles.file("deploy/compose/create-databases.sql"));
        assertThat(volumeMountedAt("postgres-init", "/create-databases.sql:ro")).hasValue("./deploy/compose/create-databases.sql");

        for (PlatformService service : PlatformService.values()) {
            service.database().ifPresent(database -> {
                assertThat(createDatabases).contains("('" + database + "')");
                assertThat(textAt(service(service.module()), "environment", "SPRING_DATASOURCE_URL"))
                        .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            });
        }
    }

    @Test
    void shouldSetEveryEnvironmentVariableTheServicesConfigurationLeavesToTheDeployment() {
        for (ServiceConfiguration configuration : ServiceConfiguration.all()) {
            Set<String> environment = map(at(service(configuration.module()), "environment")).keySet();

            assertThat(configuration.requiredEnvironment()).as(configuration.module()).isNotEmpty()
                    .allSatisfy(names -> assertThat(environment).as(configuration.module() + " sets one of " + names)
                            .containsAnyElementsOf(names));
        }
    }

    @Test
    void shouldRunEachServiceWithThePlatformsJvmOptionsAndTheOnesItIsDeployedWith() {
        for (PlatformService service : PlatformService.values()) {
            String options = textAt(service(service.module()), "environment", "JAVA_TOOL_OPTIONS");

            assertThat(options).as(service.module()).startsWith("${SERVICE_JAVA_OPTIONS}");
            assertThat(List.of(options.split(" "))).as(service.module()).containsAll(ServiceProcess.deployedJvmOptions(service.module()));
        }
    }

    @Test
    void shouldTakeEverySettingItSubstitutesFromDotEnv() {
        Matcher substitution = SUBSTITUTION.matcher(DeploymentFiles.text(COMPOSE_FILE));
        Set<String> substituted = new LinkedHashSet<>();
        while (substitution.find()) {
            substituted.add(substitution.group(1));
        }

        assertThat(substituted).isNotEmpty();
        assertThat(DOT_ENV).containsKeys(substituted.toArray(String[]::new));
    }

    @Test
    void shouldRunKafkaInKraftModeAndTheDatabasesAndRedisFromTheirOfficialImages() {
        assertThat(DOT_ENV.get("KAFKA_IMAGE")).startsWith("apache/kafka:4.1.");
        assertThat(DOT_ENV.get("POSTGRES_IMAGE")).matches("postgres:1[67].*");
        assertThat(DOT_ENV.get("REDIS_IMAGE")).startsWith("redis:");
        assertThat(textAt(service("kafka"), "environment", "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(textAt(service("gateway"), "environment", "SPRING_DATA_REDIS_HOST")).isEqualTo("redis");
        assertThat(DOT_ENV).containsEntry("PLATFORM_LEAD_FORM_RATE_LIMIT_STORE", "redis");
    }

    @Test
    void shouldLetTheGatewayTrustTheDevelopmentIssuerWhoseKeyTheDevIssuerServiceWrites() {
        String dataDirectory = textAt(service("dev-issuer"), "environment", LaunchOptions.DATA_DIR_ENV);
        Path publicKey = DevelopmentIssuer.publicKeyFile(Path.of(dataDirectory).resolve("dev-issuer"));

        assertThat(DOT_ENV).containsEntry("PLATFORM_SECURITY_ISSUER", DevelopmentIssuer.ISSUER)
                .containsEntry("PLATFORM_SECURITY_AUDIENCE", DevelopmentIssuer.AUDIENCE)
                .containsEntry("PLATFORM_SECURITY_PUBLIC_KEY_LOCATION", "file:" + publicKey);
        assertThat(volumeMountedAt("dev-issuer", dataDirectory)).hasValue("dev-issuer");
        assertThat(volumeMountedAt("gateway", dataDirectory + ":ro")).hasValue("dev-issuer");
        assertThat(dependency("gateway", "dev-issuer")).contains("service_completed_successfully");
    }

    @Test
    void shouldPublishOnlyTheGatewayOfThePlatformsOwnServices() {
        for (PlatformService service : PlatformService.values()) {
            boolean published = at(service(service.module()), "ports") != null;

            assertThat(published).as(service.module() + " published on the host").isEqualTo(service.isGateway());
        }
    }

    @Test
    void shouldBeAcceptedByTheComposeClient() {
        Optional<CommandLineTool> compose = CommandLineTool.compose();
        assumeTrue(compose.isPresent(), "no compose client here (neither the docker compose plugin nor docker-compose):"
                + " docker-compose.yml is checked as data only; apt-get install docker-compose to check it with a client too");

        CommandLineTool.Result result = compose.get().run(DeploymentFiles.ROOT, "-f", "docker-compose.yml", "config", "-q");

        assertThat(result.exitCode()).as(compose.get() + " config -q said:\n" + result.output()).isZero();
    }

    private static Object service(String name) {
        Object definition = at(COMPOSE, "services", name);
        assertThat(definition).as("service " + name + " in docker-compose.yml").isNotNull();
        return definition;
    }

    private static Optional<String> dependency(String service, String on) {
        return Optional.ofNullable(textAt(service(service), "depends_on", on, "condition"));
    }

    private static Optional<String> volumeMountedAt(String service, String target) {
        return DeploymentFiles.list(at(service(service), "volumes")).stream()
                .map(String::valueOf)
                .map(volume -> volume.split(":", 2))
                .filter(parts -> parts.length == 2 && parts[1].equals(target))
                .map(parts -> parts[0])
                .findFirst();
    }
}
