package dev.statcallouts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The direction of dependencies (rest → service → domain), checked over the compiled classes. */
class DependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.statcallouts");
        // Rules over no classes would pass whatever the code did.
        assertThat(classes.size()).as("classes imported").isGreaterThan(100);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        // Every package is its own slice: stats, stats.rest and stats.service are three.
        slices().matching("dev.statcallouts.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void servicesSpeakTheDomainNotHttp() {
        noClasses()
                .that()
                .resideInAPackage("..service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..rest..", "dev.statcallouts.http..", "jakarta.ws.rs..", "io.vertx.core.http..")
                .check(classes);
    }

    @Test
    void featuresShapesDoNotKnowTheirResources() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.statcallouts.stats",
                        "dev.statcallouts.collections",
                        "dev.statcallouts.auth",
                        "dev.statcallouts.usage",
                        "dev.statcallouts.editor",
                        "dev.statcallouts.common",
                        "dev.statcallouts.validation",
                        "dev.statcallouts.stats.csv",
                        "dev.statcallouts.stats.format")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..rest..", "..service..")
                .check(classes);
    }

    @Test
    void httpPlumbingKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.statcallouts.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.statcallouts.stats..",
                        "dev.statcallouts.collections..",
                        "dev.statcallouts.editor..",
                        "dev.statcallouts.embed..",
                        "dev.statcallouts.oembed..",
                        "dev.statcallouts.permalink..",
                        "dev.statcallouts.live..",
                        "dev.statcallouts.usage..",
                        "dev.statcallouts.auth..",
                        "dev.statcallouts.demo..")
                .check(classes);
    }
}
