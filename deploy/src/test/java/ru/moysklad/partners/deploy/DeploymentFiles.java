package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's deployment files read as data: YAML documents, the compose file's .env, paths into them. */
final class DeploymentFiles {

    static final Path ROOT = LocalPlatform.locateProjectDir();

    private DeploymentFiles() {
    }

    static Path file(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML text (merge keys resolved), empty documents left out. */
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> document(Path file) {
        return documents(text(file)).get(0);
    }

    /** Every document of every YAML file under {@code directory}. */
    static List<Map<String, Object>> documentsUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .flatMap(f -> documents(text(f)).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code NAME=value} lines of an env file, in order; comments and blank lines left out. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : text(file).lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            settings.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return settings;
    }

    /** The node at {@code path} below {@code node} (map keys), or null where the path ends early. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String textAt(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    /** The documents of that kind, by {@code metadata.name}. */
    static Map<String, Map<String, Object>> byName(List<Map<String, Object>> documents, String kind) {
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        documents.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .forEach(d -> named.put(textAt(d, "metadata", "name"), d));
        return named;
    }
}
