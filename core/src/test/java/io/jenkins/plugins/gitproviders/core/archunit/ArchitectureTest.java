package io.jenkins.plugins.gitproviders.core.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Keeps the core pure and layered: no Jenkins, web-framework or servlet types; no logging or console output outside
 * the command-line tool; the provider model independent of clients, webhooks and the registry; the status model free
 * of HTTP.
 */
public class ArchitectureTest {
    private static final String CORE = "io.jenkins.plugins.gitproviders.core";

    private static JavaClasses core;

    @BeforeClass
    public static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    @Test
    public void shouldNotDependOnJenkinsOrServlets() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke.stapler..", "org.jenkinsci..", "net.sf.json..",
                        "jakarta.servlet..", "javax.servlet..")
                .because("core is a plain Java library; the plugin layer adapts it to Jenkins");
        rule.check(core);
    }

    @Test
    public void shouldNotLogOutsideTheCommandLineTool() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE + "..")
                .and().resideOutsideOfPackage(CORE + ".cli..")
                .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .because("core reports through return values and exceptions; only the command-line tool prints");
        rule.check(core);
    }

    @Test
    public void shouldNotPrintToTheConsoleOutsideTheCommandLineTool() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE + "..")
                .and().resideOutsideOfPackage(CORE + ".cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("inside Jenkins the console belongs to the controller; report through results instead");
        rule.check(core);
    }

    @Test
    public void shouldKeepTheModelIndependentOfClientsWebhooksAndRegistry() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE + ".model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        CORE + ".client..", CORE + ".webhook..", CORE + ".registry..")
                .because("every other part builds on the model, so the model builds on none of them");
        rule.check(core);
    }

    @Test
    public void shouldKeepTheStatusModelFreeOfHttpAndHostLibraries() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE + ".status..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        CORE + ".client..", CORE + ".webhook..", CORE + ".registry..", CORE + ".routing..",
                        "org.kohsuke.github..", "org.gitlab4j..", "java.net.http..")
                .because("the status model and its rules are pure; the reporters beside the host clients send");
        rule.check(core);
    }
}
