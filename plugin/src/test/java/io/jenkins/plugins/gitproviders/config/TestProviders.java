package io.jenkins.plugins.gitproviders.config;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainSpecification;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import hudson.util.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * The providers and credentials of the README's example, shared by the plugin's Jenkins tests. Every secret value is
 * distinct and recognisable, so that a test can prove it appears on no page, answer or file.
 */
public final class TestProviders {
    /** The secret values of every credential created here. */
    public static final List<String> SECRETS = List.of(
            "ghp_prodSECRETvalue111",
            "ghp_ossSECRETvalue222",
            "glpat_SECRETvalue333",
            "bbATAT_SECRETvalue444",
            "hook_SECRETvalue555",
            "hook_old_SECRETvalue666",
            "glpat_internal_SECRETvalue777",
            "-----BEGIN OPENSSH PRIVATE KEY-----SECRETvalue888");

    private TestProviders() {}

    /**
     * Adds the credentials the providers refer to, plus an SSH key and a token in a domain restricted to
     * {@code gitlab.example.com}, to the system store.
     */
    public static void addCredentials() throws IOException {
        SystemCredentialsProvider system = SystemCredentialsProvider.getInstance();
        List<Credentials> global = new ArrayList<>();
        global.add(text("github-prod-token", SECRETS.get(0)));
        global.add(text("github-oss-token", SECRETS.get(1)));
        global.add(text("gitlab-token", SECRETS.get(2)));
        global.add(text("bitbucket-token", SECRETS.get(3)));
        global.add(text("github-webhook-secret", SECRETS.get(4)));
        global.add(text("github-webhook-secret-old", SECRETS.get(5)));
        global.add(new BasicSSHUserPrivateKey(
                CredentialsScope.GLOBAL,
                "deploy-key",
                "git",
                new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(SECRETS.get(7)),
                null,
                "Deploy key"));
        List<DomainSpecification> gitlabOnly = List.of(new HostnameSpecification("gitlab.example.com", null));
        Map<Domain, List<Credentials>> domains = new LinkedHashMap<>();
        domains.put(Domain.global(), global);
        domains.put(
                new Domain("gitlab.example.com", "Team GitLab only", gitlabOnly),
                List.of(text("gitlab-internal-token", SECRETS.get(6))));
        system.setDomainCredentialsMap(domains);
        system.save();
    }

    /** Returns the README's four providers: two GitHub.com, a GitLab self-managed and an inactive Bitbucket Cloud. */
    public static List<GitProvider> readmeProviders() {
        GitHubProvider production = gitHub("Production GitHub", "acme-corp", "github-prod-token");
        production.setPreviousWebhookSecretCredentialsId("github-webhook-secret-old");
        GitHubProvider openSource = gitHub("Open Source GitHub", "acme-oss", "github-oss-token");
        GitLabSelfManagedProvider gitLab = new GitLabSelfManagedProvider("Team GitLab");
        gitLab.setServerUrl("https://gitlab.example.com");
        gitLab.setApiUrl("https://gitlab.example.com/gitlab-api/v4");
        gitLab.setScope("platform/infra");
        gitLab.setCredentialsId("gitlab-token");
        gitLab.setSshCredentialsId("deploy-key");
        gitLab.setWebhookSecretCredentialsId("github-webhook-secret");
        BitbucketCloudProvider bitbucket = new BitbucketCloudProvider("Bitbucket");
        bitbucket.setScope("acme");
        bitbucket.setUsername("jenkins-acme");
        bitbucket.setEmail("jenkins@acme.example");
        bitbucket.setCredentialsId("bitbucket-token");
        bitbucket.setActive(false);
        return List.of(production, openSource, gitLab, bitbucket);
    }

    /** Returns a GitHub.com provider with the shared webhook secret. */
    public static GitHubProvider gitHub(String name, String organization, String credentialsId) {
        GitHubProvider provider = new GitHubProvider(name);
        provider.setScope(organization);
        provider.setCredentialsId(credentialsId);
        provider.setWebhookSecretCredentialsId("github-webhook-secret");
        return provider;
    }

    /** Returns the names of the providers, in order. */
    public static List<String> names(List<GitProvider> providers) {
        return providers.stream().map(GitProvider::getName).toList();
    }

    private static StringCredentialsImpl text(String id, String secret) {
        return new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "Token " + id, Secret.fromString(secret));
    }
}
