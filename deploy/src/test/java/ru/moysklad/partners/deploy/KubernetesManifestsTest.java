package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.moysklad.partners.deploy.DeploymentFiles.at;
import static ru.moysklad.partners.deploy.DeploymentFiles.byName;
import static ru.moysklad.partners.deploy.DeploymentFiles.list;
import static ru.moysklad.partners.deploy.DeploymentFiles.map;
import static ru.moysklad.partners.deploy.DeploymentFiles.textAt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.contracts.Topic;

/**
 * The Kubernetes manifests under deploy/k8s against the topic catalogue, each module's configuration
 * and its Kafka listeners: read as data everywhere, and rendered with kubectl where it is installed.
 */
class KubernetesManifestsTest {

    private static final Path BASE = DeploymentFiles.file("deploy/k8s/base");
    private static final Path PRODUCTION = DeploymentFiles.file("deploy/k8s/overlays/production");
    private static final List<Map<String, Object>> BASE_DOCUMENTS = DeploymentFiles.documentsUnder(BASE);
    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    @Test
    void shouldRunEveryServiceAndTheGatewayWithReadinessAndLivenessFromActuatorAndResourceRequests() {
        for (PlatformService service : PlatformService.values()) {
            Map<String, Object> container = container(service);

            assertThat(textAt(container, "readinessProbe", "httpGet", "path")).as(service.module()).isEqualTo(READINESS);
            assertThat(textAt(container, "livenessProbe", "httpGet", "path")).as(service.module()).isEqualTo(LIVENESS);
            assertThat(list(container.get("ports"))).as(service.module()).singleElement().satisfies(port -> {
                assertThat(textAt(port, "name")).isEqualTo(textAt(container, "readinessProbe", "httpGet", "port"))
                        .isEqualTo(textAt(container, "livenessProbe", "httpGet", "port"));
                assertThat(textAt(port, "containerPort")).isEqualTo(String.valueOf(service.port()));
            });
            assertThat(map(at(container, "resources", "requests"))).as(service.module()).containsKeys("cpu", "memory");
            assertThat(map(at(container, "resources", "limits"))).as(service.module()).containsKey("memory");
        }
    }

    @Test
    void shouldProbeOnlyServicesWhoseConfigurationExposesTheProbes() {
        assertThat(ServiceConfiguration.all()).allSatisfy(configuration ->
                assertThat(configuration.exposesProbes()).as(configuration.module()
                        + ": management.endpoint.health.probes.enabled and the health endpoint exposed").isTrue());
    }

    @Test
    void shouldScaleEveryServiceWithAnAutoscalerAndKeepItReachableThroughDisruptions() {
        Map<String, Map<String, Object>> autoscalers = byName(BASE_DOCUMENTS, "HorizontalPodAutoscaler");
        Map<String, Map<String, Object>> budgets = byName(BASE_DOCUMENTS, "PodDisruptionBudget");
        Map<String, Map<String, Object>> services = byName(BASE_DOCUMENTS, "Service");

        for (PlatformService service : PlatformService.values()) {
            Map<String, Object> deployment = deployment(service);
            Object podLabels = at(deployment, "spec", "selector", "matchLabels");

            assertThat(at(autoscalers.get(service.module()), "spec", "scaleTargetRef"))
                    .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", service.module()));
            assertThat(at(deployment, "spec", "replicas")).as(service.module() + ": the autoscaler owns the count").isNull();
            assertThat(at(budgets.get(service.module()), "spec", "selector", "matchLabels")).as(service.module()).isEqualTo(podLabels);
            assertThat(at(services.get(service.module()), "spec", "selector")).as(service.module()).isEqualTo(podLabels);
            assertThat(textAt(services.get(service.module()), "spec", "ports")).as(service.module()).contains(String.valueOf(service.port()));
        }
    }

