package io.jenkins.plugins.gitproviders.access;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor.FormException;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.access.FolderRule;
import io.jenkins.plugins.gitproviders.core.model.ItemPattern;
import java.util.List;
import java.util.stream.Collectors;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Lists the Git providers that the jobs inside a folder may use, as folders list credentials: a job may use a provider
 * only if every enclosing folder with this property lists it (and the provider's own allowed items include the job).
 * The decision is the core's {@link FolderRule}; this property only holds the names.
 */
public final class GitProvidersFolderProperty extends AbstractFolderProperty<AbstractFolder<?>> {
    /** The form's optional block: present when the property is ticked. */
    static final String BLOCK = "limitGitProviders";

    private final String providerNames;

    @DataBoundConstructor
    public GitProvidersFolderProperty(@CheckForNull String providerNames) {
        this.providerNames = String.join("\n", ItemPattern.lines(providerNames));
    }

    /** Returns the names of the allowed providers, one per line. */
    @NonNull
    public String getProviderNames() {
        return providerNames;
    }

    /** Returns the rule of the folder holding this property, for the core. */
    @NonNull
    FolderRule rule(@NonNull AbstractFolder<?> folder) {
        return new FolderRule(folder.getFullName(), ItemPattern.lines(providerNames));
    }

    /** Offers the property on folders; checks the names against the configured providers. */
    @Extension
    @Symbol("gitProviders")
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitProvidersFolderProperty_DisplayName();
        }

        /** Warns about names no provider has; only those who may configure the folder see the answer. */
        @POST
        public FormValidation doCheckProviderNames(@AncestorInPath Item folder, @QueryParameter String value) {
            if (folder == null || !folder.hasPermission(Item.CONFIGURE)) {
                return FormValidation.ok();
            }
            List<String> unknown = ItemPattern.lines(value).stream()
                    .filter(name ->
                            GitProvidersConfiguration.get().findProvider(name).isEmpty())
                    .toList();
            if (ItemPattern.lines(value).isEmpty()) {
                return FormValidation.warning(Messages.GitProvidersFolderProperty_NoneAllowed());
            }
            return unknown.isEmpty()
                    ? FormValidation.ok()
                    : FormValidation.warning(Messages.GitProvidersFolderProperty_Unknown(
                            unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))));
        }

        /**
         * Creates the property only when its block is ticked: folders show every property, and an unticked one must
         * not become an empty list, which would allow no provider at all.
         */
        @CheckForNull
        @Override
        public AbstractFolderProperty<?> newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            JSONObject block = formData == null || formData.isNullObject() ? null : formData.optJSONObject(BLOCK);
            if (block == null || block.isNullObject()) {
                return null;
            }
            return new GitProvidersFolderProperty(Util.fixNull(block.optString("providerNames")));
        }
    }
}
