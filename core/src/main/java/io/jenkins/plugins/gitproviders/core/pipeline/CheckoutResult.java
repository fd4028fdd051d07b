package io.jenkins.plugins.gitproviders.core.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutTarget;
import io.jenkins.plugins.gitproviders.core.checkout.CommitTrust;
import io.jenkins.plugins.gitproviders.core.checkout.PullRequestRefs;
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
 * @param announcedCommit the commit the build's webhook event announced, when the event was checked out; it differs
 *                    from {@code commit} when the ref had moved on (see {@link CommitTrust})
 * @param trust       what comparing the announced commit with the ref's tip decided, in words, or {@code null}
 */
public record CheckoutResult(
        String provider,
        String repository,
        String url,
        String commit,
        @CheckForNull String branch,
        @CheckForNull String tag,
        @CheckForNull String pullRequest,
        @CheckForNull String announcedCommit,
        @CheckForNull String trust) {
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    public CheckoutResult {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(commit, "commit");
    }

    /** Describes a checkout that no webhook event announced. */
    public CheckoutResult(String provider, String repository, String url, String commit, @CheckForNull String branch,
            @CheckForNull String tag, @CheckForNull String pullRequest) {
        this(provider, repository, url, commit, branch, tag, pullRequest, null, null);
    }

    /**
     * Describes the checkout of a resolved plan that ended at the given commit.
     *
     * @param headCommit what {@code git rev-parse HEAD} answered after the checkout
     * @throws CheckoutException when git answered something other than a full commit id, when the plan asked for a
     *                           commit by id and git checked out another, or when a webhook event's commit is not
     *                           the ref's tip and the policy refuses that
     */
    public static CheckoutResult of(CheckoutPlan plan, String headCommit) {
        return of(plan, headCommit, CommitTrust.MismatchPolicy.BUILD_TIP);
    }

    /**
     * Describes the checkout of a resolved plan that ended at the given commit, applying a policy to a webhook
     * event's commit that is not the ref's tip.
     *
     * @param headCommit what {@code git rev-parse HEAD} answered after the checkout
     * @param policy     what a mismatch between the announced commit and the fetched ref leads to
     * @throws CheckoutException as {@link #of(CheckoutPlan, String)}
     */
    public static CheckoutResult of(CheckoutPlan plan, String headCommit, CommitTrust.MismatchPolicy policy) {
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
        String announced = target.announcedCommit();
        String trust = null;
        if (announced != null) {
            CommitTrust.Decision decision = CommitTrust.compare(fetchedRef(plan), announced, commit,
                    target.kind() == CheckoutTarget.Kind.PULL_REQUEST
                            && PullRequestRefs.isMergeRef(plan.providerType()), policy);
            if (decision.verdict() == CommitTrust.Verdict.REFUSE) {
                throw new CheckoutException(decision.message());
            }
            trust = decision.message();
        }
        return new CheckoutResult(plan.providerName(), plan.repository(), plan.cloneUrl(), commit,
                plan.branch().orElse(null), plan.tag().orElse(null), pullRequest, announced, trust);
    }

    /** Returns the remote ref a plan fetched: the source of its first refspec ({@code +<remote>:<local>}). */
    private static String fetchedRef(CheckoutPlan plan) {
        if (plan.refspecs().isEmpty()) {
            return plan.target().checkoutRef() == null ? "the ref" : plan.target().checkoutRef();
        }
        String refspec = plan.refspecs().get(0);
        int colon = refspec.indexOf(':');
        return refspec.substring(refspec.startsWith("+") ? 1 : 0, colon < 0 ? refspec.length() : colon);
    }

    /** Tells whether the commit built is not the one the webhook event announced (both are recorded). */
    public boolean builtOtherThanAnnounced() {
        return announcedCommit != null && !announcedCommit.equals(commit);
    }

    /**
     * Returns the step's return value: {@code commit}, {@code url}, {@code provider}, {@code repository}, and
     * {@code branch}, {@code tag} or {@code pullRequest} when one was checked out, {@code announcedCommit} when a
     * webhook event was. Keys without a value are left out.
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
        if (announcedCommit != null) {
            map.put("announcedCommit", announcedCommit);
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
        String line = "Checked out " + repository + " (" + what + ") at " + commit + " from provider '" + provider
                + "' (" + url + ")";
        return builtOtherThanAnnounced() && trust != null ? line + ". " + trust : line;
    }
}
