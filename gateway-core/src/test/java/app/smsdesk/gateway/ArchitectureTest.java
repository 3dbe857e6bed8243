package app.smsdesk.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of gateway-core: launcher → web (http, mobile) → service → auth → store → domain, checked on the
 * compiled production classes.
 */
@AnalyzeClasses(packages = "app.smsdesk.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "app.smsdesk.gateway";

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Launcher").definedBy(ROOT)
            .layer("Web").definedBy(ROOT + ".http..")
            // The phone protocol (registration, sync, SSE hub, inbound webhooks): a service layer of its own.
            .layer("Phones").definedBy(ROOT + ".mobile..")
            .layer("Service").definedBy(ROOT + ".service..")
            .layer("Auth").definedBy(ROOT + ".auth..")
            .layer("Store").definedBy(ROOT + ".store..")
            .layer("Domain").definedBy(ROOT + ".domain..")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Web").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Phones").mayOnlyBeAccessedByLayers("Launcher", "Web")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Launcher", "Web", "Phones")
            .whereLayer("Auth").mayOnlyBeAccessedByLayers("Launcher", "Web", "Phones", "Service")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Launcher", "Phones", "Service", "Auth");

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = classes().that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..");

    @ArchTest
    static final ArchRule storeAndAuthNeverReachUp = noClasses().that()
            .resideInAnyPackage(ROOT + ".store..", ROOT + ".auth..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".http..", ROOT + ".mobile..",
                    ROOT + ".service..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule onlyTheLauncherPrints = noClasses().that()
            .doNotHaveFullyQualifiedName(GatewayMain.class.getName())
            .should(ACCESS_STANDARD_STREAMS).because("everything else logs through SLF4J");

    /** JDBC lives in store. */
    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..");

    @ArchTest
    static final ArchRule undertowOnlyInWeb = noClasses().that()
            .resideOutsideOfPackages(ROOT + ".http..", ROOT + ".mobile..")
            .should().dependOnClassesThat().resideInAPackage("io.undertow..");

    @ArchTest
    static final ArchRule jose4jOnlyInAuth = noClasses().that().resideOutsideOfPackage(ROOT + ".auth..")
            .should().dependOnClassesThat().resideInAPackage("org.jose4j..");

    @ArchTest
    static final ArchRule noStaticMutableState = fields().that().areStatic().should().beFinal()
            .because("composition roots wire state by constructor; there are no singletons");
}
