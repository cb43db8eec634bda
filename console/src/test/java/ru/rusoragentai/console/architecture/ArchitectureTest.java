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

    /**
     * A view calls the services of its own capability only ({@code abuse.ui} those of {@code abuse}); what it needs of
     * another capability comes through its own services or through an extension point the other one offers
     * ({@code users.UserPageSection}). The allowed exceptions are named, each with why.
     */
    @Test
    void viewsShouldUseOnlyTheirOwnCapabilitysServices() {
        java.util.Map<String, java.util.Set<String>> allowed = java.util.Map.of(
                // the frame reads and saves the signed-in staff member's language and theme
                "shell", java.util.Set.of("staff"),
                // the user page lists the staff actions on a user from the audit trail
                "users", java.util.Set.of("audit"));
        classes().that().resideInAPackage("ru.rusoragentai.console.*.ui..")
                .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("use only their own capability's services") {
                    @Override
                    public void check(JavaClass view, com.tngtech.archunit.lang.ConditionEvents events) {
                        String own = capability(view);
                        view.getDirectDependenciesFromSelf().stream()
                                .map(com.tngtech.archunit.core.domain.Dependency::getTargetClass)
                                .filter(target -> target.isAnnotatedWith(org.springframework.stereotype.Service.class))
                                .filter(target -> !capability(target).equals(own)
                                        && !allowed.getOrDefault(own, java.util.Set.of()).contains(capability(target)))
                                .distinct()
                                .forEach(target -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(view,
                                        view.getName() + " uses " + target.getName() + " of another capability")));
                    }
                }).check(console);
    }

    /**
     * Other capabilities use plugins through {@code plugins.PluginGateway} only: the host, its call barrier and the
     * contexts, and every PF4J type, stay inside the plugins capability.
     */
    @Test
    void pluginsShouldBeReachedThroughTheGatewayOnly() {
        noClasses().that().resideOutsideOfPackages("ru.rusoragentai.console.plugins..")
                .should().dependOnClassesThat().haveFullyQualifiedName("ru.rusoragentai.console.plugins.PluginHost")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("ru.rusoragentai.console.plugins.PluginCalls")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("ru.rusoragentai.console.plugins.PluginContexts")
                .orShould().dependOnClassesThat().resideInAPackage("org.pf4j..")
                .check(console);
    }

    /** The capability a class belongs to: the package right under {@code ru.rusoragentai.console}. */
    private static String capability(JavaClass type) {
        String rest = type.getPackageName().substring("ru.rusoragentai.console.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
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

    /**
     * A repository is package-private, or public only for the sub-features of its own capability (privacy's request
     * and task repositories serve its packages and erasure sub-packages).
     */
    @Test
    void repositoriesShouldBePackagePrivateOrPublicToTheirCapabilityOnly() {
        classes().that().areAnnotatedWith(Repository.class).and().arePublic()
                .should().resideInAPackage("ru.rusoragentai.console.privacy").check(console);
    }

    /** No class of another capability uses a capability's repository, for every capability of the console. */
    @Test
    void featuresShouldNotUseAnotherFeaturesRepository() {
        classes().that().areAnnotatedWith(Repository.class)
                .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be used inside their own capability only") {
                    @Override
                    public void check(JavaClass repository, com.tngtech.archunit.lang.ConditionEvents events) {
                        repository.getDirectDependenciesToSelf().stream()
                                .map(com.tngtech.archunit.core.domain.Dependency::getOriginClass)
                                .filter(user -> !capability(user).equals(capability(repository)))
                                .distinct()
                                .forEach(user -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(repository,
                                        user.getName() + " uses " + repository.getName() + " of another capability")));
                    }
                }).check(console);
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
