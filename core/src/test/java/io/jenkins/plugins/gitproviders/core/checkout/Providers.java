package io.jenkins.plugins.gitproviders.core.checkout;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;

/** Provider specifications of every host type, as an administrator would configure them. */
final class Providers {
    static final ProviderSpec GITHUB = ProviderSpec.builder("GitHub", ProviderType.GITHUB)
            .credentialsId("github-token").build();
    static final ProviderSpec GITHUB_ENTERPRISE = ProviderSpec.builder("GHE", ProviderType.GITHUB_ENTERPRISE)
            .serverUrl("https://ghe.example.com/").credentialsId("ghe-token").build();
    static final ProviderSpec GITLAB = ProviderSpec.builder("Team GitLab", ProviderType.GITLAB)
            .credentialsId("gitlab-token").scope("platform").build();
    static final ProviderSpec GITLAB_SELF_MANAGED = ProviderSpec.builder("Own GitLab",
            ProviderType.GITLAB_SELF_MANAGED).serverUrl("https://example.com/gitlab").credentialsId("gl").build();
    static final ProviderSpec BITBUCKET_CLOUD = ProviderSpec.builder("Bitbucket", ProviderType.BITBUCKET_CLOUD)
            .username("ci-bot").credentialsId("bb-app-password").build();
    static final ProviderSpec BITBUCKET_DATA_CENTER = ProviderSpec.builder("Bitbucket DC",
            ProviderType.BITBUCKET_DATA_CENTER).serverUrl("https://bitbucket.example.com").credentialsId("bbdc")
            .build();
    static final ProviderSpec AZURE_DEVOPS = ProviderSpec.builder("Azure", ProviderType.AZURE_DEVOPS)
            .scope("fabrikam").credentialsId("azure-pat").build();
    static final ProviderSpec GITEA = ProviderSpec.builder("Gitea", ProviderType.GITEA)
            .serverUrl("https://gitea.example.com").credentialsId("gitea-token").build();

    private Providers() {}

    static ProviderSpec withSsh(ProviderSpec provider) {
        return provider.toBuilder().sshCredentialsId("ssh-key").build();
    }
}
