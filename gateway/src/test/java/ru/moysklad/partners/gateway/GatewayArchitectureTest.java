package ru.moysklad.partners.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The access table is plain Java, readable and testable without Spring. */
@AnalyzeClasses(packages = "ru.moysklad.partners.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule accessPolicyIsPlainJava = noClasses().that().resideInAPackage("..gateway.access..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "org.apache.kafka..",
                    "tools.jackson..", "..gateway.security..", "..gateway.web..");
}
