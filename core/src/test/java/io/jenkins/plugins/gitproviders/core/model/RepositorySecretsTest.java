package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class RepositorySecretsTest {
    private static final ProviderSpec GITHUB = ProviderSpec.builder("github", ProviderType.GITHUB)
            .webhookSecretCredentialsIds(List.of("shared"))
            .repositorySecrets(List.of(
                    new RepositorySecret("acme/*", "acme-secret"),
                    new RepositorySecret("acme/payments", "payments-secret"),
                    new RepositorySecret(" acme/payments ", "payments-next"),
                    new RepositorySecret("acme/team/*", "team-secret"),
                    new RepositorySecret("Other/Repo.git", "other-secret")))
            .build();

    @Test
    public void shouldChooseTheSecretsOfTheMostSpecificMatch() {
        // A repository of its own beats its owner, even when the delivery spells it in another case
        assertThat(RepositorySecrets.select(GITHUB, "Acme/Payments").credentialsIds())
                .containsExactly("payments-secret", "payments-next");
        // A longer namespace beats a shorter one, at any depth below it
        assertThat(RepositorySecrets.select(GITHUB, "acme/team/sub/tool").credentialsIds())
                .containsExactly("team-secret");
        assertThat(RepositorySecrets.select(GITHUB, "acme/web").credentialsIds()).containsExactly("acme-secret");
        assertThat(RepositorySecrets.select(GITHUB, "other/repo").credentialsIds()).containsExactly("other-secret");
        // Anything else keeps the provider's own secrets
        RepositorySecrets.Selection elsewhere = RepositorySecrets.select(GITHUB, "acmecorp/web");
        assertThat(elsewhere.providerWide()).isTrue();
        assertThat(elsewhere.credentialsIds()).containsExactly("shared");
        assertThat(RepositorySecrets.select(GITHUB, null).credentialsIds()).containsExactly("shared");
    }

    @Test
    public void shouldNoLongerAcceptTheSharedSecretForARepositoryWithItsOwn() {
        assertThat(RepositorySecrets.select(GITHUB, "acme/payments").credentialsIds()).doesNotContain("shared",
                "acme-secret");
    }

    @Test
    public void shouldRefuseADeliveryForAnotherRepositoryThanTheSecretCovers() {
        // The handler selected by the repository the delivery claimed, before verifying its signature
        RepositorySecrets.Selection claimed = RepositorySecrets.select(GITHUB, "acme/web");

        // A verified body naming the claimed repository, or another of the same namespace, is covered
        assertThat(claimed.covers(GITHUB, "acme/web")).isTrue();
        assertThat(claimed.covers(GITHUB, "acme/other")).isTrue();
        // A body signed with the owner's secret naming a repository that has its own secret is not
        assertThat(claimed.covers(GITHUB, "acme/payments")).isFalse();
        // Nor one naming a repository outside the namespace, or none
        assertThat(claimed.covers(GITHUB, "evil/repo")).isFalse();
        assertThat(claimed.covers(GITHUB, null)).isFalse();
        // The provider's own secrets cover what no repository secret matches, and nothing else
        RepositorySecrets.Selection shared = RepositorySecrets.select(GITHUB, null);
        assertThat(shared.covers(GITHUB, "evil/repo")).isTrue();
        assertThat(shared.covers(GITHUB, "acme/web")).isFalse();
        assertThat(shared.describe()).isEqualTo("the provider's webhook secrets");
        assertThat(claimed.describe()).isEqualTo("the webhook secrets for 'acme/*'");
    }

    @Test
    public void shouldIgnoreUnusableEntriesWhenSelecting() {
        ProviderSpec spec = ProviderSpec.builder("gitlab", ProviderType.GITLAB)
                .webhookSecretCredentialsIds(List.of("shared"))
                .repositorySecrets(List.of(new RepositorySecret("*", "all"), new RepositorySecret("group/*/x", "mid"),
                        new RepositorySecret("group/project", " ")))
                .build();
        assertThat(RepositorySecrets.select(spec, "group/project").credentialsIds()).containsExactly("shared");
    }

    @Test
    public void shouldDefaultToNoRepositorySecretsAndSurviveACopy() {
        ProviderSpec plain = ProviderSpec.builder("github", ProviderType.GITHUB).build();
        assertThat(plain.repositorySecrets()).isEmpty();
        assertThat(GITHUB.toBuilder().build()).isEqualTo(GITHUB);
        // Exact duplicates are kept once; blank values are trimmed
        assertThat(ProviderSpec.builder("g", ProviderType.GITHUB).repositorySecrets(List.of(
                new RepositorySecret("a/b", "id"), new RepositorySecret(" a/b", "id "))).build().repositorySecrets())
                .containsExactly(new RepositorySecret("a/b", "id"));
    }

    @Test
    public void shouldTellWhatIsWrongWithAnEntry() {
        List<Problem> problems = ProviderValidator.checkRepositorySecrets(List.of(
                new RepositorySecret("acme/payments", "ok"),
                new RepositorySecret("acme/*", "ok"),
                new RepositorySecret("payments", "id"),
                new RepositorySecret("https://github.com/acme/payments", "id"),
                new RepositorySecret("acme/*/x", "id"),
                new RepositorySecret("acme//x", "id"),
                new RepositorySecret("", "id"),
                new RepositorySecret("acme/web", "")));

        assertThat(problems).extracting(Problem::field).containsOnly(ProviderField.REPOSITORY_SECRETS);
        assertThat(problems).extracting(Problem::message).containsExactly(
                "'payments' names no repository: write 'owner/repository', or 'owner/*' for every repository of the"
                        + " owner.",
                "Give the repository's path on the host ('acme/payments'), not its address.",
                "Only a final '/*' is allowed as a wildcard, as in 'acme/*'; 'acme/*/x' has another '*'.",
                "'acme//x' has an empty path segment; write it like 'acme/payments' or 'acme/*'.",
                "Enter a repository such as 'acme/payments', or an owner or group such as 'acme/*'.",
                "Choose the secret text credential holding the webhook secret of 'acme/web'.");
        assertThat(ProviderValidator.validate(ProviderSpec.builder("gh", ProviderType.GITHUB).credentialsId("c")
                .repositorySecrets(List.of(new RepositorySecret("x", "id"))).build(), List.of()).errors())
                .extracting(Problem::field).containsExactly(ProviderField.REPOSITORY_SECRETS);
        assertThat(ProviderField.label(ProviderField.REPOSITORY_SECRETS)).isEqualTo("Repository webhook secrets");
    }
}
