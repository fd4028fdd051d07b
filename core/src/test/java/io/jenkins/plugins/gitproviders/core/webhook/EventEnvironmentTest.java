package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.junit.Test;

public class EventEnvironmentTest {
    private static final String HEAD = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";
    private static final String ZERO = "0".repeat(40);
    private static final RepositoryInfo REPOSITORY = new RepositoryInfo("gitlab.example.com", "Group/Sub/Project",
            null, null, null);

    private static WebhookEvent event(EventKind kind, String ref, String after, String head, Integer pr) {
        return new WebhookEvent(ProviderType.GITLAB, kind, REPOSITORY, ref, null, after, pr, "feature",
                "main", head, "alice", "delivery-1");
    }

    @Test
    public void shouldGiveAPushItsProviderEventRepositoryRefAndCommit() {
        WebhookEvent push = event(EventKind.BRANCH_PUSH, "refs/heads/main", HEAD, null, null);

        assertThat(EventEnvironment.variables("team-gitlab", push)).containsExactly(
                entry("GIT_PROVIDER", "team-gitlab"),
                entry("GIT_PROVIDER_EVENT", "BRANCH_PUSH"),
                entry("GIT_PROVIDER_REPOSITORY", "Group/Sub/Project"),
                entry("GIT_PROVIDER_REF", "refs/heads/main"),
                entry("GIT_PROVIDER_COMMIT", HEAD));
    }

    @Test
    public void shouldGiveAPullRequestItsNumberAndHeadCommit() {
        WebhookEvent opened = event(EventKind.PULL_REQUEST_OPENED, "refs/heads/feature", null, HEAD, 12);

        assertThat(EventEnvironment.variables("gl", opened))
                .containsEntry("GIT_PROVIDER_PR", "12")
                .containsEntry("GIT_PROVIDER_COMMIT", HEAD);
        assertThat(EventEnvironment.where(opened)).isEqualTo("Group/Sub/Project #12");
    }

    @Test
    public void shouldLeaveOutTheCommitOfADeletion() {
        WebhookEvent deleted = event(EventKind.BRANCH_DELETED, "refs/heads/old", ZERO, ZERO, null);

        assertThat(EventEnvironment.commit(deleted)).isEmpty();
        assertThat(EventEnvironment.variables("gl", deleted)).doesNotContainKeys("GIT_PROVIDER_COMMIT",
                "GIT_PROVIDER_PR");
    }

    @Test
    public void shouldShortenCommitsAndDescribeKinds() {
        assertThat(EventEnvironment.shortCommit(HEAD)).isEqualTo("d2b75aa");
        assertThat(EventEnvironment.shortCommit("abc")).isEqualTo("abc");
        assertThat(EventEnvironment.describe(EventKind.PULL_REQUEST_MERGED)).isEqualTo("pull request merged");
        assertThat(EventEnvironment.where(event(EventKind.TAG_PUSH, "refs/tags/v1", HEAD, null, null)))
                .isEqualTo("Group/Sub/Project v1");
    }

    @Test
    public void shouldGiveAPullRequestItsRefBranchesAndWhetherItComesFromAFork() {
        WebhookEvent fromFork = new WebhookEvent(ProviderType.GITHUB, EventKind.PULL_REQUEST_OPENED, REPOSITORY,
                "refs/pull/12/head", null, HEAD, 12, "patch-1", "main", HEAD, "mallory", "d-1",
                new PullRequestSource("mallory/project", true, false, "NONE"));
        WebhookEvent fromRepository = new WebhookEvent(ProviderType.GITHUB, EventKind.PULL_REQUEST_UPDATED,
                REPOSITORY, "refs/pull/13/head", null, HEAD, 13, "feature", "main", HEAD, "alice", "d-2",
                PullRequestSource.sameRepository("Group/Sub/Project"));

        assertThat(EventEnvironment.variables("gh", fromFork))
                .containsEntry("GIT_PROVIDER_REF", "refs/pull/12/head")
                .containsEntry("GIT_PROVIDER_SOURCE_BRANCH", "patch-1")
                .containsEntry("GIT_PROVIDER_TARGET_BRANCH", "main")
                .containsEntry("GIT_PROVIDER_PR_FROM_FORK", "true");
        assertThat(EventEnvironment.variables("gh", fromRepository)).containsEntry("GIT_PROVIDER_PR_FROM_FORK",
                "false");
        assertThat(EventEnvironment.variables("gl", event(EventKind.BRANCH_PUSH, "refs/heads/main", HEAD, null,
                null))).doesNotContainKeys("GIT_PROVIDER_SOURCE_BRANCH", "GIT_PROVIDER_TARGET_BRANCH",
                "GIT_PROVIDER_PR_FROM_FORK");
    }
}
