package io.jenkins.plugins.gitproviders.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.Assert.assertThrows;

import hudson.XmlFile;
import io.jenkins.plugins.gitproviders.core.model.CredentialKindLookup;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import io.jenkins.plugins.gitproviders.core.registry.RegistryException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;

/**
 * The Git Providers section of Manage Jenkins » System and the setters configuration as code calls: what a save
 * keeps, and every change the core registry refuses (duplicate name, changed type, deleting a provider in use,
 * a wrong default), through the real form and through the setters.
 */
public class GitProvidersConfigurationITest {
    private static final String[] OPEN_SOURCE_JOBS = {"payments/deploy", "web-frontend"};

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private GitProvidersConfiguration config;

    @Before
    public void configureReadmeProviders() throws Exception {
        TestProviders.addCredentials();
        config = GitProvidersConfiguration.get();
        config.setProviders(TestProviders.readmeProviders());
        config.setDefaultProvider("Open Source GitHub");
    }

    @Test
    public void shouldKeepProvidersDefaultAndCredentialIdsWhenTheFormIsSavedUnchanged() throws Exception {
        // Given
        List<GitProvider> before = config.getProviders();

        // When
        j.configRoundtrip();

        // Then
        List<GitProvider> after = config.getProviders();
        assertThat(
                TestProviders.names(after),
                contains("Production GitHub", "Open Source GitHub", "Team GitLab", "Bitbucket"));
        for (int i = 0; i < before.size(); i++) {
            assertThat("the form rebuilt provider " + i, after.get(i), not(sameInstance(before.get(i))));
            assertThat(after.get(i).getClass(), is((Object) before.get(i).getClass()));
            j.assertEqualDataBoundBeans(before.get(i), after.get(i));
        }
        assertThat(config.getDefaultProvider(), is("Open Source GitHub"));
        assertThat(after.get(0).getPreviousWebhookSecretCredentialsId(), is("github-webhook-secret-old"));
        assertThat(after.get(2).getApiUrl(), is("https://gitlab.example.com/gitlab-api/v4"));
        assertThat(after.get(2).getSshCredentialsId(), is("deploy-key"));
        assertThat(after.get(3).isActive(), is(false));
    }

    @Test
    public void shouldStoreCredentialIdsButNoSecretInTheConfigurationFile() throws Exception {
        // Given the providers saved through the form
        j.configRoundtrip();

        // When
        String xml = new XmlFile(new File(j.jenkins.getRootDir(), GitProvidersConfiguration.class.getName() + ".xml"))
                .asString();

        // Then
        assertThat(xml, containsString("<credentialsId>github-prod-token</credentialsId>"));
        assertThat(xml, containsString("<defaultProvider>Open Source GitHub</defaultProvider>"));
        for (String secret : TestProviders.SECRETS) {
            assertThat(xml, not(containsString(secret)));
        }
    }

    @Test
    public void shouldRefuseADuplicateNameFromTheForm() throws Exception {
        // Given
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        nameField(form, "Open Source GitHub").setValue("  production github ");

        // When
        HtmlPage result = j.submit(form);

        // Then
        assertThat(result.getWebResponse().getStatusCode(), is(400));
        assertThat(result.asNormalizedText(), containsString("already has this name"));
        assertThat(
                TestProviders.names(config.getProviders()),
                contains("Production GitHub", "Open Source GitHub", "Team GitLab", "Bitbucket"));
    }

    @Test
    public void shouldRefuseADuplicateNameFromTheSetter() {
        // Given
        List<GitProvider> next = new ArrayList<>(TestProviders.readmeProviders());
        next.add(TestProviders.gitHub(" PRODUCTION github", "acme-corp", "github-prod-token"));

        // When
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> config.setProviders(next));

