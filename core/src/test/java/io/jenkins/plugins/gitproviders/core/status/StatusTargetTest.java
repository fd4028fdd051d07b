package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.util.List;
import org.junit.Test;

public class StatusTargetTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    public void shouldReadTheRepositoryAsTheCheckoutStepNamesIt() {
        ProviderSpec gitlab = ProviderSpec.builder("gl", ProviderType.GITLAB).build();
        ProviderSpec azure = ProviderSpec.builder("az", ProviderType.AZURE_DEVOPS).scope("fabrikam").build();

        assertThat(StatusTarget.of(gitlab, "group/sub/project", SHA.toUpperCase()).repository())
                .containsExactly("group", "sub", "project");
        assertThat(StatusTarget.of(azure, "Fiber/app", SHA).repository()).containsExactly("fabrikam", "Fiber", "app");
        assertThat(StatusTarget.of(gitlab, "group/project", SHA.toUpperCase()).commit()).isEqualTo(SHA);
    }

    @Test
    public void shouldRefuseTheShortCommitIdOfABitbucketCloudPullRequestEvent() throws Exception {
        // Given the 12-character id a recorded Bitbucket Cloud pull request event carries
        String shortId = new ObjectMapper().readTree(Fixtures.bytes("bitbucket-cloud/webhook/pullrequest-created.json"))
                .path("pullrequest").path("source").path("commit").path("hash").asText();
        ProviderSpec bitbucket = ProviderSpec.builder("bb", ProviderType.BITBUCKET_CLOUD).build();
        StatusTarget target = StatusTarget.of(bitbucket, "acme/app", shortId);

        // Then
        assertThat(shortId).hasSize(12);
        assertThat(target.hasFullCommit()).isFalse();
        assertThatThrownBy(() -> target.fullCommit(ProviderType.BITBUCKET_CLOUD))
                .isInstanceOf(StatusException.class)
                .hasMessageContaining("'" + shortId + "' of acme/app is not a full commit id")
                .hasMessageContaining("Bitbucket Cloud pull request events carry only 12-character commit ids")
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.INVALID_REQUEST);
                    assertThat(failure.kind().retryable()).isFalse();
                    assertThat(failure.fix()).contains("full commit id the checkout resolved");
                });
    }

    @Test
    public void shouldAcceptSha1AndSha256Ids() throws Exception {
        ProviderSpec gitea = ProviderSpec.builder("gt", ProviderType.GITEA).serverUrl("https://git.example.com")
                .build();
        String sha256 = "ab".repeat(32);

        assertThat(StatusTarget.of(gitea, "o/r", SHA).fullCommit(ProviderType.GITEA)).isEqualTo(SHA);
        assertThat(StatusTarget.of(gitea, "o/r", sha256).fullCommit(ProviderType.GITEA)).isEqualTo(sha256);
        assertThatThrownBy(() -> StatusTarget.of(gitea, "o/r", "main")).hasMessageContaining("not a commit id");
    }

    @Test
    public void shouldKeepASourceProjectOnlyWhenItIsAnotherRepository() {
        ProviderSpec gitlab = ProviderSpec.builder("gl", ProviderType.GITLAB).build();
        StatusTarget target = StatusTarget.of(gitlab, "group/project", SHA);

        assertThat(target.withSourceRepository(gitlab, "contributor/project").sourceRepository())
                .containsExactly("contributor", "project");
        assertThat(target.withSourceRepository(gitlab, "group/project").sourceRepository()).isEmpty();
        assertThat(target.withSourceRepository(gitlab, null).sourceRepository()).isEmpty();
    }

    @Test
    public void shouldRefuseMalformedPartsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new StatusTarget(List.of(), SHA, null, null, List.of()))
                .hasMessageContaining("no repository");
        assertThatThrownBy(() -> new StatusTarget(List.of("o", "r"), SHA, null, 0, List.of()))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new StatusTarget(List.of("o", "r"), SHA, "x".repeat(256), null, List.of()))
                .hasMessageContaining("255");
        assertThatThrownBy(() -> new StatusTarget(List.of("o", "../admin"), SHA, null, null, List.of()))
                .hasMessageContaining("not a repository path segment");
        assertThatThrownBy(() -> new StatusTarget(List.of("o", "r"), SHA, null, null, List.of("..", "x")))
                .hasMessageContaining("not a repository path segment");
        assertThatThrownBy(() -> new StatusTarget(List.of("o", "r%2F.."), SHA, null, null, List.of()))
                .hasMessageContaining("not a repository path segment");
    }
}