    @Test
    void shouldDeclareEveryTopicOfTheCatalogueAndItsDeadLetterTwinAsAStrimziTopicWithThreeReplicas() {
        Map<String, Map<String, Object>> topics = byName(BASE_DOCUMENTS, "KafkaTopic");
        String cluster = single("Kafka").map(kafka -> textAt(kafka, "metadata", "name")).orElseThrow();

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Stream.of(Topic.values())
                .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopicName())).toList());
        topics.forEach((name, topic) -> {
            assertThat(textAt(topic, "spec", "topicName")).isEqualTo(name);
            assertThat(textAt(topic, "spec", "replicas")).as(name).isEqualTo("3");
            assertThat((Integer) at(topic, "spec", "partitions")).as(name).isPositive();
            assertThat(textAt(topic, "metadata", "labels", "strimzi.io/cluster")).as(name).isEqualTo(cluster);
        });
        for (Topic topic : Topic.values()) {
            if (topic.keepsEverything()) {
                assertThat(map(at(topics.get(topic.topicName()), "spec", "config")))
                        .containsEntry("retention.ms", -1).containsEntry("retention.bytes", -1);
            }
        }
    }

    @Test
    void shouldGiveEachServiceItsOwnDatabaseInOneCloudNativePgCluster() {
        Map<String, Object> cluster = single("Cluster").orElseThrow();
        String clusterName = textAt(cluster, "metadata", "name");
        Set<String> databases = new LinkedHashSet<>();
        databases.add(textAt(cluster, "spec", "bootstrap", "initdb", "database"));
        byName(BASE_DOCUMENTS, "Database").values().forEach(database -> {
            assertThat(textAt(database, "spec", "cluster", "name")).isEqualTo(clusterName);
            databases.add(textAt(database, "spec", "name"));
        });

        for (PlatformService service : PlatformService.values()) {
            service.database().ifPresent(database -> {
                assertThat(databases).contains(database);
                assertThat(environmentValue(service, "SPRING_DATASOURCE_URL"))
                        .hasValue("jdbc:postgresql://" + clusterName + "-rw:5432/" + database);
            });
        }
    }

    @Test
    void shouldLeaveKafkaAndPostgresToTheirOperatorsAndRunNoWorkloadButThePlatformsOwn() {
        List<String> modules = Stream.of(PlatformService.values()).map(PlatformService::module).toList();

        assertThat(BASE_DOCUMENTS).extracting(d -> d.get("kind"))
                .doesNotContain("StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob");
        assertThat(byName(BASE_DOCUMENTS, "Deployment").keySet()).containsExactlyInAnyOrderElementsOf(modules);
        for (PlatformService service : PlatformService.values()) {
            assertThat(textAt(container(service), "image")).startsWith("partner-platform/" + service.module() + ":");
        }
        assertThat(single("Kafka")).isPresent();
        assertThat(single("Cluster")).isPresent();
    }

    @Test
    void shouldSetEveryEnvironmentVariableTheServicesConfigurationLeavesToTheDeployment() {
        for (ServiceConfiguration configuration : ServiceConfiguration.all()) {
            Set<String> environment = environmentNames(configuration.service());

            assertThat(configuration.requiredEnvironment()).as(configuration.module()).isNotEmpty()
                    .allSatisfy(names -> assertThat(environment).as(configuration.module() + " sets one of " + names)
                            .containsAnyElementsOf(names));
        }
    }

    @Test
    void shouldRunEachServiceWithThePlatformsJvmOptionsAndTheOnesItIsDeployedWith() {
        String platformOptions = textAt(byName(BASE_DOCUMENTS, "ConfigMap").get("platform"), "data", "JAVA_TOOL_OPTIONS");
        for (PlatformService service : PlatformService.values()) {
            String options = list(container(service).get("env")).stream()
                    .filter(variable -> "JAVA_TOOL_OPTIONS".equals(textAt(variable, "name")))
                    .map(variable -> textAt(variable, "value"))
                    .findFirst().orElse(platformOptions);

            assertThat(List.of(options.split(" "))).as(service.module()).containsAll(List.of(platformOptions.split(" ")))
                    .containsAll(ServiceProcess.deployedJvmOptions(service.module()));
        }
    }

    @Test
    void shouldRunAtLeastTwoOfEachInProductionAndNoMoreConsumersThanTheTopicsTheyReadHavePartitions() {
        Map<String, Map<String, Object>> topics = byName(BASE_DOCUMENTS, "KafkaTopic");
        Map<String, Map<String, Object>> replicas = byName(DeploymentFiles.documents(
                DeploymentFiles.text(PRODUCTION.resolve("replicas.yaml"))), "HorizontalPodAutoscaler");
        assertThat(textAt(DeploymentFiles.document(PRODUCTION.resolve("kustomization.yaml")), "patches")).contains("replicas.yaml");

        for (ServiceConfiguration configuration : ServiceConfiguration.all()) {
            Map<String, Object> autoscaler = replicas.get(configuration.module());
            int maxReplicas = (Integer) at(autoscaler, "spec", "maxReplicas");

            assertThat((Integer) at(autoscaler, "spec", "minReplicas")).as(configuration.module()).isBetween(2, maxReplicas);
            for (String topic : configuration.consumedTopics()) {
                assertThat(maxReplicas).as(configuration.module() + " reads " + topic)
                        .isLessThanOrEqualTo((Integer) at(topics.get(topic), "spec", "partitions"));
            }
        }
    }

    @Test
    void shouldRenderTheProductionOverlayWithKubectl() {
        Optional<CommandLineTool> kubectl = CommandLineTool.onPath("kubectl");
        assumeTrue(kubectl.isPresent(), "no kubectl here: the manifests are checked as data only;"
                + " install kubectl to render deploy/k8s/overlays/production too");

        CommandLineTool.Result rendered = kubectl.get().run(DeploymentFiles.ROOT, "kustomize", "deploy/k8s/overlays/production");
        assertThat(rendered.exitCode()).as("kubectl kustomize said:\n" + rendered.output()).isZero();
        List<Map<String, Object>> documents = DeploymentFiles.documents(rendered.output());

        String namespace = textAt(byName(documents, "Namespace").values().iterator().next(), "metadata", "name");
        assertThat(documents).filteredOn(d -> !"Namespace".equals(d.get("kind")))
                .allSatisfy(d -> assertThat(textAt(d, "metadata", "namespace")).as(textAt(d, "metadata", "name")).isEqualTo(namespace));
        Map<String, Map<String, Object>> autoscalers = byName(documents, "HorizontalPodAutoscaler");
        for (PlatformService service : PlatformService.values()) {
            assertThat(byName(documents, "Deployment")).containsKey(service.module());
            assertThat((Integer) at(autoscalers.get(service.module()), "spec", "minReplicas")).as(service.module()).isGreaterThanOrEqualTo(2);
        }
        assertThat(byName(documents, "KafkaTopic")).hasSize(2 * Topic.values().length);
        assertThat(textAt(byName(documents, "ConfigMap").get("gateway"), "data")).contains("PLATFORM_SECURITY_ISSUER", "PLATFORM_SECURITY_JWK_SET_URI");
    }

    private static Map<String, Object> deployment(PlatformService service) {
        Map<String, Object> deployment = byName(BASE_DOCUMENTS, "Deployment").get(service.module());
        assertThat(deployment).as("a Deployment of " + service.module()).isNotNull();
        return deployment;
    }

    private static Map<String, Object> container(PlatformService service) {
        List<Object> containers = list(at(deployment(service), "spec", "template", "spec", "containers"));
        assertThat(containers).as(service.module()).hasSize(1);
        return map(containers.get(0));
    }

    /** The names the container's environment has: its own and every key of the ConfigMaps it takes whole. */
    private static Set<String> environmentNames(PlatformService service) {
        Map<String, Object> container = container(service);
        Map<String, Map<String, Object>> configMaps = byName(BASE_DOCUMENTS, "ConfigMap");
        Set<String> names = new LinkedHashSet<>();
        list(container.get("env")).forEach(variable -> names.add(textAt(variable, "name")));
        list(container.get("envFrom")).forEach(source -> {
            String configMap = textAt(source, "configMapRef", "name");
            assertThat(configMaps).as(service.module() + " takes its environment from ConfigMap " + configMap).containsKey(configMap);
            names.addAll(map(at(configMaps.get(configMap), "data")).keySet());
        });
        return names;
    }

    private static Optional<String> environmentValue(PlatformService service, String name) {
        return list(container(service).get("env")).stream()
                .filter(variable -> name.equals(textAt(variable, "name")))
                .map(variable -> textAt(variable, "value"))
                .findFirst();
    }

    private static Optional<Map<String, Object>> single(String kind) {
        List<Map<String, Object>> found = new ArrayList<>(byName(BASE_DOCUMENTS, kind).values());
        assertThat(found).as("one " + kind).hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }
}
