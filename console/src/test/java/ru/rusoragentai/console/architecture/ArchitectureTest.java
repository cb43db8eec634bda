package ru.rusoragentai.console.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

class ArchitectureTest {

    private static JavaClasses console;

    @BeforeAll
    static void importConsole() {
        console = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.rusoragentai.console");
    }

    @Test
    void viewsShouldNeverTouchJooqOrGeneratedTables() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "ru.rusoragentai.db..")
                .check(console);
    }

    @Test
    void viewsShouldNeverCallARepository() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
                .check(console);
    }

    @Test
    void jooqShouldOnlyBeUsedByRepositoriesAndTheDemoLoader() {
        // besides repositories: the bulk demo loader, and the database package's jOOQ settings (configuration only)
        noClasses().that().areNotAnnotatedWith(Repository.class)
                .and().resideOutsideOfPackage("ru.rusoragentai.console.demo..")
                .and().doNotHaveFullyQualifiedName("ru.rusoragentai.console.database.JooqSettings")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "ru.rusoragentai.db..")
                .check(console);
    }

    @Test
    void repositoriesShouldBePackagePrivate() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic().check(console);
    }

    @Test
    void featuresShouldNotUseAnotherFeaturesRepository() {
        for (String feature : new String[] {"audit", "staff", "tokens", "shell", "usage", "demo"}) {
            String root = "ru.rusoragentai.console." + feature;
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(root + "..")
                            .and(CanBeAnnotated.Predicates.annotatedWith(Repository.class)))
                    .check(console);
        }
    }

    @Test
    void theConsoleShouldNeverImportAPluginClass() {
        noClasses().should().dependOnClassesThat().resideInAPackage("ru.rusoragentai.plugins..").check(console);
    }
}
