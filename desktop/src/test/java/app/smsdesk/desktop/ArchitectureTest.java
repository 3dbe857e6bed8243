package app.smsdesk.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.smsdesk.desktop");

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(CLASSES);
    }

    @Test
    void theConsoleUsesTheServiceApiNotTheStoreOrHttpLayers() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("app.smsdesk.gateway.http..",
                "app.smsdesk.gateway.auth..", "java.sql..").check(CLASSES);
    }

    @Test
    void noPrintingToStandardOutput() {
        noClasses().that().doNotHaveSimpleName("Launcher").should().accessField(System.class, "out")
                .check(CLASSES);
    }
}
