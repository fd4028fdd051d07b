package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitproviders.config.GitProviderUsage;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Reports the jobs whose last completed build used a provider through {@code gitProviderCheckout} or
 * {@code gitProvider}, so that deleting that provider is refused.
 *
 * <p>Limits, chosen to keep the cost at one build record per job and only when a provider is deleted: a job counts
 * when its <em>last completed</em> build used the provider (builds are loaded lazily, so this loads at most that one
 * build of each job); a job whose Jenkinsfile started using a provider since, or whose last build failed before
 * resolving it, is not seen until it has completed such a build.
 */
@Extension
public final class CheckoutStepUsage implements GitProviderUsage {
    @NonNull
    @Override
    public List<String> jobsUsing(@NonNull String providerName) {
        List<String> jobs = new ArrayList<>();
        // Every job counts, also those the administrator deleting the provider cannot see.
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                Run<?, ?> last = job.getLastCompletedBuild();
                GitProvidersUsedAction used = last == null ? null : last.getAction(GitProvidersUsedAction.class);
                if (used != null && used.uses(providerName)) {
                    jobs.add(job.getFullName());
                }
            }
        }
        return jobs;
    }
}
