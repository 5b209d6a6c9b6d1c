package ru.moysklad.partners.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The architecture rules every service runs are only worth something if they can fail. */
class ServiceArchitectureRulesTest {

    private static final String FIXTURES = "ru.moysklad.partners.platform.testing.fixture.";

    @Test
    void shouldFailWhenADomainClassImportsSpring() {
        JavaClasses impure = new ClassFileImporter().importPackages(FIXTURES + "impure");

        assertThatThrownBy(() -> ServiceArchitectureRules.DOMAIN_IMPORTS_NO_FRAMEWORK.check(impure))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RuleThatImportsSpring")
                .hasMessageContaining("org.springframework");
    }

    @Test
    void shouldFailWhenADomainClassKnowsAnAdapter() {
        JavaClasses leaky = new ClassFileImporter().importPackages(FIXTURES + "leaky");

        assertThatThrownBy(() -> ServiceArchitectureRules.DOMAIN_KNOWS_NO_OUTER_LAYER.check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RuleThatKnowsAnAdapter");
    }

    @Test
    void shouldPassAPlainJavaDomain() {
        JavaClasses pure = new ClassFileImporter().importPackages(FIXTURES + "pure");

        assertThatCode(() -> ServiceArchitectureRules.DOMAIN_IMPORTS_NO_FRAMEWORK.check(pure)).doesNotThrowAnyException();
        assertThatCode(() -> ServiceArchitectureRules.DOMAIN_KNOWS_NO_OUTER_LAYER.check(pure)).doesNotThrowAnyException();
    }
}
