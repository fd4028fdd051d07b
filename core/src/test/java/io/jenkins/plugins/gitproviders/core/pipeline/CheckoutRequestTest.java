package io.jenkins.plugins.gitproviders.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlanner;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutTarget;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import org.junit.Test;

public class CheckoutRequestTest {
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static final ProviderSpec GITEA = ProviderSpec.builder("Gitea", ProviderType.GITEA)
            .serverUrl("https://gitea.example.com").credentialsId("gitea-token").build();
    private static final WebhookEvent PUSH = new WebhookEvent(ProviderType.GITEA, EventKind.BRANCH_PUSH,
            new RepositoryInfo("gitea.example.com", "infra/payments", null, null, null), "refs/heads/main", null,
            SHA, null, null, null, SHA, "jane", "d-1");

    private final CheckoutPlanner planner = new CheckoutPlanner();

    @Test
    public void shouldTreatBlankValuesAsNotGiven() {
        CheckoutRequest request = new CheckoutRequest("  ", " ", "", null, null);

        assertThat(request.provider()).isNull();
        assertThat(request.repository()).isNull();
        assertThat(request.ref()).isNull();
        assertThat(request.usesBuildEvent()).isTrue();
    }

    @Test
    public void shouldResolveTheNamedProviderFirst() {
        CheckoutRequest request = new CheckoutRequest(" Team GitLab ", null, null, null, null);

        assertThat(request.providerToResolve("Gitea")).isEqualTo("Team GitLab");
    }

    @Test
    public void shouldResolveTheEventsProviderWhenCheckingOutTheEvent() {
        CheckoutRequest request = new CheckoutRequest(null, null, null, null, null);

        assertThat(request.providerToResolve("Gitea")).isEqualTo("Gitea");
        assertThat(request.providerToResolve(null)).isEmpty();
    }

    @Test
    public void shouldResolveTheDefaultProviderForAGivenRepositoryEvenInAWebhookBuild() {
        CheckoutRequest request = new CheckoutRequest(null, "acme/payments", null, null, null);

        assertThat(request.providerToResolve("Gitea")).isEmpty();
    }

    @Test
    public void shouldPlanTheGivenRepositoryAndIgnoreTheEvent() {
        CheckoutPlan plan = new CheckoutRequest(null, "infra/tools", "v1.0", 1, null).plan(planner, GITEA, PUSH);

        assertThat(plan.repository()).isEqualTo("infra/tools");
        assertThat(plan.target().kind()).isEqualTo(CheckoutTarget.Kind.BRANCH_OR_TAG);
        assertThat(plan.depth()).isEqualTo(1);
    }

    @Test
    public void shouldPlanTheEventsRefWithoutARepository() {
        CheckoutPlan plan = new CheckoutRequest(null, null, null, 2, null).plan(planner, GITEA, PUSH);

        assertThat(plan.repository()).isEqualTo("infra/payments");
        // The ref is fetched and built; the announced commit is only compared (#10)
        assertThat(plan.target().checkoutRef()).isEqualTo("refs/remotes/origin/main");
        assertThat(plan.target().announcedCommit()).isEqualTo(SHA);
        assertThat(plan.refspecs()).doesNotContain(SHA);
        assertThat(plan.depth()).isEqualTo(2);
    }

    @Test
    public void shouldRefuseARefWithoutARepositoryInAWebhookBuild() {
        CheckoutRequest request = new CheckoutRequest(null, null, "main", null, null);

        assertThatThrownBy(() -> request.plan(planner, GITEA, PUSH))
                .isInstanceOf(CheckoutException.class)
                .hasMessageContaining("ref 'main' is given without a repository");
    }

    @Test
    public void shouldLetThePlannerExplainAMissingRepositoryOutsideAWebhookBuild() {
        CheckoutRequest request = new CheckoutRequest(null, null, null, null, null);

        assertThatThrownBy(() -> request.plan(planner, GITEA, null))
                .isInstanceOf(CheckoutException.class)
                .hasMessageContaining("No repository given");
    }

    @Test
    public void shouldRefuseATimeoutOutOfRange() {
        assertThatThrownBy(() -> new CheckoutRequest(null, "a/b", null, null, 0).check())
                .hasMessageContaining("timeout must be a number of minutes from 1 to 1440")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> new CheckoutRequest(null, "a/b", null, null, 1441).check())
                .isInstanceOf(CheckoutException.class);
        new CheckoutRequest(null, "a/b", null, null, 1440).check();
    }

    @Test
    public void shouldCheckTheTimeoutBeforePlanning() {
        CheckoutRequest request = new CheckoutRequest(null, "infra/payments", null, null, -5);

        assertThatThrownBy(() -> request.plan(planner, GITEA, null)).hasMessageContaining("timeout");
    }
}
