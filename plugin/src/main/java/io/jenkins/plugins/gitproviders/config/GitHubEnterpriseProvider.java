package io.jenkins.plugins.gitproviders.config;

import hudson.Extension;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A provider of type {@link ProviderType#GITHUB_ENTERPRISE}. */
public final class GitHubEnterpriseProvider extends GitProvider {
    @DataBoundConstructor
    public GitHubEnterpriseProvider(String name) {
        super(name);
    }

    /** Describes the type; its symbol is the type's core identifier. */
    @Extension
    @Symbol("gitHubEnterprise")
    public static final class DescriptorImpl extends GitProviderDescriptor {
        public DescriptorImpl() {
            super(ProviderType.GITHUB_ENTERPRISE);
        }
    }
}
