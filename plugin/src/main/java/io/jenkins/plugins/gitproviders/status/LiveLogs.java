package io.jenkins.plugins.gitproviders.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the log of each running build, from its start to its completion ({@link BuildStatusListener}), so that a
 * status reported off the build's thread can say its problem in the build log while the build runs. Jenkins gives a
 * build's log to run listeners only, and a finished build's log cannot be written to: problems found after completion
 * go to the build page only.
 */
@Extension
public final class LiveLogs {
    private final Map<String, TaskListener> logs = new ConcurrentHashMap<>();

    /** Returns the singleton. */
    @NonNull
    public static LiveLogs get() {
        return ExtensionList.lookupSingleton(LiveLogs.class);
    }

    /** Returns the log of a running build, or {@code null} once it completed (or if it started before Jenkins did). */
    @CheckForNull
    TaskListener of(@NonNull Run<?, ?> run) {
        return run.isLogUpdated() ? logs.get(run.getExternalizableId()) : null;
    }

    void started(@NonNull Run<?, ?> run, @NonNull TaskListener listener) {
        logs.put(run.getExternalizableId(), listener);
    }

    void ended(@NonNull Run<?, ?> run) {
        logs.remove(run.getExternalizableId());
    }
}
