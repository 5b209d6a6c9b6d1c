package ru.moysklad.partners.lead;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import ru.moysklad.partners.platform.testing.ServiceArchitectureRules;

@AnalyzeClasses(packages = "ru.moysklad.partners.lead", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceArchitectureRules.class);
}
