package io.jenkins.plugins.gitproviders.config;

import hudson.Extension;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A provider of type {@link ProviderType#GITEA}. */
public final class GiteaProvider extends GitProvider {
    @DataBoundConstructor
    public GiteaProvider(String name) {
        super(name);
    }

    /** Describes the type; its symbol is the type's core identifier. */
    @Extension
    @Symbol("gitea")
    public static final class DescriptorImpl extends GitProviderDescriptor {
        public DescriptorImpl() {
            super(ProviderType.GITEA);
        }
    }
}
