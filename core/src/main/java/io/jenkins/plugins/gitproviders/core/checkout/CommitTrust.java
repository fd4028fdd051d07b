package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a build triggered by a webhook may build, given what the host says the event's ref points to now
 * ({@code git ls-remote} before scheduling, or the fetch itself at checkout).
 *
 * <p>The policy, and why:
 * <ul>
 *   <li>A commit named only by a payload is never fetched. Anyone holding a provider's webhook secret can write any
 *       commit id into a payload, and GitHub serves every commit of a fork network by id through the parent
 *       repository, so fetching the payload's commit could build fork-only code under the parent's name and
 *       credentials. The build fetches the event's ref (a pull request's published ref, see
 *       {@link PullRequestRefs}) and builds what it points to.</li>
 *   <li>Ref at the announced commit: {@link Verdict#BUILD_ANNOUNCED}.</li>
 *   <li>Ref elsewhere: {@link Verdict#BUILD_TIP}, recording both commits. This is usually benign (the branch moved on
 *       before the build started, during a push storm or after a force-push), and the tip is what the host says the
 *       ref holds, so building it gives a forged delivery no more than a push to that ref would have. Refusing would
 *       fail the build of every superseded push. Administrators who want the announced commit or nothing choose
 *       {@link MismatchPolicy#REFUSE}.</li>
 *   <li>{@link Verdict#REFUSE}: the ref does not exist (deleted since, or never existed, so no host vouches for any
 *       content), the event names no ref to confirm, or a deletion whose ref still exists.</li>
 * </ul>
 */
public final class CommitTrust {
    private static final String HEADS = "refs/heads/";
    private static final String TAGS = "refs/tags/";

    private CommitTrust() {}

    /** Says what to build. */
    public enum Verdict {
        /** The ref points to the announced commit: build it. For a deletion: the ref is indeed gone. */
        BUILD_ANNOUNCED,
        /** The ref points elsewhere, or the event named no commit: build the ref's current tip, recording both. */
        BUILD_TIP,
        /** Build nothing; the message says why. */
        REFUSE
    }

    /** Chooses what a mismatch between the announced commit and the ref's tip leads to. */
    public enum MismatchPolicy {
        /** Build the ref's tip and record both commits (the default). */
        BUILD_TIP,
        /** Refuse the build. */
        REFUSE
    }

    /**
     * Tells what to build and why.
     *
     * @param verdict   what to do
     * @param ref       the ref confirmed with the host, or {@code null} when the event names none
     * @param announced the commit the event announced, lowercase, or {@code null} when it named none
     * @param tip       the commit the ref points to now, or {@code null} when the ref does not exist
     * @param message   the decision in words, for the build log and the deliveries page
     */
    public record Decision(Verdict verdict, @CheckForNull String ref, @CheckForNull String announced,
            @CheckForNull String tip, String message) {
        public Decision {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(message, "message");
        }

        /** Returns the commit to build, or empty when nothing is built (a refusal, a deletion). */
        public Optional<String> commitToBuild() {
            return verdict == Verdict.REFUSE ? Optional.empty() : Optional.ofNullable(tip);
        }

        /** Tells whether the commit built differs from the one announced (both are recorded). */
        public boolean mismatch() {
            return verdict == Verdict.BUILD_TIP && announced != null;
        }
    }

    /**
     * Returns the ref to confirm an event with: a pull request's published ref (Bitbucket Cloud: its source
     * branch), else the event's branch or tag ref; empty when the event names none git accepts.
     */
    public static Optional<String> refToConfirm(WebhookEvent event) {
        if (event.kind().isPullRequest()) {
            Integer number = event.pullRequestNumber();
            if (number == null || number < 1) {
                return Optional.empty();
            }
            Optional<String> published = PullRequestRefs.published(event.hostType(), number);
            if (published.isPresent()) {
                return published;
            }
            String source = event.sourceBranch();
            return source == null || !validName(source.strip()) ? Optional.empty()
                    : Optional.of(HEADS + source.strip());
        }
        String ref = event.ref();
        if (ref == null || !(ref.startsWith(HEADS) || ref.startsWith(TAGS))
                || !validName(ref.substring(ref.startsWith(HEADS) ? HEADS.length() : TAGS.length()))) {
            return Optional.empty();
        }
        return Optional.of(ref);
    }

    /** Applies git's rules to a branch or tag name, alone (no leading '-') and as the full ref git sees. */
    private static boolean validName(String name) {
        return RefNames.isValid(name) && RefNames.isValid(HEADS + name);
    }

    /** Decides with the default policy: a mismatch builds the tip. */
    public static Decision decide(WebhookEvent event, @CheckForNull String currentTip) {
        return decide(event, currentTip, MismatchPolicy.BUILD_TIP);
    }

    /**
     * Decides what to build for an event.
     *
     * @param event      the verified event
     * @param currentTip the commit the host says {@link #refToConfirm the event's ref} points to now, or {@code null}
     *                   when the host has no such ref
     * @param policy     what a mismatch leads to
     */
    public static Decision decide(WebhookEvent event, @CheckForNull String currentTip, MismatchPolicy policy) {
        Optional<String> confirmable = refToConfirm(event);
        String announced = announced(event);
        String tip = currentTip == null ? null : currentTip.strip().toLowerCase(Locale.ROOT);
        if (confirmable.isEmpty()) {
            return new Decision(Verdict.REFUSE, null, announced, tip, "The event names no branch, tag or pull request"
                    + " ref that Jenkins can confirm with the host, so nothing is built.");
        }
        String ref = confirmable.get();
        if (event.kind() == EventKind.BRANCH_DELETED || event.kind() == EventKind.TAG_DELETED) {
            return tip == null
                    ? new Decision(Verdict.BUILD_ANNOUNCED, ref, announced, null, "The host confirms that " + ref
                            + " is gone.")
                    : new Decision(Verdict.REFUSE, ref, announced, tip, "The event announces the deletion of " + ref
                            + ", but the host still has it at " + tip + "; the deletion is not confirmed.");
        }
        if (tip == null || !RefTips.isCommit(tip)) {
            return new Decision(Verdict.REFUSE, ref, announced, null, ref + " does not exist on the host (deleted"
                    + " since the event, or never existed), so no commit can be confirmed and nothing is built.");
        }
        return compare(ref, announced, tip, PullRequestRefs.isMergeRef(event.hostType())
                && event.kind().isPullRequest(), policy);
    }

    /**
     * Compares an announced commit with the commit a fetched ref holds, as the checkout does after fetching.
     *
     * @param ref       the ref fetched
     * @param announced the commit announced, or {@code null} when none was
     * @param tip       the commit the ref holds
     * @param mergeRef  whether the ref holds a merge of the announced commit (Azure DevOps pull requests), so they
     *                  always differ
     * @param policy    what a mismatch leads to
     */
    public static Decision compare(String ref, @CheckForNull String announced, String tip, boolean mergeRef,
            MismatchPolicy policy) {
        String built = tip.strip().toLowerCase(Locale.ROOT);
        if (announced == null) {
            return new Decision(Verdict.BUILD_TIP, ref, null, built, "The event named no commit; building " + ref
                    + " at " + built + ".");
        }
        if (announced.equals(built)) {
            return new Decision(Verdict.BUILD_ANNOUNCED, ref, announced, built, "The host confirms " + ref + " at the"
                    + " announced commit " + built + ".");
        }
        if (mergeRef) {
            return new Decision(Verdict.BUILD_TIP, ref, announced, built, "The event announces the pull request's"
                    + " head " + announced + "; the host's " + ref + " holds it merged into the target as " + built
                    + ", which is built.");
        }
        if (policy == MismatchPolicy.REFUSE) {
            return new Decision(Verdict.REFUSE, ref, announced, built, "The event announces " + announced + " but the"
                    + " host's " + ref + " points to " + built + "; only the announced commit may be built, so"
                    + " nothing is.");
        }
        String tagNote = ref.startsWith(TAGS) ? " For an annotated tag, hosts may announce the tag object and the"
                + " checkout names its commit." : "";
        return new Decision(Verdict.BUILD_TIP, ref, announced, built, "The event announces " + announced + " but "
                + ref + " now points to " + built + " (it moved on, or the announcement was wrong); building " + built
                + ", what the host says " + ref + " holds." + tagNote);
    }

    @CheckForNull
    private static String announced(WebhookEvent event) {
        return EventEnvironment.commit(event).map(commit -> commit.strip().toLowerCase(Locale.ROOT))
                .filter(RefTips::isCommit).orElse(null);
    }
}
