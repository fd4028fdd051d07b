package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.XmlFile;
import hudson.model.listeners.SaveableListener;
import hudson.security.Permission;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import io.jenkins.plugins.gitproviders.core.registry.RegistryChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Holds the named Git providers of this Jenkins and which one is the default. Every rule (unique names, fixed
 * types, one default, no silent deletion of a provider in use) is the core registry's; this class only binds the
 * form or the configuration-as-code YAML and persists the result. JCasC key: {@code unclassified.gitProviders}.
 */
@Extension
@Symbol("gitProviders")
public class GitProvidersConfiguration extends GlobalConfiguration {
    // Replaced, never changed in place, and written under this object's lock; read without it, so that the queue,
    // webhook and Pipeline threads that resolve providers never wait for a save.
    private volatile List<GitProvider> providers = new ArrayList<>();

    @CheckForNull
    private volatile String defaultProvider;

    /** The core registry of what the file holds (last read or written), as everything outside the forms sees it. */
    private transient volatile RegistryChange saved;

    /** Set while a form is bound: the whole change is checked once binding is complete. */
    private transient boolean binding;

    /** The providers as the file holds them (last read or written), put back when a save fails. */
    private transient List<GitProvider> savedProviders = List.of();

    /** The default provider as the file holds it. */
    @CheckForNull
    private transient String savedDefault;

    public GitProvidersConfiguration() {
        load();
    }

    /**
     * Reads the saved configuration as it is: what the file leaves out is absent, not kept from memory (a file edited
     * on disk and reloaded may have no default provider; the registry then reports that).
     */
    @Override
    public synchronized void load() {
        providers = new ArrayList<>();
        defaultProvider = null;
        super.load();
        rememberSaved();
    }

    /** Returns the singleton. */
    @NonNull
    public static GitProvidersConfiguration get() {
        return ExtensionList.lookupSingleton(GitProvidersConfiguration.class);
    }

    @NonNull
    @SuppressFBWarnings(
            value = "UG_SYNC_SET_UNSYNC_GET",
            justification =
                    "volatile fields replaced, never changed in place; setters lock only to check and save together")
    public List<GitProvider> getProviders() {
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
        RegistryAdapter.Outcome outcome = RegistryAdapter.check(
                specs(this.providers),
                defaultProvider,
                specs(next),
                ProviderRegistry.defaultNamedBeforeTheList(specs(this.providers), defaultProvider, specs(next)));
        if (!outcome.accepted()) {
            throw new IllegalArgumentException(outcome.message());
        }
        RegistryAdapter.requireAdministerForNewPairings(specs(this.providers), specs(next))
                .ifPresent(refusal -> {
                    throw new IllegalArgumentException(refusal);
                });
        this.providers = next;
        this.defaultProvider = outcome.defaultName();
        save();
    }

    /** Returns the name of the default provider, as configured. */
    @CheckForNull
    @SuppressFBWarnings(
            value = "UG_SYNC_SET_UNSYNC_GET",
            justification =
                    "volatile fields replaced, never changed in place; setters lock only to check and save together")
    public String getDefaultProvider() {
        return defaultProvider;
    }

    /**
     * Names the default provider. A form checks it together with the providers when it is saved. Otherwise, once
     * providers exist, the core registry must accept it (an existing, active provider; none keeps the current
     * default), or this throws with the registry's message, which configuration as code reports. While no provider
     * exists the name is kept, because configuration as code may set it before the list, which then checks it.
     */
    @DataBoundSetter
    public synchronized void setDefaultProvider(@CheckForNull String defaultProvider) {
        String name = Util.fixEmptyAndTrim(defaultProvider);
        if (binding || providers.isEmpty()) {
            this.defaultProvider = name;
            save();
            return;
        }
        List<ProviderSpec> current = specs(providers);
        RegistryAdapter.Outcome outcome = RegistryAdapter.check(current, this.defaultProvider, current, name);
        if (!outcome.accepted()) {
            throw new IllegalArgumentException(outcome.message());
        }
        this.defaultProvider = outcome.defaultName();
        save();
    }

    /**
     * Writes the configuration, like {@link GlobalConfiguration#save()}, but reports a failure instead of only logging
     * it, and then puts back what the file holds, so that Jenkins never runs with a configuration it could not keep:
     * a setter called by a script or by configuration as code throws, and the form shows the message. Does nothing
     * inside a {@link BulkChange}, whose commit saves.
     *
     * @throws UncheckedIOException when the file cannot be written, with a message naming it and the reason
     */
    @Override
    public synchronized void save() {
        if (BulkChange.contains(this)) {
            return;
        }
        XmlFile file = getConfigFile();
        try {
            file.write(this);
        } catch (IOException e) {
            providers = new ArrayList<>(savedProviders);
            defaultProvider = savedDefault;
            throw new UncheckedIOException(
                    Messages.GitProvidersConfiguration_SaveFailed(file.getFile(), String.valueOf(e.getMessage())), e);
        }
        rememberSaved();
        SaveableListener.fireOnChange(this, file);
    }

    private void rememberSaved() {
        savedProviders = List.copyOf(providers);
        savedDefault = defaultProvider;
        saved = RegistryAdapter.load(specs(savedProviders), savedDefault);
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
                Optional<String> refusal =
                        RegistryAdapter.requireAdministerForNewPairings(specs(previous), specs(providers));
                if (refusal.isPresent()) {
                    providers = previous;
                    defaultProvider = previousDefault;
                    throw new FormException(refusal.get(), "credentialsId");
                }
                defaultProvider = outcome.defaultName();
                bc.commit();
            } catch (IOException e) {
                providers = previous;
                defaultProvider = previousDefault;
                throw new FormException(e, "providers");
            } catch (UncheckedIOException e) {
                // The save of the commit failed: nothing was written, and memory goes back to what the file holds.
                providers = previous;
                defaultProvider = previousDefault;
                throw new FormException(e.getMessage(), e, "providers");
            } catch (IllegalArgumentException e) {
                providers = previous;
                defaultProvider = previousDefault;
                throw new FormException(e.getMessage(), "providers");
            }
        }
        return true;
    }

    /** Warns when the default names no saved active provider (a provider added in the same form is not saved yet). */
    @POST
    public FormValidation doCheckDefaultProvider(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        String name = Util.fixEmptyAndTrim(value);
        if (name == null || findProvider(name).filter(GitProvider::isActive).isPresent()) {
            return FormValidation.ok();
        }
        return FormValidation.warning(Messages.GitProvidersConfiguration_UnknownDefault(name));
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.GitProvidersConfiguration_DisplayName();
    }

    @NonNull
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.MANAGE;
    }

    /**
     * Returns the core registry of the saved providers; resolution of names and the default happens there. Built once
     * per save, not per call: steps, triggers and every webhook delivery ask for it.
     */
    @NonNull
    public ProviderRegistry registry() {
        return saved.registry();
    }

    /** Returns what the registry notices about the saved configuration, such as a missing default. */
    @NonNull
    public List<String> notices() {
        return saved.notices();
    }

    /** Finds a provider by name, ignoring case and surrounding spaces. */
    @NonNull
    public Optional<GitProvider> findProvider(@CheckForNull String name) {
        String key = ProviderSpec.nameKey(name);
        return providers.stream()
                .filter(provider -> ProviderSpec.nameKey(provider.getName()).equals(key))
                .findFirst();
    }

    private static List<ProviderSpec> specs(List<GitProvider> providers) {
        return providers.stream().map(GitProvider::toSpec).toList();
    }
}
