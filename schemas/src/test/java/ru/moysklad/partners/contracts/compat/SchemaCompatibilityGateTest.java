package ru.moysklad.partners.contracts.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the gate on a copy of the repository's real schemas and published versions, then edits the
 * copy the way a developer might and checks which edits the build lets through.
 */
class SchemaCompatibilityGateTest {

    private static final Path REPO_SOURCES = Path.of("src/main/avro");
    private static final Path REPO_PUBLISHED = Path.of("published");
    private static final String SALE_RECORDED = "SaleRecorded.avsc";
    private static final String LAST_FIELD = "{\"name\": \"newClient\", \"type\": \"boolean\", \"default\": false,";

    @TempDir
    Path work;
    private Path sources;
    private Path published;

    @BeforeEach
    void copyRepositorySchemas() throws IOException {
        sources = work.resolve("avro");
        published = work.resolve("published");
        copyTree(REPO_SOURCES, sources);
        copyTree(REPO_PUBLISHED, published);
    }

    @Test
    void shouldPassOnTheRepositorysSchemasAsTheyAre() {
        assertThat(gate().run(false).violations()).isEmpty();
    }

    @Test
    void shouldRejectANewFieldWithoutDefaultAsNotBackwardCompatible() throws IOException {
        insertBeforeLastField("{\"name\": \"currency\", \"type\": \"string\"},");

        var outcome = gate().run(true);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.violations()).anySatisfy(violation -> {
            assertThat(violation.schema()).isEqualTo("ru.moysklad.partners.events.SaleRecorded");
            assertThat(violation.problem()).contains("not backward compatible with v1").contains("currency");
        });
        assertThat(outcome.published()).as("an incompatible schema is never published").isEmpty();
    }

    @Test
    void shouldRejectRemovingAFieldThatOldReadersNeed() throws IOException {
        replaceInSaleRecorded("{\"name\": \"clientAccountId\", \"type\": \"string\"},", "");

        var outcome = gate().run(false);

        assertThat(outcome.violations()).anySatisfy(violation ->
                assertThat(violation.problem()).contains("not forward compatible with v1").contains("clientAccountId"));
    }

    @Test
    void shouldRejectChangingAFieldsType() throws IOException {
        replaceInSaleRecorded("{\"name\": \"listPriceKopecks\", \"type\": \"long\"},",
                "{\"name\": \"listPriceKopecks\", \"type\": \"string\"},");

        assertThat(gate().run(false).violations())
                .anySatisfy(violation -> assertThat(violation.problem()).contains("TYPE_MISMATCH"));
    }

    @Test
    void shouldRejectAnEnumSymbolThatOldReadersCannotMapWhenTheEnumHasNoDefault() throws IOException {
        Path file = sources.resolve("PartnerStatusChanged.avsc");
        Files.writeString(file, Files.readString(file).replace("\"REPRESENTATIVE\"]", "\"REPRESENTATIVE\", \"AMBASSADOR\"]"));

        assertThat(gate().run(false).violations())
                .anySatisfy(violation -> assertThat(violation.problem())
                        .contains("not forward compatible").contains("AMBASSADOR"));
    }

    @Test
    void shouldRequireACompatibleChangeToBePublishedAndThenAcceptIt() throws IOException {
        insertBeforeLastField("{\"name\": \"currency\", \"type\": \"string\", \"default\": \"RUB\"},");

        assertThat(gate().run(false).violations())
                .singleElement()
                .satisfies(violation -> assertThat(violation.problem()).contains("record the new version"));

        var publishing = gate().run(true);
        assertThat(publishing.passed()).isTrue();
        assertThat(publishing.published()).singleElement()
                .satisfies(path -> assertThat(path).endsWith(Path.of("ru.moysklad.partners.events.SaleRecorded", "v2.avsc")));
        assertThat(gate().run(false).passed()).isTrue();
    }

    @Test
    void shouldRejectRemovingAPublishedEventType() throws IOException {
        Files.delete(sources.resolve("ActivityLogged.avsc"));

        assertThat(gate().run(false).violations())
                .anySatisfy(violation -> assertThat(violation.problem()).contains("no longer exists"));
    }

    @Test
    void shouldFailTheBuildFromMainWithEveryViolationNamed() throws IOException {
        insertBeforeLastField("{\"name\": \"currency\", \"type\": \"string\"},");

        assertThatThrownBy(() -> SchemaCompatibilityGate.main(new String[] {sources.toString(), published.toString(), "false"}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SaleRecorded")
                .hasMessageContaining("currency");
    }

    private SchemaCompatibilityGate gate() {
        return new SchemaCompatibilityGate(sources, published);
    }

    private void insertBeforeLastField(String field) throws IOException {
        replaceInSaleRecorded(LAST_FIELD, field + "\n    " + LAST_FIELD);
    }

    private void replaceInSaleRecorded(String from, String to) throws IOException {
        Path file = sources.resolve(SALE_RECORDED);
        String text = Files.readString(file);
        assertThat(text).as("the test's anchor text is still in the schema").contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
