package io.jenkins.plugins.gitproviders.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which providers each job's builds resolved, so that asking which jobs use a provider (before deleting it)
 * costs a look-up, not a walk through every job's last build. A job counts when its last finished build used the
 * provider, or a running build uses it now.
 *
 * <p>A finished build replaces what its job used when it resolved a provider, or when it succeeded without resolving
 * any (the Pipeline no longer uses providers); a build that failed before resolving one tells nothing, so the job
 * keeps what it used. Thread-safe without locks held by callers: steps record from any thread.
 */
public final class UsageLedger implements ProviderUsage {
    /** Provider names by job full name, from each job's last finished build that told something. */
    private final Map<String, Set<String>> finished = new ConcurrentHashMap<>();
    /** Provider names by running build id, with the job the build belongs to. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(String job, Set<String> providers) {}

    /**
     * Records that a running build resolved a provider.
     *
     * @param buildId an id unique to the build ({@code job#number})
     * @return whether this is news for the build, so that a caller saves only then
     */
    public boolean record(String buildId, String job, String providerName) {
        Running build = running.computeIfAbsent(buildId, id -> new Running(job, ConcurrentHashMap.newKeySet()));
        return build.providers().add(providerName);
    }

    /**
     * Records that a build finished.
     *
     * @param succeeded whether the build succeeded; a failed build that resolved nothing leaves the job unchanged
     * @return whether what the job uses changed
     */
    public boolean finish(String buildId, String job, boolean succeeded) {
        Running build = running.remove(buildId);
        Set<String> used = build == null ? Set.of() : Set.copyOf(build.providers());
        if (used.isEmpty() && !succeeded) {
            return false;
        }
        Set<String> previous = used.isEmpty() ? finished.remove(job) : finished.put(job, used);
        return !used.equals(previous == null ? Set.of() : previous);
    }

    /** Follows a job that was renamed or moved, with its running builds. */
    public void rename(String oldJob, String newJob) {
        Set<String> used = finished.remove(oldJob);
        if (used != null) {
            finished.put(newJob, used);
        }
        running.replaceAll((id, build) -> build.job().equals(oldJob) ? new Running(newJob, build.providers()) : build);
    }

    /** Forgets a deleted job, or every job of a deleted folder. */
    public void forget(String item) {
        String below = item + "/";
        finished.keySet().removeIf(job -> job.equals(item) || job.startsWith(below));
        running.values().removeIf(build -> build.job().equals(item) || build.job().startsWith(below));
    }

    /** Returns the jobs using the provider of this exact name, sorted. */
    @Override
    public List<String> jobsUsing(String providerName) {
        Set<String> jobs = new TreeSet<>();
        finished.forEach((job, used) -> {
            if (used.contains(providerName)) {
                jobs.add(job);
            }
        });
        running.values().forEach(build -> {
            if (build.providers().contains(providerName)) {
                jobs.add(build.job());
            }
        });
        return new ArrayList<>(jobs);
    }

    /** Returns what finished builds used, by job, for saving. Running builds are not saved: they finish again. */
    public Map<String, List<String>> snapshot() {
        Map<String, List<String>> copy = new TreeMap<>();
        finished.forEach((job, used) -> copy.put(job, List.copyOf(new TreeSet<>(used))));
        return copy;
    }

    /** Restores what {@link #snapshot} saved. */
    public void restore(Map<String, List<String>> saved) {
        saved.forEach((job, used) -> {
            if (job != null && used != null && !used.isEmpty()) {
                finished.put(job, Set.copyOf(used));
            }
        });
    }
}
