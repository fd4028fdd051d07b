package io.jenkins.plugins.gitproviders.config;

import hudson.Extension;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A provider of type {@link ProviderType#GITLAB_SELF_MANAGED}. */
public final class GitLabSelfManagedProvider extends GitProvider {
    @DataBoundConstructor
    public GitLabSelfManagedProvider(String name) {
        super(name);
    }

    /** Describes the type; its symbol is the type's core identifier. */
    @Extension
    @Symbol("gitLabSelfManaged")
    public static final class DescriptorImpl extends GitProviderDescriptor {
        public DescriptorImpl() {
            super(ProviderType.GITLAB_SELF_MANAGED);
        }
    }
}
