package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ru.moysklad.partners.contracts.Topic;

/**
 * What a module's own configuration and code expect of a deployment: the settings its
 * {@code application.yml} leaves to the environment, and the topics its Kafka listeners read.
 *
 * @param service  the module
 * @param settings its {@code application.yml}, flattened to dotted keys
 */
record ServiceConfiguration(PlatformService service, Map<String, Object> settings) {

    /** The local run's address: a setting holding it must be given another value wherever the platform is deployed. */
    private static final String LOCAL_ADDRESS = "127.0.0.1";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\s*\\((.*?)\\)", Pattern.DOTALL);
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topic\\.Names\\.([A-Z_]+)");

    static ServiceConfiguration of(PlatformService service) {
        Path file = DeploymentFiles.file(service.module() + "/src/main/resources/application.yml");
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", DeploymentFiles.document(file), flat);
        return new ServiceConfiguration(service, flat);
    }

    static List<ServiceConfiguration> all() {
        return Stream.of(PlatformService.values()).map(ServiceConfiguration::of).toList();
    }

    String module() {
        return service.module();
    }

    /**
     * Environment variables the deployment must set, each as the names that would do (Spring binds
     * {@code a.b-c} from {@code A_BC} and from {@code A_B_C}): every variable a placeholder names, every
     * setting that points at the local run's address, and the database connection.
     */
    Set<Set<String>> requiredEnvironment() {
        Set<Set<String>> required = new LinkedHashSet<>();
        settings.forEach((key, value) -> {
            String text = String.valueOf(value);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                String reference = placeholder.group(1);
                String fallback = placeholder.group(2);
                if (ENVIRONMENT_VARIABLE.matcher(reference).matches()) {
                    required.add(Set.of(reference));
                } else if (fallback != null && fallback.contains(LOCAL_ADDRESS)) {
                    required.add(environmentNames(reference));
                }
            }
            if (PLACEHOLDER.matcher(text).replaceAll("").contains(LOCAL_ADDRESS) || key.startsWith("spring.datasource.")) {
                required.add(environmentNames(key));
            }
        });
        return required;
    }

    boolean exposesProbes() {
        return Boolean.TRUE.equals(settings.get("management.endpoint.health.probes.enabled"))
                && String.valueOf(settings.get("management.endpoints.web.exposure.include")).contains("health");
    }

    /** The topics the module's {@code @KafkaListener}s read. */
    Set<String> consumedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        try (Stream<Path> sources = Files.walk(DeploymentFiles.file(module() + "/src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher listener = LISTENER.matcher(Files.readString(source));
                while (listener.find()) {
                    Matcher constant = TOPIC_CONSTANT.matcher(listener.group(1));
                    while (constant.find()) {
                        topics.add(topicName(constant.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static String topicName(String constant) {
        try {
            Field field = Topic.Names.class.getField(constant);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topic.Names has no " + constant, e);
        }
    }

    private static Set<String> environmentNames(String key) {
        String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
        return Set.copyOf(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, node);
        }
    }
}
