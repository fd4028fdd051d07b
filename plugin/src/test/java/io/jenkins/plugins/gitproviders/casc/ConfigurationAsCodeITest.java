package io.jenkins.plugins.gitproviders.casc;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.gitproviders.config.BitbucketCloudProvider;
import io.jenkins.plugins.gitproviders.config.GitHubProvider;
import io.jenkins.plugins.gitproviders.config.GitLabSelfManagedProvider;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.RepositorySecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * Configuration as code: the README's example imports as written, exports in the same shape (type symbols as keys,
 * credential IDs, no secret), and a YAML the core registry refuses fails to apply and changes nothing.
 */
public class ConfigurationAsCodeITest {
    private static final String[] SECRETS = {
        "ghp_prodSECRETvalue111",
        "ghp_ossSECRETvalue222",
        "glpat_SECRETvalue333",
        "bbATAT_SECRETvalue444",
        "hook_SECRETvalue555",
        "hook_old_SECRETvalue666"
    };

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldImportTheReadmeExample() throws Exception {
        // When configured from the YAML, then
        GitProvidersConfiguration config = GitProvidersConfiguration.get();
        List<GitProvider> providers = config.getProviders();
        assertThat(
                providers.stream().map(GitProvider::getName).toList(),
                contains("Production GitHub", "Open Source GitHub", "Team GitLab", "Bitbucket"));
        assertThat(providers.get(0), instanceOf(GitHubProvider.class));
        assertThat(providers.get(1), instanceOf(GitHubProvider.class));
        assertThat(providers.get(2), instanceOf(GitLabSelfManagedProvider.class));
        assertThat(providers.get(3), instanceOf(BitbucketCloudProvider.class));
        assertThat(providers.get(0).getScope(), is("acme-corp"));
        assertThat(providers.get(0).getCredentialsId(), is("github-prod-token"));
        assertThat(providers.get(0).getWebhookSecretCredentialsId(), is("github-webhook-secret"));
        assertThat(providers.get(2).getServerUrl(), is("https://gitlab.example.com"));
        assertThat(providers.get(2).getScope(), is("platform/infra"));
        assertThat(providers.get(3).getUsername(), is("jenkins-acme"));
        assertThat(providers.get(3).getEmail(), is("jenkins@acme.example"));
        assertThat(providers.get(3).isActive(), is(true));
        assertThat(config.getDefaultProvider(), is("Production GitHub"));
        assertThat(config.registry().resolveDefault().name(), is("Production GitHub"));
        assertThat(
                config.registry().resolve("team gitlab").effectiveApiUrl().orElseThrow(),
                is("https://gitlab.example.com/api/v4"));
        assertThat(config.notices().isEmpty(), is(true));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldExportTheSameShapeWithoutSecrets() throws Exception {
        // Given
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());

        // When
        CNode gitProviders = getUnclassifiedRoot(context).get("gitProviders");
        String exported = toYamlString(gitProviders);

        // Then
        assertThat(exported, is(toStringFromYamlFile(this, "expected_output.yaml")));
        for (String secret : SECRETS) {
            assertThat(exported, not(containsString(secret)));
        }
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldRefuseAYamlWithADuplicateNameAndKeepTheConfiguration() {
        // When
        ConfiguratorException refusal = assertThrows(ConfiguratorException.class, () -> apply("duplicate-name.yaml"));

        // Then
        assertThat(messages(refusal), containsString("already has this name"));
        assertReadmeConfigurationUnchanged();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldRefuseADefaultThatNamesNoProvider() {
        // When
        ConfiguratorException refusal = assertThrows(ConfiguratorException.class, () -> apply("unknown-default.yaml"));

        // Then
        assertThat(messages(refusal), containsString("No provider is named 'Staging GitHub'"));
        assertReadmeConfigurationUnchanged();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldMakeAProviderAddedInTheSameYamlTheDefault() throws Exception {
        // When
        apply("new-default.yaml");

        // Then
        GitProvidersConfiguration config = GitProvidersConfiguration.get();
        assertThat(config.getProviders().size(), is(5));
        assertThat(config.getDefaultProvider(), is("Staging GitHub"));
        assertThat(config.registry().resolveDefault().scope(), is("acme-staging"));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldReportAConfigurationItCannotSaveAndKeepWhatTheFileHolds() throws Exception {
        // Given a configuration file Jenkins cannot replace (a directory in its place: permissions would not stop the
        // rename Jenkins saves with, nor root)
        Path file = j.jenkins.getRootDir().toPath().resolve(GitProvidersConfiguration.class.getName() + ".xml");
        Files.delete(file);
        Files.createDirectories(file.resolve("in-the-way"));

        // When a YAML that adds a provider is applied
        Throwable thrown = assertThrows(Throwable.class, () -> apply("new-default.yaml"));

        // Then applying it fails with the reason, and Jenkins keeps the configuration it could save
        assertThat(messages(thrown), containsString("Could not save the Git Providers configuration to " + file));
        assertReadmeConfigurationUnchanged();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldDeactivateTheDefaultAndNameAnotherInOneYaml() throws Exception {
        // When (configuration as code sets the list of providers before the default)
        apply("deactivate-default.yaml");

        // Then
        GitProvidersConfiguration config = GitProvidersConfiguration.get();
        assertThat(config.findProvider("Production GitHub").orElseThrow().isActive(), is(false));
        assertThat(config.getDefaultProvider(), is("Open Source GitHub"));
        assertThat(config.registry().resolveDefault().scope(), is("acme-oss"));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void shouldImportAndExportRestrictionsStatusAndRepositorySecrets() throws Exception {
        // When
        apply("restrictions.yaml");

        // Then
        ProviderSpec github = GitProvidersConfiguration.get()
                .findProvider("Production GitHub")
                .orElseThrow()
                .toSpec();
        assertThat(github.allowedItems(), contains("payments/**", "release-*"));
        assertThat(github.allowOutsideScope(), is(true));
        assertThat(github.statusReporting(), is(false));
        assertThat(github.statusContextPrefix(), is("jenkins-eu"));
        assertThat(
                github.repositorySecrets(),
                contains(new RepositorySecret("acme-corp/payments", "gitlab-webhook-secret")));
        ProviderSpec gitlab = GitProvidersConfiguration.get()
                .findProvider("Team GitLab")
                .orElseThrow()
                .toSpec();
        assertThat(gitlab.allowSha1Signatures(), is(true));
        assertThat(gitlab.statusReporting(), is(true));
        String exported = export();
        assertThat(exported, containsString("allowOutsideScope: true"));
        assertThat(exported, containsString("statusReporting: false"));
        assertThat(exported, containsString("repository: \"acme-corp/payments\""));
        assertThat(exported, containsString("allowSha1Signatures: true"));
    }

    private static String export() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        return toYamlString(getUnclassifiedRoot(context).get("gitProviders"));
    }

    private void apply(String resource) throws ConfiguratorException {
        ConfigurationAsCode.get().configure(getClass().getResource(resource).toExternalForm());
    }

    private static void assertReadmeConfigurationUnchanged() {
        GitProvidersConfiguration config = GitProvidersConfiguration.get();
        assertThat(
                config.getProviders().stream().map(GitProvider::getName).toList(),
                contains("Production GitHub", "Open Source GitHub", "Team GitLab", "Bitbucket"));
        assertThat(config.getDefaultProvider(), is("Production GitHub"));
    }

    /** Joins the messages of the whole cause chain: configuration as code wraps the setter's refusal. */
    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
