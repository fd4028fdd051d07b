package io.jenkins.plugins.gitproviders.core.reporting;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.JenkinsResult;
import io.jenkins.plugins.gitproviders.core.status.StatusDescription;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides the state each commit of a finished build gets. Every commit the build reported to gets the build's result
 * (unstable as its target's {@link io.jenkins.plugins.gitproviders.core.status.ResultMapping} says), once per slot,
 * except:
 * <ul>
 *   <li>the webhook event's commit, when a checkout of the same repository built another commit (the branch or pull
 *       request had moved on): it was not built, so it gets {@link BuildState#ABORTED} saying which commit was;</li>
 *   <li>an abbreviated event commit (Bitbucket Cloud pull requests): it is reported only through the full id of a
 *       checkout of the same repository that starts with it; without one, nothing is sent and a note says why;</li>
 *   <li>stage statuses ({@code gitProviderStatus}), which keep the state their step gave.</li>
 * </ul>
 */
public final class FinalStatuses {
    private static final int SHORT = 7;

    private FinalStatuses() {}

    /** One final status to send. */
    public record Final(BuildTarget target, BuildState state, String description) {
        public Final {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(state, "state");
            description = StatusDescription.of(description);
        }
    }

    /**
     * The final statuses of a build and the notes for its log.
     *
     * @param finals what to send, one per slot
     * @param notes  why a recorded commit gets nothing (with the fix), for the build log
     */
    public record Plan(List<Final> finals, List<String> notes) {
        public Plan {
            finals = List.copyOf(finals);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Plans the final statuses of a finished build.
     *
     * @param targets  what the build reported to, in the order recorded
     * @param result   the build's result
     * @param duration how long it took, or {@code null} when unknown
     */
    public static Plan plan(List<BuildTarget> targets, JenkinsResult result, @CheckForNull Duration duration) {
        Map<String, Final> finals = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String finished = StatusDescription.finished(result, duration);
        // Checkouts first: when an event and a checkout share a slot, the checkout's options decide.
        for (BuildTarget target : targets) {
            if (target.origin() == BuildTarget.Origin.CHECKOUT) {
                finals.putIfAbsent(target.slot(), new Final(target, target.mapping().stateOf(result), finished));
            }
        }
        for (BuildTarget event : targets) {
            if (event.origin() != BuildTarget.Origin.EVENT || finals.containsKey(event.slot())) {
                continue;
            }
            List<BuildTarget> checkouts = targets.stream()
                    .filter(t -> t.origin() == BuildTarget.Origin.CHECKOUT && t.sameRepository(event))
                    .toList();
            if (!event.target().hasFullCommit()) {
                boolean resolved = checkouts.stream()
                        .anyMatch(c -> c.target().commit().startsWith(event.target().commit()));
                if (!resolved) {
                    notes.add(shortCommitNote(event));
                }
                continue;
            }
            boolean built = checkouts.stream().anyMatch(c -> c.commitKey().equals(event.commitKey()));
            if (!checkouts.isEmpty() && !built) {
                String other = checkouts.get(checkouts.size() - 1).target().commit();
                finals.putIfAbsent(event.slot(), new Final(event, BuildState.ABORTED, "Not built: a newer commit ("
                        + other.substring(0, Math.min(SHORT, other.length())) + ") was built instead"));
            } else {
                finals.putIfAbsent(event.slot(), new Final(event, event.mapping().stateOf(result), finished));
            }
        }
        return new Plan(new ArrayList<>(finals.values()), notes);
    }

    private static String shortCommitNote(BuildTarget event) {
        try {
            event.target().fullCommit(event.type());
            throw new IllegalStateException("a short commit id is refused");
        } catch (StatusException e) {
            return e.failure().describe() + " This build has no gitProviderCheckout of "
                    + event.target().repositoryPath() + ", so no status was reported to it.";
        }
    }
}
