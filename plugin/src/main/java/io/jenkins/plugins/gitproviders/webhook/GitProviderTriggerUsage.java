package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.gitproviders.config.GitProviderUsage;
import java.util.List;

/** Reports the jobs whose webhook trigger names a provider, so that provider is not deleted under them. */
@Extension
public class GitProviderTriggerUsage implements GitProviderUsage {
    @NonNull
    @Override
    public List<String> jobsUsing(@NonNull String providerName) {
        return WebhookJobs.get().jobsNaming(providerName);
    }
}
