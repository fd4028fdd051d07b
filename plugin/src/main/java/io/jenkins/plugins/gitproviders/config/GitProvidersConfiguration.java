package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.Permission;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Holds the named Git providers of this Jenkins and which one is the default. Every rule (unique names, fixed
 * types, one default, no silent deletion of a provider in use) is the core registry's; this class only binds the
 * form or the configuration-as-code YAML and persists the result. JCasC key: {@code unclassified.gitProviders}.
 */
@Extension
@Symbol("gitProviders")
public class GitProvidersConfiguration extends GlobalConfiguration {
    private List<GitProvider> providers = new ArrayList<>();

    @CheckForNull
    private String defaultProvider;

    /** Set while a form is bound: the whole change is checked once binding is complete. */
    private transient boolean binding;

    public GitProvidersConfiguration() {
        load();
    }

    /** Returns the singleton. */
    @NonNull
    public static GitProvidersConfiguration get() {
        return ExtensionList.lookupSingleton(GitProvidersConfiguration.class);
    }

    @NonNull
    public synchronized List<GitProvider> getProviders() {
        return Collections.unmodifiableList(new ArrayList<>(providers));
    }

    /**
     * Replaces the providers after the core registry accepted the change; refused changes (invalid values, duplicate
     * names, a changed type, removing a provider that jobs use) throw with a message naming the provider and field.
     */
    @DataBoundSetter
    public synchronized void setProviders(@CheckForNull List<GitProvider> providers) {
        List<GitProvider> next = providers == null ? new ArrayList<>() : new ArrayList<>(providers);
        if (binding) {
            this.providers = next;
            return;
        }
        RegistryAdapter.Outcome outcome = RegistryAdapter.check(specs(this.providers), defaultProvider, specs(next), defaultProvider);
        if (!outcome.accepted()) {
            throw new IllegalArgumentException(outcome.message());
        }
        this.providers = next;
        save();
    }

    /** Returns the name of the default provider, as configured. */
    @CheckForNull
    public synchronized String getDefaultProvider() {
        return defaultProvider;
    }

    /**
     * Names the default provider. Checked together with the providers when the form is saved; a name that matches no
     * active provider is reported on the Git Providers page rather than refused here, because configuration as code
     * may set this before the list.
     */
    @DataBoundSetter
    public synchronized void setDefaultProvider(@CheckForNull String defaultProvider) {
        this.defaultProvider = Util.fixEmptyAndTrim(defaultProvider);
        save();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        synchronized (this) {
            List<GitProvider> previous = new ArrayList<>(providers);
            String previousDefault = defaultProvider;
            try (BulkChange bc = new BulkChange(this)) {
                // Data binding does not clear what the form leaves out: reset, then bind.
                providers = new ArrayList<>();
                defaultProvider = null;
                binding = true;
                try {
                    req.bindJSON(this, json);
                } finally {
                    binding = false;
                }
                RegistryAdapter.Outcome outcome =
                        RegistryAdapter.check(specs(previous), previousDefault, specs(providers), defaultProvider);
                if (!outcome.accepted()) {
                    providers = previous;
                    defaultProvider = previousDefault;
                    throw new FormException(outcome.message(), outcome.field());
                }
                defaultProvider = outcome.defaultName();
                bc.commit();
            } catch (IOException e) {
                providers = previous;
                defaultProvider = previousDefault;
                throw new FormException(e, "providers");
            } catch (IllegalArgumentException e) {
                providers = previous;
                defaultProvider = previousDefault;
                throw new FormException(e.getMessage(), "providers");
            }
        }
        return true;
    }

    @NonNull
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.MANAGE;
    }

    /** Returns the core registry of the configured providers, with the default resolved by the core's rules. */
    @NonNull
    public synchronized ProviderRegistry registry() {
        return RegistryAdapter.registry(specs(providers), defaultProvider);
    }

    /** Finds a provider by name, ignoring case and surrounding spaces. */
    @NonNull
    public synchronized Optional<GitProvider> findProvider(@CheckForNull String name) {
        String key = ProviderSpec.nameKey(name);
        return providers.stream().filter(provider -> ProviderSpec.nameKey(provider.getName()).equals(key)).findFirst();
    }

    private static List<ProviderSpec> specs(List<GitProvider> providers) {
        return providers.stream().map(GitProvider::toSpec).toList();
    }
}
