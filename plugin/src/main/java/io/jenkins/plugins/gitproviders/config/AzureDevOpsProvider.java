package io.jenkins.plugins.gitproviders.config;

import hudson.Extension;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A provider of type {@link ProviderType#AZURE_DEVOPS}. */
public final class AzureDevOpsProvider extends GitProvider {
    @DataBoundConstructor
    public AzureDevOpsProvider(String name) {
        super(name);
    }

    /** Describes the type; its symbol is the type's core identifier. */
    @Extension
    @Symbol("azureDevOps")
    public static final class DescriptorImpl extends GitProviderDescriptor {
        public DescriptorImpl() {
            super(ProviderType.AZURE_DEVOPS);
        }
    }
}
