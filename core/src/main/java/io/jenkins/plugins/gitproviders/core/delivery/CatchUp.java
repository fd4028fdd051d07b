package io.jenkins.plugins.gitproviders.core.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.repository.RefSource;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.RefFilter;
import io.jenkins.plugins.gitproviders.core.routing.Subscription;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which pushes Jenkins missed while it received no deliveries (during startup every delivery is answered
 * 503 and GitHub never retries; a host may also give up on an unreachable Jenkins): for every watched repository,
 * compares the {@linkplain LastKnownCommits last commit known} of each watched branch with the host's current one
 * and synthesises the event a push would have delivered. The plugin routes each event through the job index as it
 * routes deliveries, so jobs are triggered exactly as a push would trigger them, with a cause that says it was a
 * catch-up.
 *
 * <p>Rules, per repository: a repository without a baseline only gets one (installing the plugin, or losing the
 * store, must not build every branch); a known branch at another commit becomes {@link EventKind#BRANCH_PUSH}; a
 * branch the store does not know becomes {@link EventKind#BRANCH_CREATED}, a known branch the host no longer has
 * {@link EventKind#BRANCH_DELETED}; a new tag becomes {@link EventKind#TAG_PUSH} (a tag that moved is not rebuilt,
 * tags being meant to stay). Refs learnt from a delivery after the host was asked are left alone: the delivery knows
 * better. An answer naming no ref at all while refs are known is not taken for the deletion of them all. Pull requests
 * are not caught up: the refs a host publishes for them do not tell their target branch.
 */
public final class CatchUp {
    /** The text that opens every catch-up cause, so people and tools can tell these builds apart. */
    public static final String CAUSE_PREFIX = "Catch-up after a gap in webhook deliveries";
    /** The start of the delivery id of every event catching up makes. */
    public static final String ID_PREFIX = "catch-up-";
    private static final String HEADS = "refs/heads/";
    private static final String TAGS = "refs/tags/";
    private static final Set<EventKind> BRANCH_KINDS =
            Set.of(EventKind.BRANCH_PUSH, EventKind.BRANCH_CREATED, EventKind.BRANCH_DELETED);
    private static final Set<EventKind> TAG_KINDS = Set.of(EventKind.TAG_PUSH, EventKind.TAG_DELETED);

    private CatchUp() {}

    /**
     * Names a watched repository, the provider to ask, and which of its branches and tags jobs watch.
     *
     * @param repository the repository
     * @param provider   the provider serving it
     * @param branches   the branch filters of the subscriptions that take branch events; empty when none does
     * @param tags       the tag filters of the subscriptions that take tag events; empty when none does
     */
    public record WatchedRepository(RepositoryKey repository, ProviderSpec provider, List<RefFilter> branches,
            List<RefFilter> tags) {
        public WatchedRepository {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(provider, "provider");
            branches = List.copyOf(branches);
            tags = List.copyOf(tags);
        }

        /** Returns the ref patterns to ask the host about ({@code refs/heads/*}, {@code refs/tags/*}). */
        public List<String> patterns() {
            List<String> patterns = new ArrayList<>();
            if (!branches.isEmpty()) {
                patterns.add(HEADS + "*");
            }
            if (!tags.isEmpty()) {
                patterns.add(TAGS + "*");
            }
            return patterns;
        }

        /** Tells whether some job watches the ref. */
        boolean watches(String ref) {
            if (ref.startsWith(HEADS)) {
                String name = ref.substring(HEADS.length());
                return branches.stream().anyMatch(filter -> filter.matches(name));
            }
            if (ref.startsWith(TAGS)) {
                String name = ref.substring(TAGS.length());
                return tags.stream().anyMatch(filter -> filter.matches(name));
            }
            return false;
        }
    }

    /**
     * Describes a missed push to route as a delivery.
     *
     * @param repository the repository
     * @param provider   the provider's name, to route and schedule with
     * @param event      the event a push would have delivered (no sender; its delivery id starts with
     *                   {@code catch-up-} and is the same for the same change)
     * @param cause      the cause text for the build, starting with {@link #CAUSE_PREFIX}
     */
    public record Push(RepositoryKey repository, String provider, WebhookEvent event, String cause) {}

    /**
     * Tells what one repository's comparison found.
     *
     * @param pushes    the missed pushes, in ref order
     * @param observed  the current commit of each watched ref, to record
     * @param gone      the known refs the host no longer has, to forget
     * @param baselined whether the repository had no baseline, so nothing was built
     * @param note      something worth telling on the deliveries page, or {@code null}
     */
    public record Decision(List<Push> pushes, Map<String, String> observed, Set<String> gone, boolean baselined,
            @CheckForNull String note) {
        public Decision {
            pushes = List.copyOf(pushes);
            observed = Map.copyOf(observed);
            gone = Set.copyOf(gone);
        }
    }

    /**
     * Tells a repository whose host could not be asked.
     *
     * @param repository the repository
     * @param provider   the provider asked
     * @param message    why, without any credential
     */
    public record Failure(RepositoryKey repository, String provider, String message) {}

    /**
     * Sums up one catch-up run.
     *
     * @param pushes       the missed pushes to route
     * @param failures     the repositories whose host could not be asked (caught up at the next run)
     * @param repositories the repositories compared
     * @param baselined    the repositories that got their first baseline
     * @param notes        other things worth telling
     */
    public record Report(List<Push> pushes, List<Failure> failures, int repositories, int baselined,
            List<String> notes) {
        public Report {
            pushes = List.copyOf(pushes);
            failures = List.copyOf(failures);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Lists the watched repositories from the jobs' subscriptions, each with the provider that serves it: the one
     * the subscription names, else the first active provider whose server is the repository's host. Subscriptions
     * whose provider is unknown or inactive, or that watch neither branches nor tags, are left out.
     */
    public static List<WatchedRepository> watched(Collection<Subscription> subscriptions, List<ProviderSpec> providers) {
        Map<List<Object>, Builder> byRepository = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions) {
            Optional<ProviderSpec> provider = providerOf(subscription, providers);
            boolean branches = subscription.events().stream().anyMatch(BRANCH_KINDS::contains);
            boolean tags = subscription.events().stream().anyMatch(TAG_KINDS::contains);
            if (provider.isEmpty() || !(branches || tags)) {
                continue;
            }
            RepositoryKey key = subscription.repository().withoutPort();
            Builder builder = byRepository.computeIfAbsent(List.of(key, provider.get().name()),
                    k -> new Builder(subscription.repository(), provider.get()));
            if (branches) {
                builder.branches.add(subscription.branches());
            }
            if (tags) {
                builder.tags.add(subscription.tags());
            }
        }
        return byRepository.values().stream()
                .map(b -> new WatchedRepository(b.repository, b.provider, List.copyOf(b.branches), List.copyOf(b.tags)))
                .toList();
    }

    private static final class Builder {
        private final RepositoryKey repository;
        private final ProviderSpec provider;
        private final Set<RefFilter> branches = new LinkedHashSet<>();
        private final Set<RefFilter> tags = new LinkedHashSet<>();

        Builder(RepositoryKey repository, ProviderSpec provider) {
            this.repository = repository;
            this.provider = provider;
        }
    }

    private static Optional<ProviderSpec> providerOf(Subscription subscription, List<ProviderSpec> providers) {
        if (subscription.providerName() != null) {
            String key = ProviderSpec.nameKey(subscription.providerName());
            return providers.stream().filter(p -> p.nameKey().equals(key)).filter(ProviderSpec::active).findFirst();
        }
        String host = subscription.repository().hostName();
        return providers.stream().filter(ProviderSpec::active)
                .filter(p -> WebhookHandler.serverHost(p).map(host::equals).orElse(false))
                .findFirst();
    }

    /**
     * Compares one repository's watched refs with what the host answered. Pure: the caller records
     * {@link Decision#observed()} and {@link Decision#gone()} ({@link LastKnownCommits#observe}).
     *
     * @param watched    the repository and what is watched in it
     * @param current    the host's answer
     * @param known      what is known of the repository, or empty when it has no baseline
     * @param observedAt when the host was asked (before its answer): refs learnt later are left alone
     */
    public static Decision decide(WatchedRepository watched, RefTips current,
            Optional<Map<String, LastKnownCommits.Known>> known, Instant observedAt) {
        Map<String, String> observed = new LinkedHashMap<>();
        current.commits().entrySet().stream().filter(e -> watched.watches(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> observed.put(e.getKey(), e.getValue()));
        if (known.isEmpty()) {
            return new Decision(List.of(), observed, Set.of(), true, null);
        }
        Map<String, LastKnownCommits.Known> before = known.get();
        List<Push> pushes = new ArrayList<>();
        for (Map.Entry<String, String> each : observed.entrySet()) {
            String ref = each.getKey();
            String commit = each.getValue();
            LastKnownCommits.Known last = before.get(ref);
            if (last != null && last.updatedAt().isAfter(observedAt)) {
                continue;
            }
            if (last == null) {
                pushes.add(push(watched, ref.startsWith(TAGS) ? EventKind.TAG_PUSH : EventKind.BRANCH_CREATED, ref,
                        null, commit));
            } else if (!last.commit().equals(commit) && ref.startsWith(HEADS)) {
                pushes.add(push(watched, EventKind.BRANCH_PUSH, ref, last.commit(), commit));
            }
        }
        Set<String> gone = new LinkedHashSet<>();
        String note = null;
        List<String> missing = before.entrySet().stream()
                .filter(e -> watched.watches(e.getKey()) && !current.commits().containsKey(e.getKey()))
                .filter(e -> !e.getValue().updatedAt().isAfter(observedAt))
                .map(Map.Entry::getKey).sorted().toList();
        if (!missing.isEmpty() && observed.isEmpty()) {
            note = "The host listed no watched ref of " + watched.repository() + " although " + missing.size()
                    + " are known; not taken for their deletion";
        } else {
            for (String ref : missing) {
                gone.add(ref);
                if (ref.startsWith(HEADS)) {
                    pushes.add(push(watched, EventKind.BRANCH_DELETED, ref, before.get(ref).commit(), null));
                }
            }
        }
        return new Decision(pushes, observed, gone, false, note);
    }

    /**
     * Catches up every watched repository in turn: asks the host, decides, records what was observed. A host that
     * cannot be asked is reported and left for the next run; its repository's baseline is kept.
     */
    public static Report run(List<WatchedRepository> watched, RefSource source, LastKnownCommits known, Clock clock) {
        List<Push> pushes = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int baselined = 0;
        for (WatchedRepository repository : watched) {
            Instant observedAt = clock.instant();
            RefTips current;
            try {
                current = source.refs(repository.provider().name(), repository.repository(), repository.patterns());
            } catch (IOException | RuntimeException e) {
                failures.add(new Failure(repository.repository(), repository.provider().name(),
                        "Could not list the refs of " + repository.repository() + " through provider '"
                                + repository.provider().name() + "': " + Objects.requireNonNullElse(e.getMessage(),
                                e.getClass().getSimpleName())));
                continue;
            }
            Decision decision = decide(repository, current, known.snapshot(repository.repository()), observedAt);
            if (decision.note() == null) {
                known.observe(repository.repository(), decision.observed(), decision.gone(), observedAt);
            } else {
                notes.add(decision.note());
            }
            pushes.addAll(decision.pushes());
            if (decision.baselined()) {
                baselined++;
            }
        }
        return new Report(pushes, failures, watched.size(), baselined, notes);
    }

    private static Push push(WatchedRepository watched, EventKind kind, String ref, @CheckForNull String before,
            @CheckForNull String after) {
        RepositoryKey key = watched.repository();
        RepositoryInfo info = new RepositoryInfo(key.hostName(), key.path(), null, null, null);
        String id = ID_PREFIX + digest(key + "\u0000" + ref + "\u0000" + before + "\u0000" + after);
        WebhookEvent event = new WebhookEvent(watched.provider().type(), kind, info, ref, before, after, null, null,
                null, after, null, id);
        return new Push(key, watched.provider().name(), event, describe(key.toString(), kind, ref, before, after));
    }

    /**
     * Tells whether catching up made the event up (its delivery id is a catch-up's and no one sent it); such events
     * are stored with builds and in the journal like deliveries, so this is how a build tells it was caught up.
     */
    public static boolean isCatchUp(WebhookEvent event) {
        String id = event.deliveryId();
        return id != null && id.startsWith(ID_PREFIX) && event.sender() == null;
    }

    /**
     * Returns the cause text of a build started by a caught-up event, starting with {@link #CAUSE_PREFIX}, or empty
     * when the event was delivered by a host.
     */
    public static Optional<String> causeOf(WebhookEvent event) {
        String ref = event.ref();
        Optional<RepositoryInfo> info = event.repositoryInfo();
        if (!isCatchUp(event) || ref == null || info.isEmpty()
                || !(ref.startsWith(HEADS) || ref.startsWith(TAGS))) {
            return Optional.empty();
        }
        String repository = RepositoryKey.of(info.get()).map(RepositoryKey::toString)
                .orElseGet(() -> info.get().host() + "/" + info.get().fullPath());
        return Optional.of(describe(repository, event.kind(), ref, event.before(), event.after()));
    }

    private static String describe(String repository, EventKind kind, String ref, @CheckForNull String before,
            @CheckForNull String after) {
        String name = ref.startsWith(HEADS) ? "branch " + ref.substring(HEADS.length())
                : "tag " + ref.substring(TAGS.length());
        String what;
        if (kind == EventKind.BRANCH_PUSH && before != null && after != null) {
            what = "moved from " + EventEnvironment.shortCommit(before) + " to " + EventEnvironment.shortCommit(after);
        } else if (kind == EventKind.BRANCH_DELETED && before != null) {
            what = "was deleted (it was at " + EventEnvironment.shortCommit(before) + ")";
        } else if (after != null) {
            what = "was created at " + EventEnvironment.shortCommit(after);
        } else {
            what = "changed";
        }
        return CAUSE_PREFIX + ": " + name + " of " + repository + " " + what + " while no delivery reached Jenkins";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform has SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
