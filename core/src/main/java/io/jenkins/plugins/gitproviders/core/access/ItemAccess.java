package io.jenkins.plugins.gitproviders.core.access;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ItemPattern;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderValidator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether a job (or any item) may use a provider, as Jenkins users know it from credentials: the provider's
 * allowed items (item full-name patterns; none means every item) and the rules of the folders the item is in (each
 * ancestor with a rule must list the provider). Both must allow the item. Pure: the plugin supplies the item's full
 * name and its ancestors' rules, and refuses with {@link Decision#refusal()}.
 */
public final class ItemAccess {
    private ItemAccess() {}

    /**
     * Tells whether the provider may be used, and if not, why.
     *
     * @param allowed     whether the item may use the provider
     * @param refusal     the reason, naming the provider and the restriction that refused, or {@code null} if allowed
     * @param restriction the restriction that refused, in a few words ("the provider's allowed jobs and folders",
     *                    "the Git providers of folder 'team-a'"), or {@code null} if allowed
     */
    public record Decision(boolean allowed, @CheckForNull String refusal, @CheckForNull String restriction) {
        static final Decision ALLOWED = new Decision(true, null, null);

        /** Returns the reason of a refusal; empty when the item may use the provider. */
        public Optional<String> reason() {
            return Optional.ofNullable(refusal);
        }
    }

    /**
     * Decides whether an item may use a provider.
     *
     * @param provider     the provider asked for
     * @param itemFullName the item's full name ({@code team-a/services/deploy})
     * @param folderRules  the rules of the folders containing the item, outermost first; folders without a rule are
     *                     left out
     */
    public static Decision decide(ProviderSpec provider, String itemFullName, List<FolderRule> folderRules) {
        List<String> allowed = provider.allowedItems();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(pattern -> matches(pattern, itemFullName))) {
            return new Decision(false, "Provider '" + q(provider.name()) + "' may not be used by '"
                    + q(itemFullName) + "': it is restricted to the jobs and folders "
                    + allowed.stream().map(pattern -> "'" + q(pattern) + "'").collect(Collectors.joining(", "))
                    + ". An administrator can add the job to the provider's allowed jobs and folders in Manage"
                    + " Jenkins > System > Git Providers, or the job can use another provider.",
                    "the provider's allowed jobs and folders");
        }
        for (FolderRule rule : folderRules) {
            if (!rule.allows(provider)) {
                String list = rule.providerNames().isEmpty() ? "no Git provider"
                        : "only the Git providers " + rule.providerNames().stream()
                                .map(name -> "'" + q(name) + "'").collect(Collectors.joining(", "));
                return new Decision(false, "Provider '" + q(provider.name()) + "' may not be used by '"
                        + q(itemFullName) + "': the folder '" + q(rule.folderFullName()) + "' allows " + list
                        + " for the items inside it. Someone who may configure that folder can add the provider"
                        + " to its Git providers page, or the job can use an allowed provider.",
                        "the Git providers of folder '" + q(rule.folderFullName()) + "'");
            }
        }
        return Decision.ALLOWED;
    }

    /** Returns the providers, in the order given, that the item may use: what a drop-down offers it. */
    public static List<ProviderSpec> usable(List<ProviderSpec> providers, String itemFullName,
            List<FolderRule> folderRules) {
        return providers.stream().filter(provider -> decide(provider, itemFullName, folderRules).allowed()).toList();
    }

    /**
     * Returns the providers the item may not use, by name, each with the restriction that refuses it: deliveries from
     * these never trigger it, even when its trigger accepts any provider.
     */
    public static Map<String, String> denied(List<ProviderSpec> providers, String itemFullName,
            List<FolderRule> folderRules) {
        Map<String, String> denied = new LinkedHashMap<>();
        for (ProviderSpec provider : providers) {
            Decision decision = decide(provider, itemFullName, folderRules);
            if (!decision.allowed()) {
                denied.put(provider.name(), decision.restriction());
            }
        }
        return Collections.unmodifiableMap(denied);
    }

    /** A pattern that is not valid (hand-edited configuration) matches nothing, so it can only take access away. */
    private static boolean matches(String pattern, String itemFullName) {
        try {
            return ItemPattern.parse(pattern).matches(itemFullName);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String q(String value) {
        return ProviderValidator.quote(value);
    }
}
