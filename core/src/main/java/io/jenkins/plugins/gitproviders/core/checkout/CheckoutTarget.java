package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * Describes what a plan checks out once its refspecs are fetched.
 *
 * @param kind        what the Pipeline asked for, or what the event concerns
 * @param name        the branch or tag short name, {@code PR-<n>}, or the commit id; {@code null} for the default
 *                    branch before it is resolved
 * @param checkoutRef the local ref or commit id to check out detached ({@code refs/remotes/origin/main},
 *                    {@code refs/tags/v1}, {@code refs/remotes/origin/PR-12}, a commit id); {@code null} while the
 *                    plan still needs the remote's answer (see {@link CheckoutPlan#needsRemoteLookup()})
 * @param commit      the exact commit expected after checkout, when asked for by id (a commit ref)
 * @param announcedCommit the commit a webhook event announced for the ref: recorded and compared with what the ref
 *                    holds, never fetched by id (see {@link CommitTrust})
 */
public record CheckoutTarget(Kind kind, @CheckForNull String name, @CheckForNull String checkoutRef,
                             @CheckForNull String commit, @CheckForNull String announcedCommit) {
    public CheckoutTarget {
        Objects.requireNonNull(kind, "kind");
    }

    /** Describes a target asked for by a Pipeline, which announces no commit. */
    public CheckoutTarget(Kind kind, @CheckForNull String name, @CheckForNull String checkoutRef,
                          @CheckForNull String commit) {
        this(kind, name, checkoutRef, commit, null);
    }

    /** Classifies a checkout target. */
    public enum Kind {
        /** The remote's default branch; resolved by asking the remote for its HEAD. */
        DEFAULT_BRANCH,
        /** A short name that is a tag or a branch; resolved by asking the remote which exists. */
        BRANCH_OR_TAG,
        /** A branch, fetched to {@code refs/remotes/origin/<name>}. */
        BRANCH,
        /** A tag, fetched to {@code refs/tags/<name>}. */
        TAG,
        /** An exact commit, fetched by its id. */
        COMMIT,
        /** A pull or merge request, fetched to {@code refs/remotes/origin/PR-<n>}. */
        PULL_REQUEST
    }

    /** Tells whether the target is known without asking the remote. */
    public boolean isResolved() {
        return checkoutRef != null;
    }
}
