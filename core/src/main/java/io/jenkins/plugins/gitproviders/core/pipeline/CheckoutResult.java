package io.jenkins.plugins.gitproviders.core.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutTarget;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Describes a finished checkout as the {@code gitProviderCheckout} step returns and prints it. Holds no secret: the
 * clone URL of a plan never carries credentials.
 *
 * @param provider    the provider's name
 * @param repository  the repository's path on the host
 * @param url         the clone URL used
 * @param commit      the full id of the commit checked out
 * @param branch      the branch checked out, or {@code null}
 * @param tag         the tag checked out, or {@code null}
 * @param pullRequest the pull request checked out ({@code PR-12}), or {@code null}
 */
public record CheckoutResult(
        String provider,
        String repository,
        String url,
        String commit,
        @CheckForNull String branch,
        @CheckForNull String tag,
        @CheckForNull String pullRequest) {
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    public CheckoutResult {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(commit, "commit");
    }

    /**
     * Describes the checkout of a resolved plan that ended at the given commit.
     *
     * @param headCommit what {@code git rev-parse HEAD} answered after the checkout
     * @throws CheckoutException when git answered something other than a full commit id, or, when the plan knew
     *                           the commit beforehand (a commit ref, a webhook event), another commit
     */
    public static CheckoutResult of(CheckoutPlan plan, String headCommit) {
        String commit = headCommit.strip().toLowerCase(Locale.ROOT);
        if (!FULL_COMMIT.matcher(commit).matches()) {
            throw new CheckoutException("git reported no commit after checking out " + plan.repository()
                    + ": the checkout did not complete.");
        }
        String expected = plan.target().commit();
        if (expected != null && !expected.equalsIgnoreCase(commit)) {
            throw new CheckoutException("git checked out commit " + commit + " of " + plan.repository() + " but "
                    + expected + " was asked for.");
        }
        CheckoutTarget target = plan.target();
        String pullRequest = target.kind() == CheckoutTarget.Kind.PULL_REQUEST ? target.name() : null;
        return new CheckoutResult(plan.providerName(), plan.repository(), plan.cloneUrl(), commit,
                plan.branch().orElse(null), plan.tag().orElse(null), pullRequest);
    }

    /**
     * Returns the step's return value: {@code commit}, {@code url}, {@code provider}, {@code repository}, and
     * {@code branch}, {@code tag} or {@code pullRequest} when one was checked out. Keys without a value are left out.
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("commit", commit);
        if (branch != null) {
            map.put("branch", branch);
        }
        if (tag != null) {
            map.put("tag", tag);
        }
        if (pullRequest != null) {
            map.put("pullRequest", pullRequest);
        }
        map.put("url", url);
        map.put("provider", provider);
        map.put("repository", repository);
        return map;
    }

    /** Returns the one line the step prints when done. */
    public String summary() {
        String what = branch != null ? "branch " + branch
                : tag != null ? "tag " + tag
                : pullRequest != null ? pullRequest
                : "commit";
        return "Checked out " + repository + " (" + what + ") at " + commit + " from provider '" + provider + "' ("
                + url + ")";
    }
}
