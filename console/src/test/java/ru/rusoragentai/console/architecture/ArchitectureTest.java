package ru.rusoragentai.console.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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

    /**
     * Abuse monitoring uses users, tokens, audit, payments, jobs, security, crypto and the shared UI pieces; none of
     * them may depend back on it (the user page reaches it through interfaces users declares; the menu by route).
     * Only the retention job (which abuse does not use) and the benchmarks call into it.
     */
    @Test
    void nothingAbuseMonitoringUsesShouldDependOnIt() {
        noClasses().that().resideInAnyPackage("ru.rusoragentai.console.users..", "ru.rusoragentai.console.tokens..",
                        "ru.rusoragentai.console.audit..", "ru.rusoragentai.console.payments..", "ru.rusoragentai.console.jobs..",
                        "ru.rusoragentai.console.security..", "ru.rusoragentai.console.crypto..", "ru.rusoragentai.console.shell..")
                .should().dependOnClassesThat().resideInAPackage("ru.rusoragentai.console.abuse..")
                .check(console);
    }

    @Test
    void detectorsShouldOnlyReadAndNeverReachTheServicesAroundThem() {
        noClasses().that().resideInAPackage("ru.rusoragentai.console.abuse.detect..")
                .should().dependOnClassesThat().resideInAnyPackage("ru.rusoragentai.console.abuse", "ru.rusoragentai.console.abuse.ui..",
                        "ru.rusoragentai.console.users..", "ru.rusoragentai.console.tokens..", "ru.rusoragentai.console.audit..")
                .check(console);
    }

    @Test
    void theConsoleShouldNeverImportAPluginClass() {
        noClasses().should().dependOnClassesThat().resideInAPackage("ru.rusoragentai.plugins..").check(console);
    }

    /**
     * Every public method of a service checks the caller's role, or says why it needs none with
     * {@link ru.rusoragentai.console.security.Unguarded} (jobs, primitives other services call, the platform's intake): nothing a view could
     * reach is unguarded by accident.
     */
    @Test
    void everyPublicServiceMethodShouldBeGuardedOrMarkedSystemOnly() {
        methods().that().arePublic().and().areDeclaredInClassesThat().areAnnotatedWith(org.springframework.stereotype.Service.class)
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beAnnotatedWith(ru.rusoragentai.console.security.Unguarded.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(ru.rusoragentai.console.security.Unguarded.class)
                .check(console);
    }
}
