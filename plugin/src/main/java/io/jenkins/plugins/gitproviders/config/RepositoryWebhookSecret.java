package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.RepositorySecret;
import java.util.EnumSet;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A webhook secret of one repository, or of every repository below an owner or group, of a provider. The rules
 * (patterns, which secret applies) are the core's {@link RepositorySecret}; this class binds the form and YAML.
 */
public final class RepositoryWebhookSecret extends AbstractDescribableImpl<RepositoryWebhookSecret> {
    private final String repository;
    private final String credentialsId;

    @DataBoundConstructor
    public RepositoryWebhookSecret(@CheckForNull String repository, @CheckForNull String credentialsId) {
        this.repository = Util.fixNull(repository).trim();
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @NonNull
    public String getRepository() {
        return repository;
    }

    @NonNull
    public String getCredentialsId() {
        return credentialsId;
    }

    /** Converts this entry into the core's value. */
    @NonNull
    RepositorySecret toCore() {
        return new RepositorySecret(repository, credentialsId);
    }

    /** Checks patterns and lists secret text credentials; choosing a secret needs Overall/Administer. */
    @Extension
    @Symbol("repositorySecret")
    public static final class DescriptorImpl extends Descriptor<RepositoryWebhookSecret> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RepositoryWebhookSecret_DisplayName();
        }

        @POST
        public FormValidation doCheckRepository(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.MANAGE);
            return new RepositorySecret(value, "-")
                    .patternProblem()
                    .map(FormValidation::error)
                    .orElse(FormValidation.ok());
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return new ListBoxModel().add(Util.fixNull(credentialsId));
            }
            return ProviderCredentials.listSystem(EnumSet.of(CredentialKind.SECRET_TEXT), List.of(), credentialsId);
        }
    }
}
