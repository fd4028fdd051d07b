package io.jenkins.plugins.gitproviders.config;

import hudson.Extension;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A provider of type {@link ProviderType#BITBUCKET_DATA_CENTER}. */
public final class BitbucketDataCenterProvider extends GitProvider {
    @DataBoundConstructor
    public BitbucketDataCenterProvider(String name) {
        super(name);
    }

    /** Describes the type; its symbol is the type's core identifier. */
    @Extension
    @Symbol("bitbucketDataCenter")
    public static final class DescriptorImpl extends GitProviderDescriptor {
        public DescriptorImpl() {
            super(ProviderType.BITBUCKET_DATA_CENTER);
        }
    }
}
