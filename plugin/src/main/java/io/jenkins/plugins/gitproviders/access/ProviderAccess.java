package io.jenkins.plugins.gitproviders.access;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.ItemGroup;
import io.jenkins.plugins.gitproviders.core.access.FolderRule;
import io.jenkins.plugins.gitproviders.core.access.ItemAccess;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Asks the core whether a job may use a provider, with the rules of the folders the job is in (their Git providers pages).
 * Used by the checkout step, {@code gitProvider}, the webhook trigger and their drop-downs.
 */
public final class ProviderAccess {
    private ProviderAccess() {}

    /** Decides whether the item may use the provider. */
    @NonNull
    public static ItemAccess.Decision decide(@NonNull Item item, @NonNull ProviderSpec provider) {
        return ItemAccess.decide(provider, item.getFullName(), folderRules(item));
    }

    /** Refuses, with the core's message naming the provider and the restriction, a provider the item may not use. */
    public static void check(@NonNull Item item, @NonNull ProviderSpec provider) throws AbortException {
        ItemAccess.Decision decision = decide(item, provider);
        if (!decision.allowed()) {
            throw new AbortException(decision.reason().orElseThrow());
        }
    }

    /** Returns the providers, in the order given, the item may use. */
    @NonNull
    public static List<ProviderSpec> usable(@NonNull Item item, @NonNull List<ProviderSpec> providers) {
        return ItemAccess.usable(providers, item.getFullName(), folderRules(item));
    }

    /** Returns the providers the item may not use, by name, with the restriction of each, for the webhook index. */
    @NonNull
    public static Map<String, String> denied(@NonNull Item item, @NonNull List<ProviderSpec> providers) {
        return ItemAccess.denied(providers, item.getFullName(), folderRules(item));
    }

    /** Collects the rules of the folders containing the item, outermost first. */
    static List<FolderRule> folderRules(Item item) {
        List<FolderRule> rules = new ArrayList<>();
        FolderProviderRules all = FolderProviderRules.get();
        ItemGroup<?> parent = item.getParent();
        while (parent instanceof Item folder) {
            all.ruleOf(folder.getFullName()).ifPresent(rules::add);
            parent = folder.getParent();
        }
        Collections.reverse(rules);
        return rules;
    }
}
