package io.jenkins.plugins.gitproviders.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class SubscriptionSpecTest {
    private static final List<ProviderSpec> PROVIDERS = List.of(
            ProviderSpec.builder("GitHub", ProviderType.GITHUB).build(),
            ProviderSpec.builder("team-gitlab", ProviderType.GITLAB_SELF_MANAGED)
                    .serverUrl("https://gitlab.example.com:8443/").build(),
            ProviderSpec.builder("no-server", ProviderType.GITLAB_SELF_MANAGED).build());

    private static SubscriptionSpec spec(String provider, String repository) {
        return new SubscriptionSpec(provider, repository, "", "", "", "", "");
    }

    @Test
    public void shouldResolveOwnerSlashNameOnTheNamedProvidersHostAndUseItsConfiguredName() {
        // Given a trigger naming the provider in another case and the repository as owner/name
        SubscriptionSpec spec = new SubscriptionSpec(" github ", "Octo/Hello", "main release/*", "release/old-*",
                "v*", "", "branch_push, tag-push");

        // When it becomes a subscription
        Subscription subscription = spec.toSubscription("folder/job", PROVIDERS);

        // Then the repository is on github.com, the provider is named as configured, and filters and events are read
        assertThat(subscription.jobId()).isEqualTo("folder/job");
        assertThat(subscription.providerName()).isEqualTo("GitHub");
        assertThat(subscription.repository()).isEqualTo(RepositoryKey.parseOrThrow("https://github.com/octo/hello"));
        assertThat(subscription.branches().matches("release/1.0")).isTrue();
        assertThat(subscription.branches().matches("release/old-1")).isFalse();
        assertThat(subscription.branches().matches("feature/x")).isFalse();
        assertThat(subscription.tags().matches("v1")).isTrue();
        assertThat(subscription.events()).containsExactlyInAnyOrder(EventKind.BRANCH_PUSH, EventKind.TAG_PUSH);
    }

    @Test
    public void shouldResolveNestedGroupsOnASelfManagedServerWithItsPort() {
        Subscription subscription = spec("team-gitlab", "group/sub/project").toSubscription("job", PROVIDERS);

        assertThat(subscription.repository().toString()).isEqualTo("gitlab.example.com:8443/group/sub/project");
    }

    @Test
    public void shouldSelectBranchPushesOnlyWhenNoEventIsGiven() {
        Subscription subscription = spec(null, "https://github.com/octo/hello.git").toSubscription("job", PROVIDERS);

        assertThat(subscription.providerName()).isNull();
        assertThat(subscription.events()).containsExactlyInAnyOrder(EventKind.BRANCH_PUSH, EventKind.BRANCH_CREATED);
        assertThat(subscription.branches().selectsAll()).isTrue();
    }

    @Test
    public void shouldRequireAFullAddressWhenAnyProviderIsAccepted() {
        assertThatThrownBy(() -> spec("", "octo/hello").toSubscription("job", PROVIDERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Repository: with any provider, write the repository's full address");
    }

    @Test
    public void shouldAcceptScpLikeAddressesWithAnyProvider() {
        RepositoryKey key = spec(null, "git@gitlab.example.com:group/project.git").repositoryKey(Optional.empty());

        assertThat(key.toString()).isEqualTo("gitlab.example.com/group/project");
    }

    @Test
    public void shouldRefuseAnUnknownProviderByName() {
        assertThatThrownBy(() -> spec("gitea", "octo/hello").toSubscription("job", PROVIDERS))
                .hasMessage("Provider: no provider named 'gitea' is configured; choose one under Manage Jenkins >"
                        + " Git Providers, or leave it blank for any provider");
    }

    @Test
    public void shouldRefuseARepositoryOnAnotherHostThanTheNamedProvider() {
        assertThatThrownBy(() -> spec("GitHub", "https://gitlab.com/octo/hello").toSubscription("job", PROVIDERS))
                .hasMessage("Repository: gitlab.com/octo/hello is on gitlab.com, but provider 'GitHub' serves"
                        + " github.com; choose that host's provider or any provider");
    }

    @Test
    public void shouldRefuseARelativeRepositoryOnAProviderWithoutServer() {
        assertThatThrownBy(() -> spec("no-server", "group/project").toSubscription("job", PROVIDERS))
                .hasMessageStartingWith("Repository: the address is not understood")
                .hasMessageEndingWith("the provider's server");
    }

    @Test
    public void shouldRequireARepository() {
        assertThatThrownBy(() -> spec("GitHub", "  ").toSubscription("job", PROVIDERS))
                .hasMessageStartingWith("Repository: required");
    }

    @Test
    public void shouldNeverRepeatATokenWrittenIntoTheAddress() {
        assertThatThrownBy(() -> spec(null, "https://user:s3cr3t-token@/nohost").toSubscription("job", PROVIDERS))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-token").startsWith("Repository: "));
    }

    @Test
    public void shouldNameTheFieldOfABadPattern() {
        SubscriptionSpec spec = new SubscriptionSpec(null, "https://github.com/octo/hello", "", "", "", "refs/tags/",
                "");

        assertThatThrownBy(() -> spec.toSubscription("job", PROVIDERS))
                .hasMessageStartingWith("Tags to exclude: A branch or tag pattern is empty");
    }

    @Test
    public void shouldListTheKnownEventsWhenOneIsUnknownAndRefusePing() {
        assertThatThrownBy(() -> SubscriptionSpec.parseEvents("BRANCH_PUSH push"))
                .hasMessage("Events: 'push' is not an event; use " + SubscriptionSpec.selectableNames());
        assertThatThrownBy(() -> SubscriptionSpec.parseEvents("ping"))
                .hasMessageStartingWith("Events: PING never triggers a job");
        assertThat(SubscriptionSpec.selectableNames()).doesNotContain("PING").contains("PULL_REQUEST_MERGED");
    }

    @Test
    public void shouldWriteEventsInTheFormItReads() {
        String written = SubscriptionSpec.eventNames(SubscriptionSpec.parseEvents(
                "pull_request_updated\nTAG_PUSH,,BRANCH_PUSH"));

        assertThat(written).isEqualTo("BRANCH_PUSH, TAG_PUSH, PULL_REQUEST_UPDATED");
        assertThat(SubscriptionSpec.parseEvents(written)).containsExactlyInAnyOrder(EventKind.BRANCH_PUSH,
                EventKind.TAG_PUSH, EventKind.PULL_REQUEST_UPDATED);
    }

    @Test
    public void shouldReadWhichPullRequestsFromForksTrigger() {
        SubscriptionSpec trusted = new SubscriptionSpec("github", "octo/hello", "", "", "", "", "", " Trusted ");

        assertThat(spec("github", "octo/hello").toSubscription("job", PROVIDERS).forkPullRequests())
                .as("blank is never").isEqualTo(ForkPolicy.NEVER);
        assertThat(trusted.toSubscription("job", PROVIDERS).forkPullRequests()).isEqualTo(ForkPolicy.TRUSTED);
        assertThat(ForkPolicy.parse("ALWAYS")).isEqualTo(ForkPolicy.ALWAYS);
        assertThatThrownBy(() -> new SubscriptionSpec("github", "octo/hello", "", "", "", "", "", "sometimes")
                .toSubscription("job", PROVIDERS))
                .hasMessage("Fork pull requests: 'sometimes' is not one of never, trusted, always");
    }

    @Test
    public void shouldRouteADeliveryToTheSubscriptionItBuilt() {
        // Given the subscription of a trigger on owner/name with the default events, indexed
        JobIndex index = new JobIndex();
        index.put(spec("github", "octo/hello").toSubscription("job", PROVIDERS));

        // Then a push of the repository through that provider triggers it, a tag push does not
        assertThat(index.route("GitHub", Events.push("github.com", "Octo/Hello", "main")).triggered())
                .containsExactly("job");
        assertThat(index.route("GitHub", Events.tag("github.com", "octo/hello", "v1")).triggered()).isEmpty();
    }
}
