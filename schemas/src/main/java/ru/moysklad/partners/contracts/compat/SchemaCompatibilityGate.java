package ru.moysklad.partners.contracts.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Compares every current event schema with each of its published versions, both ways: the new
 * schema must read data written with every old one (backward) and every old one must read data
 * written with the new (forward). A schema that differs from its last published version must be
 * published explicitly ({@code -Dschemas.publish=true}), so that the repository always holds every
 * version that may be on a topic.
 *
 * <p>Layout: {@code <source>/common/*.avsc} holds named types shared by several events (parsed
 * first); every other {@code <source>/*.avsc} is one event. Published versions are self-contained
 * files {@code <published>/<full name>/v<n>.avsc}.
 */
public final class SchemaCompatibilityGate {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path sourceDir;
    private final Path publishedDir;

    public SchemaCompatibilityGate(Path sourceDir, Path publishedDir) {
        this.sourceDir = sourceDir;
        this.publishedDir = publishedDir;
    }

    /** One reason the build must fail. */
    public record Violation(String schema, String problem) {
        @Override
        public String toString() {
            return schema + ": " + problem;
        }
    }

    /** What a run found and, when publishing, which new versions it wrote. */
    public record Outcome(List<Violation> violations, List<Path> published) {
        public boolean passed() {
            return violations.isEmpty();
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SchemaCompatibilityGate <avro source dir> <published dir> [publish [classes copy]]");
        }
        boolean publish = args.length > 2 && Boolean.parseBoolean(args[2]);
        Path published = Path.of(args[1]);
        Outcome outcome = new SchemaCompatibilityGate(Path.of(args[0]), published).run(publish);
        for (Path path : outcome.published()) {
            System.out.println("[schemas] published " + path);
            if (args.length > 3) {
                // The build copied resources before this ran: put the new version beside them for this build's tests.
                copy(path, Path.of(args[3]).resolve(published.relativize(path)));
            }
        }
        if (!outcome.passed()) {
            // An exception, not System.exit: the gate runs inside the Maven JVM (exec:java).
            throw new IllegalStateException("Event schemas are not compatible with their published versions:\n  "
                    + outcome.violations().stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
        System.out.println("[schemas] every event schema is backward and forward compatible with its published versions");
    }

    public Outcome run(boolean publish) {
        Map<String, Schema> current = currentEventSchemas();
        List<Violation> violations = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        for (Schema schema : current.values()) {
            List<Schema> versions = publishedVersions(schema.getFullName());
            List<Violation> incompatibilities = incompatibilities(schema, versions);
            violations.addAll(incompatibilities);
            boolean alreadyPublished = versions.stream().anyMatch(schema::equals);
            if (alreadyPublished) {
                continue;
            }
            if (publish && incompatibilities.isEmpty()) {
                written.add(write(schema, versions.size() + 1));
            } else if (incompatibilities.isEmpty()) {
                violations.add(new Violation(schema.getFullName(), versions.isEmpty()
                        ? "never published; record it with -Dschemas.publish=true"
                        : "differs from published v" + versions.size()
                                + " (compatibly); record the new version with -Dschemas.publish=true"));
            }
        }
        for (String removed : publishedNames()) {
            if (!current.containsKey(removed)) {
                violations.add(new Violation(removed, "was published but no longer exists; consumers may still meet it"));
            }
        }
        return new Outcome(violations, written);
    }

    private static List<Violation> incompatibilities(Schema schema, List<Schema> versions) {
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Schema old = versions.get(i);
            String version = "v" + (i + 1);
            describe(SchemaCompatibility.checkReaderWriterCompatibility(schema, old),
                    "not backward compatible with " + version + " (the new schema cannot read its data)")
                    .forEach(problem -> found.add(new Violation(schema.getFullName(), problem)));
            describe(SchemaCompatibility.checkReaderWriterCompatibility(old, schema),
                    "not forward compatible with " + version + " (its readers cannot read the new schema's data)")
                    .forEach(problem -> found.add(new Violation(schema.getFullName(), problem)));
        }
        return found;
    }

    private static List<String> describe(SchemaPairCompatibility pair, String headline) {
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return pair.getResult().getIncompatibilities().stream()
                .map(problem -> headline + ": " + problem.getType() + " at " + problem.getLocation()
                        + " - " + problem.getMessage())
                .toList();
    }

    private Map<String, Schema> currentEventSchemas() {
        Schema.Parser parser = new Schema.Parser();
        Path common = sourceDir.resolve("common");
        if (Files.isDirectory(common)) {
            avscFiles(common).forEach(file -> parse(parser, file));
        }
        Map<String, Schema> events = new LinkedHashMap<>();
        for (Path file : avscFiles(sourceDir)) {
            Schema schema = parse(parser, file);
            events.put(schema.getFullName(), schema);
        }
        return events;
    }

    private List<Schema> publishedVersions(String fullName) {
        Path dir = publishedDir.resolve(fullName);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = avscFiles(dir).stream()
                .sorted(Comparator.comparingInt(SchemaCompatibilityGate::versionOf))
                .toList();
        for (int i = 0; i < files.size(); i++) {
            if (versionOf(files.get(i)) != i + 1) {
                throw new IllegalStateException("published versions of " + fullName + " must be v1..vN without gaps: " + files);
            }
        }
        return files.stream().map(file -> parse(new Schema.Parser(), file)).toList();
    }

    private List<String> publishedNames() {
        if (!Files.isDirectory(publishedDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(publishedDir)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(Schema schema, int version) {
        Path file = publishedDir.resolve(schema.getFullName()).resolve("v" + version + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            // toString inlines every named type it uses, so a published version stands on its own.
            Files.writeString(file, schema.toString(true) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int versionOf(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException("published schema files are named v<n>.avsc: " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static List<Path> avscFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema parse(Schema.Parser parser, Path file) {
        try {
            return parser.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }
}
