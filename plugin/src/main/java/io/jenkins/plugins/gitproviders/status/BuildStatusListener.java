package io.jenkins.plugins.gitproviders.status;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;

/**
 * Follows builds for {@link BuildStatus}: keeps each running build's log for the once-per-build notes, says what was
 * found while a webhook build waited in the queue when it starts, and reports the final states when it completes,
 * while its log is still open.
 */
@Extension
public final class BuildStatusListener extends RunListener<Run<?, ?>> {
    @Override
    public void onStarted(Run<?, ?> run, TaskListener listener) {
        LiveLogs.get().started(run, listener);
        GitProviderStatusAction action = run.getAction(GitProviderStatusAction.class);
        if (action != null) {
            action.sayQueued(listener);
        }
    }

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        try {
            BuildStatus.get().completed(run);
        } finally {
            LiveLogs.get().ended(run);
        }
    }

    /** Forgets the log of a build deleted while it ran. */
    @Override
    public void onDeleted(Run<?, ?> run) {
        LiveLogs.get().ended(run);
    }
}
