package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds what a user wrote in a job's webhook trigger, as text, and turns it into a {@link Subscription}: resolves the
 * provider by name, reads the repository (a full address, or {@code owner/name} on the provider's host), compiles the
 * branch and tag patterns and reads the event list. Every problem is reported with a message that names the field.
 *
 * <p>Events are written as a list of {@link EventKind} names separated by commas or spaces, case-insensitive
 * ({@code BRANCH_PUSH, TAG_PUSH}); blank means {@link #DEFAULT_EVENTS}, branch pushes only, so that a job does not
 * start building tags, deletions or pull requests (possibly from forks) unless asked to.
 *
 * @param provider       the provider's name, or {@code null} (blank) for any provider
 * @param repository     the repository: a clone or web address, or {@code owner/name} on the provider's host
 * @param branchIncludes branch globs to include, separated by spaces or commas; blank includes every branch
 * @param branchExcludes branch globs to exclude
 * @param tagIncludes    tag globs to include; blank includes every tag
 * @param tagExcludes    tag globs to exclude
 * @param events         event kinds, as described above
 * @param forkPullRequests which pull requests from forks trigger the job: {@code never} (blank), {@code trusted} or
 *                       {@code always}; see {@link ForkPolicy}
 */
public record SubscriptionSpec(
        @CheckForNull String provider,
        String repository,
        String branchIncludes,
        String branchExcludes,
        String tagIncludes,
        String tagExcludes,
        String events,
        String forkPullRequests) {
    /** The events a trigger selects when its event list is blank: branch pushes, including a new branch's first. */
    public static final Set<EventKind> DEFAULT_EVENTS =
            Collections.unmodifiableSet(EnumSet.of(EventKind.BRANCH_PUSH, EventKind.BRANCH_CREATED));

    private static final int MAX_SHOWN = 120;

    public SubscriptionSpec {
        provider = provider == null || provider.isBlank() ? null : provider.strip();
        repository = clean(repository);
        branchIncludes = clean(branchIncludes);
        branchExcludes = clean(branchExcludes);
        tagIncludes = clean(tagIncludes);
        tagExcludes = clean(tagExcludes);
        events = clean(events);
        forkPullRequests = clean(forkPullRequests);
    }

    /** Holds a trigger that builds no pull request from a fork. */
    public SubscriptionSpec(@CheckForNull String provider, String repository, String branchIncludes,
            String branchExcludes, String tagIncludes, String tagExcludes, String events) {
        this(provider, repository, branchIncludes, branchExcludes, tagIncludes, tagExcludes, events, "");
    }

    /**
     * Builds the job's subscription.
     *
     * @param jobId     the job's full name
     * @param providers the configured providers, to resolve the provider name and the host of {@code owner/name}
     * @throws IllegalArgumentException with a message naming the field, if any value is not usable
     */
    public Subscription toSubscription(String jobId, List<ProviderSpec> providers) {
        Optional<ProviderSpec> named = providerSpec(providers);
        RepositoryKey key = repositoryKey(named);
        return new Subscription(jobId, named.map(ProviderSpec::name).orElse(null), key,
                filter(branchIncludes, branchExcludes, "Branches"), filter(tagIncludes, tagExcludes, "Tags"),
                parseEvents(events), ForkPolicy.parse(forkPullRequests));
    }

    /**
     * Finds the named provider, ignoring case; empty when the trigger accepts any provider.
     *
     * @throws IllegalArgumentException if a name is given and no provider has it
     */
    public Optional<ProviderSpec> providerSpec(List<ProviderSpec> providers) {
        if (provider == null) {
            return Optional.empty();
        }
        String key = ProviderSpec.nameKey(provider);
        return Optional.of(providers.stream().filter(p -> p.nameKey().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Provider: no provider named '" + shorten(provider)
                        + "' is configured; choose one under Manage Jenkins > Git Providers, or leave it blank for"
                        + " any provider")));
    }

    /**
     * Reads the repository on the provider's host.
     *
     * @param named the provider the trigger names, or empty for any provider
     * @throws IllegalArgumentException if the repository is missing, not understood, relative without a provider,
     *                                  or on another host than the named provider's
     */
    public RepositoryKey repositoryKey(Optional<ProviderSpec> named) {
        if (repository.isEmpty()) {
            throw new IllegalArgumentException("Repository: required; write the repository's address"
                    + " (https://github.com/owner/name) or owner/name with a provider chosen");
        }
        if (named.isEmpty()) {
            Optional<RepositoryKey> absolute = RepositoryKey.parse(repository);
            if (absolute.isPresent()) {
                return absolute.get();
            }
            if (!repository.contains("://") && !repository.contains("@")) {
                throw new IllegalArgumentException("Repository: with any provider, write the repository's full"
                        + " address (https://host/owner/name or git@host:owner/name), or choose a provider to write"
                        + " owner/name");
            }
            try {
                return RepositoryKey.parseOrThrow(repository);
            } catch (IllegalArgumentException e) {
                // The key's own message never repeats user information, which may hold a token.
                throw new IllegalArgumentException("Repository: " + e.getMessage(), e);
            }
        }
        ProviderSpec spec = named.get();
        Optional<String> host = WebhookHandler.serverHost(spec);
        RepositoryKey key = spec.effectiveServerUrl()
                .flatMap(server -> RepositoryKey.parse(repository, server))
                .or(() -> RepositoryKey.parse(repository))
                .orElseThrow(() -> new IllegalArgumentException("Repository: the address is not understood; write"
                        + " owner/name (group/sub/project on GitLab) or the repository's address on "
                        + host.orElse("the provider's server")));
        if (host.isPresent() && !host.get().equals(key.hostName())) {
            throw new IllegalArgumentException("Repository: " + key + " is on " + key.hostName() + ", but provider '"
                    + spec.name() + "' serves " + host.get() + "; choose that host's provider or any provider");
        }
        return key;
    }

    /**
     * Reads an event list; blank gives {@link #DEFAULT_EVENTS}.
     *
     * @throws IllegalArgumentException naming an unknown event and listing the known ones
     */
    public static Set<EventKind> parseEvents(@CheckForNull String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_EVENTS;
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String name : text.strip().split("[\\s,]+")) {
            String constant = name.toUpperCase(Locale.ROOT).replace('-', '_');
            EventKind kind = Arrays.stream(EventKind.values()).filter(k -> k.name().equals(constant)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Events: '" + shorten(name) + "' is not an event;"
                            + " use " + selectableNames()));
            if (kind == EventKind.PING) {
                throw new IllegalArgumentException("Events: PING never triggers a job (it only tests the webhook);"
                        + " use " + selectableNames());
            }
            kinds.add(kind);
        }
        return Collections.unmodifiableSet(kinds);
    }

    /** Writes an event list in the form {@link #parseEvents} reads, in declaration order. */
    public static String eventNames(Set<EventKind> kinds) {
        return Arrays.stream(EventKind.values()).filter(kinds::contains).map(EventKind::name)
                .collect(Collectors.joining(", "));
    }

    /** Returns the names of the events a trigger may select, comma-separated. */
    public static String selectableNames() {
        return Arrays.stream(EventKind.values()).filter(k -> k != EventKind.PING).map(EventKind::name)
                .collect(Collectors.joining(", "));
    }

    /**
     * Compiles one field of branch or tag globs.
     *
     * @param field the field's label, for the message
     * @throws IllegalArgumentException naming the field and the pattern
     */
    public static List<RefPattern> patterns(@CheckForNull String globs, String field) {
        try {
            return RefPattern.list(globs == null ? "" : globs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static RefFilter filter(String include, String exclude, String what) {
        return new RefFilter(patterns(include, what + " to include"), patterns(exclude, what + " to exclude"));
    }

    private static String clean(@CheckForNull String value) {
        return value == null ? "" : value.strip();
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_SHOWN ? printable : printable.substring(0, MAX_SHOWN) + "...";
    }
}
