package ru.moysklad.partners.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service obeys (style.md): {@code domain} is plain Java that a newcomer can read
 * and unit-test, so it imports no Spring, Kafka, Avro, JDBC or JSON library, and knows nothing of the
 * layers around it. Use from a service's test:
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "ru.moysklad.partners.sales", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest static final ArchTests service = ArchTests.in(ServiceArchitectureRules.class);
 * }
 * </pre>
 */
public final class ServiceArchitectureRules {

    @ArchTest
    public static final ArchRule DOMAIN_IMPORTS_NO_FRAMEWORK = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..",
                    "java.sql..", "javax.sql..", "org.flywaydb..", "org.postgresql..",
                    "com.fasterxml.jackson..", "tools.jackson..", "jakarta.persistence..",
                    "ru.moysklad.partners.events..", "ru.moysklad.partners.platform..")
            .as("domain classes import no Spring, Kafka, Avro, JDBC or JSON library, nor the event contracts")
            // A service whose domain is still empty obeys the rule trivially.
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule DOMAIN_KNOWS_NO_OUTER_LAYER = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..")
            .as("domain classes know nothing of the application layer or the adapters")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule APPLICATION_KNOWS_NO_ADAPTER = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..")
            .as("use cases reach adapters only through ports")
            .allowEmptyShould(true);

    private ServiceArchitectureRules() {
    }
}