        // Then
        assertThat(refusal.getMessage(), containsString("already has this name"));
        assertThat(config.getProviders().size(), is(4));
    }

    @Test
    public void shouldRefuseChangingTheTypeOfAProviderFromTheForm() throws Exception {
        // Given the GitHub provider's form block retyped as GitLab.com, under the same name
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        DomNode chunk = chunkOf(nameField(form, "Open Source GitHub"));
        List<HtmlInput> classFields = chunk.getByXPath(".//input[@name='$class' or @name='stapler-class']");
        assertThat(classFields.isEmpty(), is(false));
        for (HtmlInput field : classFields) {
            field.setValue(GitLabProvider.class.getName());
        }

        // When
        HtmlPage result = j.submit(form);

        // Then
        assertThat(result.getWebResponse().getStatusCode(), is(400));
        assertThat(
                result.asNormalizedText(),
                containsString("is a GitHub.com provider and its type cannot change to GitLab.com"));
        assertThat(config.findProvider("Open Source GitHub").orElseThrow(), instanceOf(GitHubProvider.class));
    }

    @Test
    public void shouldRefuseChangingTheTypeOfAProviderFromTheSetterWithTheCoreMessage() throws Exception {
        // Given
        GitLabProvider retyped = new GitLabProvider("Open Source GitHub");
        retyped.setScope("acme-oss");
        retyped.setCredentialsId("github-oss-token");
        List<GitProvider> next = new ArrayList<>(TestProviders.readmeProviders());
        next.set(1, retyped);
        String coreMessage = coreRefusal(config.getProviders(), next);

        // When
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> config.setProviders(next));

        // Then
        assertThat(refusal.getMessage(), is(coreMessage));
        assertThat(coreMessage, containsString("Create a new GitLab.com provider"));
        assertThat(config.findProvider("Open Source GitHub").orElseThrow(), instanceOf(GitHubProvider.class));
    }

    @Test
    public void shouldRefuseDeletingAProviderThatJobsUseFromTheFormAndListTheJobs() throws Exception {
        // Given the Open Source GitHub block removed, as its delete button does
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        chunkOf(nameField(form, "Open Source GitHub")).remove();

        // When
        HtmlPage result = j.submit(form);

        // Then
        assertThat(result.getWebResponse().getStatusCode(), is(400));
        String text = result.asNormalizedText();
        assertThat(text, containsString("cannot be deleted or renamed because 2 jobs use it"));
        assertThat(text, containsString("payments/deploy, web-frontend"));
        assertThat(config.findProvider("Open Source GitHub").isPresent(), is(true));
    }

    @Test
    public void shouldRefuseDeletingAProviderThatJobsUseFromTheSetter() {
        // Given
        List<GitProvider> next = new ArrayList<>(TestProviders.readmeProviders());
        next.remove(1);

        // When
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> config.setProviders(next));

        // Then
        assertThat(refusal.getMessage(), containsString("payments/deploy, web-frontend"));
        assertThat(config.getProviders().size(), is(4));
    }

    @Test
    public void shouldDeleteAProviderNoJobUsesFromTheForm() throws Exception {
        // Given
        HtmlForm form = j.createWebClient().goTo("configure").getFormByName("config");
        chunkOf(nameField(form, "Bitbucket")).remove();

        // When
        j.submit(form);

        // Then
        assertThat(
                TestProviders.names(config.getProviders()),
                contains("Production GitHub", "Open Source GitHub", "Team GitLab"));
        assertThat(config.getDefaultProvider(), is("Open Source GitHub"));
    }

    @Test
    public void shouldRefuseAnInactiveOrUnknownDefaultFromTheSetter() {
        // When
        IllegalArgumentException inactive =
                assertThrows(IllegalArgumentException.class, () -> config.setDefaultProvider("Bitbucket"));
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> config.setDefaultProvider("Staging GitHub"));

        // Then
        assertThat(inactive.getMessage(), containsString("is inactive"));
        assertThat(unknown.getMessage(), containsString("No provider is named 'Staging GitHub'"));
        assertThat(config.getDefaultProvider(), is("Open Source GitHub"));
    }

    @Test
    public void shouldRefuseAnInactiveDefaultFromTheForm() throws Exception {
        // Given
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getInputByName("_.defaultProvider").setValue("Bitbucket");

        // When
        HtmlPage result = j.submit(form);

        // Then
        assertThat(result.getWebResponse().getStatusCode(), is(400));
        assertThat(result.asNormalizedText(), containsString("is inactive"));
        assertThat(config.getDefaultProvider(), is("Open Source GitHub"));
    }

    @Test
    public void shouldChangeTheDefaultFromTheForm() throws Exception {
        // Given
        HtmlForm form = j.createWebClient().goTo("configure").getFormByName("config");
        form.getInputByName("_.defaultProvider").setValue("team gitlab");

        // When
        j.submit(form);

        // Then the registry keeps the provider's own spelling
        assertThat(config.getDefaultProvider(), is("Team GitLab"));
        assertThat(config.registry().resolveDefault().name(), is("Team GitLab"));
    }

    @Test
    public void shouldReportASaveThatFailsFromTheFormAndTheSettersAndKeepWhatTheFileHolds() throws Exception {
        // Given a configuration file Jenkins cannot replace. A read-only file would not do: Jenkins writes a new file
        // and renames it over the old one, which the file's own permissions do not prevent (and these tests run as
        // root, whom permissions do not stop); a directory in its place cannot be replaced by a rename.
        Path file = j.jenkins.getRootDir().toPath().resolve(GitProvidersConfiguration.class.getName() + ".xml");
        String saved = Files.readString(file);
        Files.delete(file);
        Files.createDirectories(file.resolve("in-the-way"));
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        nameField(form, "Production GitHub").setValue("Renamed GitHub");

        // When an administrator saves the form
        HtmlPage result = j.submit(form);

        // Then the failure is shown, not only logged, and Jenkins keeps the configuration the file held
        assertThat(result.getWebResponse().getStatusCode(), is(400));
        assertThat(result.asNormalizedText(), containsString("Could not save the Git Providers configuration to"));
        assertThat(
                TestProviders.names(config.getProviders()),
                contains("Production GitHub", "Open Source GitHub", "Team GitLab", "Bitbucket"));

        // And a script or configuration as code calling a setter gets the failure too, with nothing changed
        UncheckedIOException thrown =
                assertThrows(UncheckedIOException.class, () -> config.setDefaultProvider("Team GitLab"));
        assertThat(thrown.getMessage(), containsString(file.toString()));
        assertThat(config.getDefaultProvider(), is("Open Source GitHub"));

        // And once the file can be written again, saving works and writes what was kept
        Files.delete(file.resolve("in-the-way"));
        Files.delete(file);
        config.setDefaultProvider("Team GitLab");
        assertThat(Files.readString(file), containsString("<defaultProvider>Team GitLab</defaultProvider>"));
        assertThat(saved, containsString("<name>Open Source GitHub</name>"));
        assertThat(Files.readString(file), containsString("<name>Open Source GitHub</name>"));
    }

    /** Reports two jobs using "Open Source GitHub", as a trigger or checkout step of a later feature would. */
    @TestExtension
    public static final class JobsUsingOpenSourceGitHub implements GitProviderUsage {
        @Override
        public List<String> jobsUsing(String providerName) {
            return providerName.equals("Open Source GitHub") ? Arrays.asList(OPEN_SOURCE_JOBS) : List.of();
        }
    }

    private static String coreRefusal(List<GitProvider> current, List<GitProvider> next) {
        ProviderRegistry registry = ProviderRegistry.load(specs(current), null).registry();
        RegistryException refusal = assertThrows(
                RegistryException.class,
                () -> registry.replaceAll(specs(next), null, name -> List.of(), CredentialKindLookup.UNKNOWN));
        return refusal.getMessage();
    }

    private static List<ProviderSpec> specs(List<GitProvider> providers) {
        return providers.stream().map(GitProvider::toSpec).toList();
    }

    private static HtmlInput nameField(HtmlForm form, String providerName) {
        return form.getInputsByName("_.name").stream()
                .filter(input -> providerName.equals(input.getValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No name field holds '" + providerName + "'"));
    }

    /** Returns the form block of one provider: the repeated chunk around its fields. */
    private static DomNode chunkOf(DomNode field) {
        for (DomNode node = field; node != null; node = node.getParentNode()) {
            if (node instanceof HtmlElement element
                    && Arrays.asList(element.getAttribute("class").split("\\s+"))
                            .contains("repeated-chunk")) {
                return node;
            }
        }
        throw new AssertionError("The field is in no repeated chunk");
    }
}
