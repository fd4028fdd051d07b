package io.jenkins.plugins.gitproviders.core.registry;

import static io.jenkins.plugins.gitproviders.core.model.ProviderValidator.quote;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.CredentialKindLookup;
import io.jenkins.plugins.gitproviders.core.model.Problem;
import io.jenkins.plugins.gitproviders.core.model.ProviderField;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderValidator;
import io.jenkins.plugins.gitproviders.core.model.Validation;
import io.jenkins.plugins.gitproviders.core.registry.ProviderResolutionException.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Holds the configured providers in order and which one is the default, and enforces the rules between them. It is
 * an immutable value: every operation returns a new registry (with notices for the administrator) or throws
 * {@link RegistryException} and changes nothing. The plugin rebuilds it from its saved list with {@link #load}.
 *
 * <p>Rules kept by the operations: names are unique ignoring case and surrounding spaces; a provider's type never
 * changes; whenever a provider is active, exactly one active provider is the default (the first active one added
 * becomes it); taking the default out of use requires naming a new one, unless no active provider remains; a
 * provider that jobs use cannot be deleted.
 */
public final class ProviderRegistry {
    /** The most names a message lists before it says "and N more". */
    static final int MAX_LISTED = 10;

    private static final String CONFIGURATION = "the Git Providers configuration (Manage Jenkins > Git Providers)";
    private static final ProviderRegistry EMPTY = new ProviderRegistry(List.of(), null);

    private final List<ProviderSpec> providers;
    @CheckForNull
    private final String defaultName;

    private ProviderRegistry(List<ProviderSpec> providers, @CheckForNull String defaultName) {
        this.providers = List.copyOf(providers);
        this.defaultName = defaultName;
    }

    /** Returns a registry without providers. */
    public static ProviderRegistry empty() {
        return EMPTY;
    }

    /**
     * Rebuilds a registry from a saved list and default name exactly as saved, repairing nothing, and reports every
     * inconsistency as a notice: duplicate or empty names, a default that is missing or inactive, active providers
     * without a default. A saved default naming no provider leaves the registry without a default.
     *
     * @param saved       the providers in saved order
     * @param defaultName the saved name of the default provider, or {@code null}
     */
    public static RegistryChange load(List<ProviderSpec> saved, @CheckForNull String defaultName) {
        List<String> notices = new ArrayList<>();
        Map<String, ProviderSpec> byKey = new HashMap<>();
        int position = 1;
        for (ProviderSpec spec : saved) {
            if (spec.name().isEmpty()) {
                notices.add("Provider number " + position + " (" + spec.type().displayName() + ") has no name, so"
                        + " no job can use it; give it a name or delete it.");
            } else {
                ProviderSpec first = byKey.putIfAbsent(spec.nameKey(), spec);
                if (first != null) {
                    notices.add("Providers '" + quote(first.name()) + "' and '" + quote(spec.name()) + "' have the"
                            + " same name (names ignore case and surrounding spaces); jobs get '" + quote(first.name())
                            + "', listed first. Rename one of them.");
                }
            }
            position++;
        }
        ProviderRegistry registry = new ProviderRegistry(saved, null);
        long active = saved.stream().filter(ProviderSpec::active).count();
        String wanted = ProviderSpec.nameKey(defaultName);
        if (wanted.isEmpty()) {
            if (active > 0) {
                notices.add("No default provider is saved although " + active + " provider(s) are active; jobs that"
                        + " do not name a provider fail until you choose a default.");
            }
            return new RegistryChange(registry, notices);
        }
        Optional<ProviderSpec> found = registry.findByName(wanted);
        if (found.isEmpty()) {
            notices.add("The saved default provider '" + quote(Objects.requireNonNull(defaultName).trim())
                    + "' does not exist, so there is no default provider; jobs that do not name a provider fail"
                    + " until you choose one.");
            return new RegistryChange(registry, notices);
        }
        if (!found.get().active()) {
            notices.add("The default provider '" + quote(found.get().name()) + "' is inactive; jobs that do not name"
                    + " a provider fail until you activate it or choose an active provider as the default.");
        }
        return new RegistryChange(new ProviderRegistry(saved, found.get().name()), notices);
    }

    /**
     * Returns the default to ask {@link #replaceAll} for when only the list of providers changes. Configuration as
     * code may set the default before the list: a saved default that names no current provider but one of the new
     * list is asked for. The current default is not: {@code replaceAll} keeps it while it stays active and otherwise
     * takes the first active provider, after which configuration as code sets the default it names.
     *
     * @param current      the saved providers
     * @param savedDefault the saved default name, or {@code null}
     * @param next         the new list
     */
    @CheckForNull
    public static String defaultNamedBeforeTheList(
            List<ProviderSpec> current, @CheckForNull String savedDefault, List<ProviderSpec> next) {
        String key = ProviderSpec.nameKey(savedDefault);
        boolean namesCurrent = current.stream().anyMatch(spec -> spec.nameKey().equals(key));
        boolean namesNext = next.stream().anyMatch(spec -> spec.nameKey().equals(key));
        return !key.isEmpty() && namesNext && !namesCurrent ? savedDefault : null;
    }

    /** Returns every provider, active or not, in configured order. */
    public List<ProviderSpec> providers() {
        return providers;
    }

    /** Returns the active providers, the default first and then in configured order, as a drop-down lists them. */
    public List<ProviderSpec> activeProviders() {
        List<ProviderSpec> active = new ArrayList<>();
        defaultProvider().filter(ProviderSpec::active).ifPresent(active::add);
        for (ProviderSpec spec : providers) {
            if (spec.active() && !isDefault(spec)) {
                active.add(spec);
            }
        }
        return List.copyOf(active);
    }

    /** Returns the default provider; empty when none is set. Only a loaded registry can have an inactive one. */
    public Optional<ProviderSpec> defaultProvider() {
        return defaultName == null ? Optional.empty() : findByName(defaultName);
    }

    /** Tells whether no provider is configured. */
    public boolean isEmpty() {
        return providers.isEmpty();
    }

    /** Finds a provider by name, ignoring case and surrounding spaces; the first one if saved names clash. */
    public Optional<ProviderSpec> findByName(@CheckForNull String name) {
        String key = ProviderSpec.nameKey(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return providers.stream().filter(spec -> spec.nameKey().equals(key)).findFirst();
    }

    /**
     * Checks a specification as this registry would on {@link #add} or {@link #edit}, for a form that shows every
     * problem before saving.
     *
     * @param spec         the specification to check
     * @param originalName the name of the provider being edited, or {@code null} for a new one
     * @param kinds        tells the kind of a credential from its ID
     */
    public Validation validate(ProviderSpec spec, @CheckForNull String originalName, CredentialKindLookup kinds) {
        ProviderSpec original = originalName == null ? null : findByName(originalName).orElse(null);
        return ProviderValidator.validate(spec, othersThan(original), kinds);
    }

    /** Validates every provider against the others, keyed by provider name in configured order. */
    public Map<String, Validation> validateAll(CredentialKindLookup kinds) {
        Map<String, Validation> result = new LinkedHashMap<>();
        for (ProviderSpec spec : providers) {
            result.putIfAbsent(spec.name(), ProviderValidator.validate(spec, othersThan(spec), kinds));
        }
        return result;
    }

    /** Adds a provider whose credentials' kinds are unknown; see {@link #add(ProviderSpec, CredentialKindLookup)}. */
    public RegistryChange add(ProviderSpec spec) throws RegistryException {
        return add(spec, CredentialKindLookup.UNKNOWN);
    }

    /**
     * Adds a provider at the end after validating it. When the registry has no default and the new provider is
     * active, it becomes the default.
     */
    public RegistryChange add(ProviderSpec spec, CredentialKindLookup kinds) throws RegistryException {
        Validation validation = ProviderValidator.validate(spec, providers, kinds);
        if (!validation.isValid()) {
            throw RegistryException.invalid("Cannot add provider '" + quote(spec.name()) + "'", validation);
        }
        List<String> notices = warnings(validation);
        List<ProviderSpec> changed = new ArrayList<>(providers);
        changed.add(spec);
        String newDefault = defaultName;
        if (newDefault == null && spec.active()) {
            newDefault = spec.name();
            notices.add("'" + quote(spec.name()) + "' is now the default provider.");
        }
        return new RegistryChange(new ProviderRegistry(changed, newDefault), notices);
    }

    /** Replaces a provider whose credentials' kinds are unknown; see {@link #edit(String, ProviderSpec, CredentialKindLookup)}. */
    public RegistryChange edit(String originalName, ProviderSpec spec) throws RegistryException {
        return edit(originalName, spec, CredentialKindLookup.UNKNOWN);
    }

    /**
     * Replaces a provider in place after validating the new specification. The type cannot change; a new name is a
     * rename, and the default follows it. Making the default inactive follows the rules of {@link #deactivate}
     * without a new default: choose the new default first with {@link #setDefault}.
     */
    public RegistryChange edit(String originalName, ProviderSpec spec, CredentialKindLookup kinds)
            throws RegistryException {
        ProviderSpec original = require(originalName);
        if (original.type() != spec.type()) {
            throw new RegistryException(ProviderField.TYPE, "Provider '" + quote(original.name()) + "' is a "
                    + original.type().displayName() + " provider and its type cannot change to "
                    + spec.type().displayName() + ". Create a new " + spec.type().displayName() + " provider"
                    + " instead, move the jobs to it, then delete '" + quote(original.name()) + "'.");
        }
        Validation validation = ProviderValidator.validate(spec, othersThan(original), kinds);
        if (!validation.isValid()) {
            throw RegistryException.invalid("Cannot save provider '" + quote(original.name()) + "'", validation);
        }
        List<String> notices = warnings(validation);
        List<ProviderSpec> changed = replace(original, spec);
        String newDefault = defaultName;
        if (isDefault(original)) {
            newDefault = spec.active()
                    ? spec.name()
                    : successorOfDefault(changed, original, null, "deactivate", notices);
        } else if (newDefault == null && spec.active()) {
            newDefault = spec.name();
            notices.add("'" + quote(spec.name()) + "' is now the default provider.");
        }
        return new RegistryChange(new ProviderRegistry(changed, newDefault), notices);
    }

    /**
     * Replaces the whole list at once, as a configuration form or configuration as code does, under the same rules
     * as the single operations: every provider valid and uniquely named, no type changed for a name that stays, no
     * provider that jobs use removed (a rename counts as a removal, because jobs refer to providers by name), and
     * one active default whenever a provider is active.
     *
     * @param proposed        the new list, in order
     * @param proposedDefault the default asked for, or {@code null} to keep the current one when it stays active,
     *                        else to take the first active provider (with a notice)
     * @param usage           tells which jobs use a provider
     * @param kinds           tells the kinds of the credentials
     * @throws RegistryException naming the provider and field of the first rule broken
     */
    public RegistryChange replaceAll(
            List<ProviderSpec> proposed,
            @CheckForNull String proposedDefault,
            ProviderUsage usage,
            CredentialKindLookup kinds)
            throws RegistryException {
        List<String> notices = new ArrayList<>();
        for (ProviderSpec spec : proposed) {
            List<ProviderSpec> others = proposed.stream().filter(other -> other != spec).toList();
            Validation validation = ProviderValidator.validate(spec, others, kinds);
            String label = spec.name().isEmpty() ? "a new " + spec.type().displayName() + " provider" : "provider '" + quote(spec.name()) + "'";
            if (!validation.isValid()) {
                throw RegistryException.invalid("Cannot save " + label, validation);
            }
            notices.addAll(warnings(validation).stream().map(warning -> "'" + quote(spec.name()) + "': " + warning).toList());
            Optional<ProviderSpec> existing = findByName(spec.name());
            if (existing.isPresent() && existing.get().type() != spec.type()) {
                ProviderSpec original = existing.get();
                throw new RegistryException(ProviderField.TYPE, "Provider '" + quote(original.name()) + "' is a "
                        + original.type().displayName() + " provider and its type cannot change to "
                        + spec.type().displayName() + ". Create a new " + spec.type().displayName() + " provider"
                        + " under another name instead, move the jobs to it, then delete '" + quote(original.name()) + "'.");
            }
        }
        for (ProviderSpec original : providers) {
            boolean kept = proposed.stream().anyMatch(spec -> spec.nameKey().equals(original.nameKey()));
            if (kept) {
                continue;
            }
            List<String> jobs = Objects.requireNonNullElse(usage.jobsUsing(original.name()), List.of());
            if (!jobs.isEmpty()) {
                throw new RegistryException(ProviderField.NAME, "Provider '" + quote(original.name()) + "' cannot be"
                        + " deleted or renamed because " + jobs.size() + (jobs.size() == 1 ? " job uses" : " jobs use")
                        + " it: " + listed(jobs) + ". Reassign " + (jobs.size() == 1 ? "this job" : "these jobs")
                        + " to another provider first.");
            }
        }
        ProviderRegistry next = new ProviderRegistry(proposed, null);
        String wanted = proposedDefault == null || proposedDefault.isBlank() ? null : proposedDefault.trim();
        String chosen;
        if (wanted != null) {
            ProviderSpec named = next.findByName(wanted).orElseThrow(() -> new RegistryException(
                    ProviderField.DEFAULT_PROVIDER, "No provider is named '" + quote(wanted) + "'; the default must be"
                            + " one of the active providers: " + listed(names(next.activeProviders())) + "."));
            if (!named.active()) {
                throw new RegistryException(ProviderField.DEFAULT_PROVIDER, "The default provider '"
                        + quote(named.name()) + "' is inactive; activate it or choose an active provider as the default.");
            }
            chosen = named.name();
        } else {
            Optional<ProviderSpec> current = defaultProvider().flatMap(spec -> next.findByName(spec.name()))
                    .filter(ProviderSpec::active);
            Optional<ProviderSpec> firstActive = proposed.stream().filter(ProviderSpec::active).findFirst();
            if (current.isPresent()) {
                chosen = current.get().name();
            } else if (firstActive.isPresent()) {
                chosen = firstActive.get().name();
                notices.add("'" + quote(chosen) + "' is now the default provider.");
            } else {
                chosen = null;
                if (!proposed.isEmpty()) {
                    notices.add("No provider is active, so there is no default provider.");
                }
            }
        }
        return new RegistryChange(new ProviderRegistry(proposed, chosen), notices);
    }

    /** Renames a provider; the new name must be valid and unique, and the default follows the rename. */
    public RegistryChange rename(String name, String newName) throws RegistryException {
        ProviderSpec original = require(name);
        List<Problem> problems = ProviderValidator.checkName(newName, othersThan(original));
        if (!problems.isEmpty()) {
            throw RegistryException.invalid("Cannot rename '" + quote(original.name()) + "'",
                    new Validation(problems));
        }
        ProviderSpec renamed = original.toBuilder().name(newName).build();
        String newDefault = isDefault(original) ? renamed.name() : defaultName;
        return new RegistryChange(new ProviderRegistry(replace(original, renamed), newDefault), List.of());
    }

    /** Makes an existing, active provider the default. */
    public RegistryChange setDefault(String name) throws RegistryException {
        ProviderSpec chosen = requireActiveDefault(name, providers);
        return new RegistryChange(new ProviderRegistry(providers, chosen.name()), List.of());
    }

    /** Activates a provider; when the registry has no default, it becomes the default. */
    public RegistryChange activate(String name) throws RegistryException {
        ProviderSpec original = require(name);
        if (original.active()) {
            return new RegistryChange(this, List.of());
        }
        ProviderSpec activated = original.toBuilder().active(true).build();
        List<String> notices = new ArrayList<>();
        String newDefault = defaultName;
        if (newDefault == null) {
            newDefault = activated.name();
            notices.add("'" + quote(activated.name()) + "' is now the default provider.");
        }
        return new RegistryChange(new ProviderRegistry(replace(original, activated), newDefault), notices);
    }

    /**
     * Deactivates a provider. Deactivating the default requires naming a new default while other providers are
     * active; when none remains, the registry has no default and the notices say so.
     *
     * @param name       the provider to deactivate
     * @param newDefault the active provider to make the default, or {@code null} to keep the current one
     */
    public RegistryChange deactivate(String name, @CheckForNull String newDefault) throws RegistryException {
        ProviderSpec original = require(name);
        List<ProviderSpec> changed = replace(original, original.toBuilder().active(false).build());
        List<String> notices = new ArrayList<>();
        String chosen = isDefault(original)
                ? successorOfDefault(changed, original, newDefault, "deactivate", notices)
                : explicitDefault(changed, newDefault, notices);
        return new RegistryChange(new ProviderRegistry(changed, chosen), notices);
    }

    /**
     * Deletes a provider no job uses. Deleting the default requires naming a new default while other providers are
     * active; when none remains, the registry has no default and the notices say so.
     *
     * @param name       the provider to delete
     * @param usage      tells which jobs use the provider
     * @param newDefault the active provider to make the default, or {@code null} to keep the current one
     */
    public RegistryChange delete(String name, ProviderUsage usage, @CheckForNull String newDefault)
            throws RegistryException {
        ProviderSpec original = require(name);
        List<String> jobs = Objects.requireNonNullElse(usage.jobsUsing(original.name()), List.of());
        if (!jobs.isEmpty()) {
            throw new RegistryException(ProviderField.NAME, "Provider '" + quote(original.name()) + "' cannot be"
                    + " deleted because " + jobs.size() + (jobs.size() == 1 ? " job uses" : " jobs use") + " it: "
                    + listed(jobs) + ". Reassign " + (jobs.size() == 1 ? "this job" : "these jobs") + " to another"
                    + " provider, then delete '" + quote(original.name()) + "'.");
        }
        List<ProviderSpec> changed = new ArrayList<>(providers);
        changed.remove(original);
        List<String> notices = new ArrayList<>();
        String chosen = isDefault(original)
                ? successorOfDefault(changed, original, newDefault, "delete", notices)
                : explicitDefault(changed, newDefault, notices);
        return new RegistryChange(new ProviderRegistry(changed, chosen), notices);
    }

    /**
     * Returns the active provider a job names, ignoring case and surrounding spaces; a blank name asks for the
     * default provider.
     *
     * @throws ProviderResolutionException with reason {@code NO_PROVIDERS}, {@code UNKNOWN_NAME} (with near
     *     matches) or {@code INACTIVE}; for a blank name, those of {@link #resolveDefault()}
     */
    public ProviderSpec resolve(@CheckForNull String name) throws ProviderResolutionException {
        if (ProviderSpec.nameKey(name).isEmpty()) {
            return resolveDefault();
        }
        String requested = Objects.requireNonNull(name).trim();
        if (providers.isEmpty()) {
            throw new ProviderResolutionException(Reason.NO_PROVIDERS, requested, List.of(), "No Git provider is"
                    + " configured, so '" + quote(requested) + "' cannot be used. An administrator adds providers"
                    + " in " + CONFIGURATION + ".");
        }
        Optional<ProviderSpec> found = findByName(requested);
        if (found.isEmpty()) {
            List<String> near = NearMatches.of(requested, names(providers));
            String hint = near.isEmpty()
                    ? " Configured providers: " + listed(names(activeProviders())) + "."
                    : " Did you mean " + near.stream().map(n -> "'" + quote(n) + "'").collect(Collectors.joining(
                            " or ")) + "?";
            if (near.isEmpty() && activeProviders().isEmpty()) {
                hint = " No provider is active.";
            }
            throw new ProviderResolutionException(Reason.UNKNOWN_NAME, requested, near, "No Git provider is named '"
                    + quote(requested) + "'." + hint + " Names ignore case and surrounding spaces.");
        }
        ProviderSpec spec = found.get();
        if (!spec.active()) {
            List<String> active = names(activeProviders());
            throw new ProviderResolutionException(Reason.INACTIVE, requested, List.of(), "The Git provider '"
                    + quote(spec.name()) + "' is inactive. Ask an administrator to activate it in " + CONFIGURATION
                    + (active.isEmpty() ? "." : ", or use an active provider: " + listed(active) + "."));
        }
        return spec;
    }

    /**
     * Returns the default provider, for a job that names none.
     *
     * @throws ProviderResolutionException with reason {@code NO_PROVIDERS}, {@code NO_DEFAULT}, or {@code INACTIVE}
     *     (only a loaded registry can have an inactive default)
     */
    public ProviderSpec resolveDefault() throws ProviderResolutionException {
        if (providers.isEmpty()) {
            throw new ProviderResolutionException(Reason.NO_PROVIDERS, null, List.of(), "No Git provider is"
                    + " configured. An administrator adds one in " + CONFIGURATION + "; the first one added becomes"
                    + " the default.");
        }
        Optional<ProviderSpec> found = defaultProvider();
        if (found.isEmpty()) {
            List<String> active = names(activeProviders());
            String message = active.isEmpty()
                    ? "No default Git provider: all " + providers.size() + " configured provider(s) are inactive."
                            + " Ask an administrator to activate one in " + CONFIGURATION + "."
                    : "No default Git provider is set. Name a provider in the job (" + listed(active) + "), or ask"
                            + " an administrator to choose a default in " + CONFIGURATION + ".";
            throw new ProviderResolutionException(Reason.NO_DEFAULT, null, List.of(), message);
        }
        if (!found.get().active()) {
            throw new ProviderResolutionException(Reason.INACTIVE, null, List.of(), "The default Git provider '"
                    + quote(found.get().name()) + "' is inactive. Ask an administrator to activate it, or to choose"
                    + " an active default, in " + CONFIGURATION + ".");
        }
        return found.get();
    }

    private boolean isDefault(ProviderSpec spec) {
        return defaultName != null && spec.nameKey().equals(ProviderSpec.nameKey(defaultName));
    }

    private ProviderSpec require(String name) throws RegistryException {
        Optional<ProviderSpec> found = findByName(name);
        if (found.isPresent()) {
            return found.get();
        }
        throw new RegistryException(ProviderField.NAME, unknownName(name, providers));
    }

    private static String unknownName(@CheckForNull String name, List<ProviderSpec> candidates) {
        String requested = name == null ? "" : name.trim();
        List<String> near = NearMatches.of(requested, names(candidates));
        return "No provider is named '" + quote(requested) + "'."
                + (near.isEmpty() ? "" : " Did you mean " + near.stream().map(n -> "'" + quote(n) + "'")
                        .collect(Collectors.joining(" or ")) + "?");
    }

    /** Picks the default after the current default leaves the active set. */
    @CheckForNull
    private String successorOfDefault(List<ProviderSpec> remaining, ProviderSpec leaving,
            @CheckForNull String newDefault, String action, List<String> notices) throws RegistryException {
        if (!ProviderSpec.nameKey(newDefault).isEmpty()) {
            return explicitDefault(remaining, newDefault, notices);
        }
        List<String> active = names(remaining.stream().filter(ProviderSpec::active).toList());
        if (active.isEmpty()) {
            notices.add("'" + quote(leaving.name()) + "' was the default provider and no active provider remains,"
                    + " so there is no default provider now: jobs that do not name a provider fail until you"
                    + " activate one.");
            return null;
        }
        throw new RegistryException(ProviderField.DEFAULT_PROVIDER, "'" + quote(leaving.name()) + "' is the default"
                + " provider; to " + action + " it, choose the new default among the active providers: "
                + listed(active) + ".");
    }

    /** Applies a default named together with another operation, or keeps the current one when none is named. */
    @CheckForNull
    private String explicitDefault(List<ProviderSpec> candidates, @CheckForNull String newDefault, List<String> notices)
            throws RegistryException {
        if (ProviderSpec.nameKey(newDefault).isEmpty()) {
            return defaultName;
        }
        ProviderSpec chosen = requireActiveDefault(Objects.requireNonNull(newDefault), candidates);
        notices.add("'" + quote(chosen.name()) + "' is now the default provider.");
        return chosen.name();
    }

    private static ProviderSpec requireActiveDefault(String name, List<ProviderSpec> candidates)
            throws RegistryException {
        String key = ProviderSpec.nameKey(name);
        Optional<ProviderSpec> found = candidates.stream().filter(spec -> spec.nameKey().equals(key)).findFirst();
        if (found.isEmpty()) {
            throw new RegistryException(ProviderField.DEFAULT_PROVIDER, "Cannot make '" + quote(name.trim())
                    + "' the default: " + unknownName(name, candidates));
        }
        if (!found.get().active()) {
            throw new RegistryException(ProviderField.DEFAULT_PROVIDER, "Cannot make '" + quote(found.get().name())
                    + "' the default because it is inactive; activate it first, or choose an active provider.");
        }
        return found.get();
    }

    private Collection<ProviderSpec> othersThan(@CheckForNull ProviderSpec excluded) {
        return providers.stream().filter(spec -> spec != excluded).toList();
    }

    private List<ProviderSpec> replace(ProviderSpec original, ProviderSpec replacement) {
        List<ProviderSpec> changed = new ArrayList<>(providers);
        changed.set(changed.indexOf(original), replacement);
        return changed;
    }

    private static List<String> warnings(Validation validation) {
        return validation.warnings().stream()
                .map(problem -> ProviderField.label(problem.field()) + ": " + problem.message())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static List<String> names(List<ProviderSpec> specs) {
        return specs.stream().map(ProviderSpec::name).toList();
    }

    /** Lists names in a sentence: the first {@value #MAX_LISTED}, then "and N more". */
    static String listed(List<String> names) {
        List<String> shown = names.stream().limit(MAX_LISTED).map(ProviderValidator::quote).toList();
        String joined = String.join(", ", shown);
        return names.size() > MAX_LISTED ? joined + " and " + (names.size() - MAX_LISTED) + " more" : joined;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderRegistry that
                && providers.equals(that.providers)
                && Objects.equals(defaultName, that.defaultName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(providers, defaultName);
    }

    @Override
    public String toString() {
        return "ProviderRegistry" + names(providers) + (defaultName == null ? "" : ", default=" + defaultName);
    }
}
