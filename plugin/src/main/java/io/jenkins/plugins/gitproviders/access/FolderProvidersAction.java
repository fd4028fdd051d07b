package io.jenkins.plugins.gitproviders.access;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractItem;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.access.FolderRule;
import io.jenkins.plugins.gitproviders.core.model.ItemPattern;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The folder page <em>Git providers</em>, beside a folder's <em>Credentials</em>: limits the Git providers that the jobs
 * inside the folder may use. Only those who may configure the folder see or change it.
 */
public final class FolderProvidersAction implements Action, StaplerProxy {
    private final AbstractItem folder;

    FolderProvidersAction(@NonNull AbstractItem folder) {
        this.folder = folder;
    }

    /** Returns the folder. */
    @NonNull
    public AbstractItem getFolder() {
        return folder;
    }

    @CheckForNull
    @Override
    public String getIconFileName() {
        return folder.hasPermission(Item.CONFIGURE) ? "symbol-lock-closed" : null;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.FolderProvidersAction_DisplayName();
    }

    @NonNull
    @Override
    public String getUrlName() {
        return "git-providers";
    }

    /** Shows the page only to those who may configure the folder. */
    @Override
    public Object getTarget() {
        folder.checkPermission(Item.CONFIGURE);
        return this;
    }

    /** Returns whether the folder limits its jobs' providers. */
    public boolean isLimited() {
        return FolderProviderRules.get().ruleOf(folder.getFullName()).isPresent();
    }

    /** Returns the allowed providers, one per line. */
    @NonNull
    public String getProviderNames() {
        return FolderProviderRules.get()
                .ruleOf(folder.getFullName())
                .map(rule -> String.join("\n", rule.providerNames()))
                .orElse("");
    }

    /** Saves the folder's limit from the page's form. */
    @RequirePOST
    public HttpResponse doConfigSubmit(
            @QueryParameter boolean limit, @CheckForNull @QueryParameter String providerNames) throws IOException {
        folder.checkPermission(Item.CONFIGURE);
        FolderProviderRules.get().set(folder.getFullName(), limit ? String.valueOf(providerNames) : null);
        return HttpResponses.redirectTo("..");
    }

    /** Warns about names no provider has, and about an empty list, which allows no provider. */
    @RequirePOST
    public FormValidation doCheckProviderNames(@QueryParameter String value) {
        folder.checkPermission(Item.CONFIGURE);
        List<String> names = ItemPattern.lines(value);
        if (names.isEmpty()) {
            return FormValidation.warning(Messages.FolderProvidersAction_NoneAllowed());
        }
        Set<String> unknown = names.stream()
                .filter(name ->
                        GitProvidersConfiguration.get().findProvider(name).isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return unknown.isEmpty()
                ? FormValidation.ok()
                : FormValidation.warning(Messages.FolderProvidersAction_Unknown(
                        unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))));
    }

    /** Adds the page to every folder (any item that holds items: folders, organization and multibranch folders). */
    @Extension
    public static final class Factory extends TransientActionFactory<AbstractItem> {
        @Override
        public Class<AbstractItem> type() {
            return AbstractItem.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull AbstractItem item) {
            return item instanceof ItemGroup<?> ? List.of(new FolderProvidersAction(item)) : List.of();
        }
    }

    /** Returns the rule as the core reads it, for tests. */
    @NonNull
    FolderRule rule() {
        return FolderProviderRules.get()
                .ruleOf(folder.getFullName())
                .orElse(new FolderRule(folder.getFullName(), List.of()));
    }
}
