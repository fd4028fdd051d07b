package io.jenkins.plugins.gitproviders.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlanner;
import io.jenkins.plugins.gitproviders.core.checkout.RemoteRefs;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.Set;
import org.junit.Test;

public class CheckoutResultTest {
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static final String OTHER = "1111111111111111111111111111111111111111";
    private static final ProviderSpec GITHUB = ProviderSpec.builder("GitHub", ProviderType.GITHUB)
            .credentialsId("github-token").build();

    private final CheckoutPlanner planner = new CheckoutPlanner();

    @Test
    public void shouldReturnTheBranchOfTheDefaultBranchOnceResolved() {
        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", null, null)
                .resolve(new RemoteRefs("refs/heads/trunk", Set.of()));

        CheckoutResult result = CheckoutResult.of(plan, SHA + "\n");

        assertThat(result.toMap()).containsExactly(
                entry("commit", SHA), entry("branch", "trunk"), entry("url", "https://github.com/acme/payments.git"),
                entry("provider", "GitHub"), entry("repository", "acme/payments"));
        assertThat(result.summary()).isEqualTo("Checked out acme/payments (branch trunk) at " + SHA
                + " from provider 'GitHub' (https://github.com/acme/payments.git)");
    }

    @Test
    public void shouldReturnTheTagWithoutABranch() {
        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", "v2.3.1", 1)
                .resolve(new RemoteRefs(null, Set.of("refs/tags/v2.3.1")));

        CheckoutResult result = CheckoutResult.of(plan, SHA);

        assertThat(result.toMap()).containsEntry("tag", "v2.3.1").doesNotContainKey("branch");
        assertThat(result.summary()).contains("(tag v2.3.1)");
    }

    @Test
    public void shouldReturnThePullRequest() {
        CheckoutResult result = CheckoutResult.of(planner.plan(GITHUB, "acme/payments", "PR-12", null), SHA);

        assertThat(result.toMap()).containsEntry("pullRequest", "PR-12").doesNotContainKeys("branch", "tag");
    }

    @Test
    public void shouldRefuseACommitOtherThanTheOneAskedFor() {
        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", SHA, null);

        assertThat(CheckoutResult.of(plan, SHA.toUpperCase()).commit()).isEqualTo(SHA);
        assertThatThrownBy(() -> CheckoutResult.of(plan, OTHER))
                .isInstanceOf(CheckoutException.class)
                .hasMessageContaining("checked out commit " + OTHER);
    }

    @Test
    public void shouldRefuseAnAnswerThatIsNoCommitId() {
        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", "refs/heads/main", null);

        assertThatThrownBy(() -> CheckoutResult.of(plan, "fatal: bad revision"))
                .isInstanceOf(CheckoutException.class)
                .hasMessageContaining("the checkout did not complete");
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
