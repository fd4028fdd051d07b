package io.jenkins.plugins.gitproviders.core.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, per watched repository and ref, the last commit Jenkins knows of: from the webhook deliveries it
 * accepted and from what catching up observed. {@link CatchUp} compares it with the host's current commits after a
 * gap. A repository absent here has no baseline yet: its first observation is recorded, not built.
 *
 * <p>Bounded: at most {@code maxRefs} refs; beyond, the repositories updated least recently are forgotten as a whole
 * (forgetting single refs would make them look newly created at the next catch-up). Thread-safe. Persisted as one
 * JSON file replaced atomically; a damaged file is reported and read as empty (no baseline, so nothing is built).
 */
public final class LastKnownCommits {
    /** The file's name in the Jenkins home directory. */
    public static final String FILE_NAME = "git-providers-last-commits.json";
    /** The default number of refs kept. */
    public static final int DEFAULT_MAX_REFS = 100_000;
    static final int FORMAT_VERSION = 1;

    private final int maxRefs;
    /** By repository key without port, as the job index keys them; guarded by {@code this}. */
    private final Map<RepositoryKey, Repository> repositories = new HashMap<>();
    private int size;

    /**
     * Tells the last commit known of a ref.
     *
     * @param commit    the commit, lowercase
     * @param updatedAt when it was learnt
     */
    public record Known(String commit, Instant updatedAt) {}

    private static final class Repository {
        private final Map<String, Known> refs = new LinkedHashMap<>();
        private Instant updatedAt;

        Repository(Instant updatedAt) {
            this.updatedAt = updatedAt;
        }
    }

    /** Keeps at most {@link #DEFAULT_MAX_REFS} refs. */
    public LastKnownCommits() {
        this(DEFAULT_MAX_REFS);
    }

    /**
     * Keeps at most {@code maxRefs} refs.
     *
     * @throws IllegalArgumentException if the limit is not positive
     */
    public LastKnownCommits(int maxRefs) {
        if (maxRefs < 1) {
            throw new IllegalArgumentException("The last known commits need room for one ref, not " + maxRefs);
        }
        this.maxRefs = maxRefs;
    }

    /**
     * Learns from an accepted event: a push, a branch creation or a tag records its commit; a deletion forgets the
     * ref; pull requests and pings change nothing (catching up covers branches and tags only).
     *
     * <p>Only for a repository that has a baseline: a baseline made of the refs deliveries happened to name would make
     * every other branch of the repository look newly created at the next catch-up, and build them all (a job given
     * the trigger after startup would do that at the first push). A repository without one gets it from catching up.
     */
    public void recordEvent(RepositoryKey repository, WebhookEvent event, Instant at) {
        String ref = event.ref();
        if (ref == null || !hasBaseline(repository)) {
            return;
        }
        EventKind kind = event.kind();
        if (kind == EventKind.BRANCH_DELETED || kind == EventKind.TAG_DELETED) {
            forget(repository, ref, at);
            return;
        }
        if (kind == EventKind.BRANCH_PUSH || kind == EventKind.BRANCH_CREATED || kind == EventKind.TAG_PUSH) {
            String commit = event.after() != null ? event.after() : event.headCommit();
            if (commit != null) {
                record(repository, ref, commit, at);
            }
        }
    }

    /** Tells whether the repository has a baseline: catching up observed it, or the saved file held it. */
    public synchronized boolean hasBaseline(RepositoryKey repository) {
        return repositories.containsKey(repository.withoutPort());
    }

    /** Records the commit a ref points to; ignored unless a full commit id and a ref under {@code refs/}. */
    public synchronized void record(RepositoryKey repository, String ref, String commit, Instant at) {
        String id = commit.strip().toLowerCase(Locale.ROOT);
        if (!RefTips.isCommit(id) || !ref.startsWith("refs/") || ref.length() > RefTips.MAX_REF_LENGTH) {
            return;
        }
        Repository known = repositories.computeIfAbsent(repository.withoutPort(), key -> new Repository(at));
        if (known.refs.put(ref, new Known(id, at)) == null) {
            size++;
        }
        known.updatedAt = later(known.updatedAt, at);
        evictIfFull();
    }

    /** Forgets a ref (it was deleted); the repository keeps its baseline. */
    public synchronized void forget(RepositoryKey repository, String ref, Instant at) {
        Repository known = repositories.get(repository.withoutPort());
        if (known != null && known.refs.remove(ref) != null) {
            size--;
            known.updatedAt = later(known.updatedAt, at);
        }
    }

    /**
     * Returns what is known of a repository's refs, or empty when it has no baseline yet.
     */
    public synchronized Optional<Map<String, Known>> snapshot(RepositoryKey repository) {
        Repository known = repositories.get(repository.withoutPort());
        return known == null ? Optional.empty() : Optional.of(Map.copyOf(known.refs));
    }

    /**
     * Applies what catching up observed at a moment: records the observed commits and forgets the refs found gone,
     * except refs learnt after that moment (a delivery that arrived meanwhile knows better). Gives the repository a
     * baseline even when it has no ref.
     */
    public synchronized void observe(RepositoryKey repository, Map<String, String> observed, Collection<String> gone,
            Instant observedAt) {
        Repository known = repositories.computeIfAbsent(repository.withoutPort(), key -> new Repository(observedAt));
        for (Map.Entry<String, String> each : observed.entrySet()) {
            Known current = known.refs.get(each.getKey());
            if (current != null && current.updatedAt().isAfter(observedAt)) {
                continue;
            }
            String id = each.getValue().toLowerCase(Locale.ROOT);
            if (RefTips.isCommit(id) && (current == null || !current.commit().equals(id))) {
                if (known.refs.put(each.getKey(), new Known(id, observedAt)) == null) {
                    size++;
                }
            }
        }
        for (String ref : gone) {
            Known current = known.refs.get(ref);
            if (current != null && !current.updatedAt().isAfter(observedAt)) {
                known.refs.remove(ref);
                size--;
            }
        }
        known.updatedAt = later(known.updatedAt, observedAt);
        evictIfFull();
    }

    /**
     * Puts back what catching up recorded for the ref of an event it made up, when that event could not be routed
     * (the journal refused it): the ref's commit before the change, or nothing for a ref that was new. The next
     * catch-up then finds the change again instead of taking it for known.
     *
     * @param at when; later than the observation, so that the next catch-up's observation replaces it
     */
    public synchronized void retract(RepositoryKey repository, WebhookEvent event, Instant at) {
        String ref = event.ref();
        Repository known = repositories.get(repository.withoutPort());
        if (ref == null || known == null) {
            return;
        }
        String before = event.before() == null ? "" : event.before().strip().toLowerCase(Locale.ROOT);
        if (RefTips.isCommit(before)) {
            record(repository, ref, before, at);
        } else if (known.refs.remove(ref) != null) {
            size--;
        }
    }

    /** Returns the number of refs known. */
    public synchronized int size() {
        return size;
    }

    /** Returns the number of repositories with a baseline. */
    public synchronized int repositoryCount() {
        return repositories.size();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Forgets the least recently updated repositories until nine tenths of the limit are used. */
    private void evictIfFull() {
        if (size <= maxRefs) {
            return;
        }
        List<Map.Entry<RepositoryKey, Repository>> oldestFirst = new ArrayList<>(repositories.entrySet());
        oldestFirst.sort(Comparator.comparing(entry -> entry.getValue().updatedAt));
        long target = maxRefs - maxRefs / 10L;
        for (Map.Entry<RepositoryKey, Repository> entry : oldestFirst) {
            if (size <= target) {
                break;
            }
            size -= entry.getValue().refs.size();
            repositories.remove(entry.getKey());
        }
    }

    /**
     * Writes what is known to a file, replacing it atomically.
     *
     * @throws IOException when the file cannot be written; the previous file is left as it was
     */
    public void save(Path file) throws IOException {
        ObjectNode root = StoredJson.MAPPER.createObjectNode().put("version", FORMAT_VERSION);
        ArrayNode list = root.putArray("repositories");
        synchronized (this) {
            for (Map.Entry<RepositoryKey, Repository> entry : repositories.entrySet()) {
                ObjectNode node = list.addObject().put("host", entry.getKey().host())
                        .put("path", entry.getKey().path()).put("at", entry.getValue().updatedAt.toString());
                ObjectNode refs = node.putObject("refs");
                entry.getValue().refs.forEach((ref, known) -> refs.putObject(ref).put("commit", known.commit())
                        .put("at", known.updatedAt().toString()));
            }
        }
        StoredJson.replace(file, StoredJson.MAPPER.writeValueAsBytes(root));
    }

    /**
     * What was read back.
     *
     * @param commits what is known
     * @param skipped entries that could not be read and were left out
     * @param problem what went wrong in words; {@code null} when all was read
     */
    public record Loaded(LastKnownCommits commits, int skipped, @CheckForNull String problem) {}

    /** Reads a file written by {@link #save}; never fails: a problem is reported and reads as no baseline. */
    public static Loaded load(Path file, int maxRefs) {
        LastKnownCommits commits = new LastKnownCommits(maxRefs);
        JsonNode root;
        try {
            // Roughly 200 bytes a ref; a larger file was not written with this limit.
            long size = Files.size(file);
            if (size > 512L * maxRefs + 4096) {
                return new Loaded(commits, 0, "The last known commits file " + file + " is " + size + " bytes, more"
                        + " than " + maxRefs + " refs take; it was not read, so repositories get a new baseline");
            }
            root = StoredJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new Loaded(commits, 0, null);
        } catch (IOException e) {
            return new Loaded(commits, 0, "The last known commits file " + file + " could not be read ("
                    + StoredJson.describe(e) + "); repositories get a new baseline and nothing missed is built");
        }
        if (root == null || !root.path("repositories").isArray()) {
            return new Loaded(commits, 0, "The last known commits file " + file + " is damaged; repositories get a"
                    + " new baseline and nothing missed is built");
        }
        int skipped = 0;
        for (JsonNode node : root.get("repositories")) {
            try {
                RepositoryKey key = new RepositoryKey(node.path("host").asText(), node.path("path").asText());
                Instant updated = Instant.parse(node.path("at").asText());
                Map<String, String> refs = new LinkedHashMap<>();
                List<Instant> times = new ArrayList<>();
                for (Map.Entry<String, JsonNode> ref : node.path("refs").properties()) {
                    refs.put(ref.getKey(), ref.getValue().path("commit").asText(""));
                    times.add(Instant.parse(ref.getValue().path("at").asText()));
                }
                synchronized (commits) {
                    commits.repositories.computeIfAbsent(key.withoutPort(), k -> new Repository(updated));
                    int i = 0;
                    for (Map.Entry<String, String> ref : refs.entrySet()) {
                        commits.record(key, ref.getKey(), ref.getValue(), times.get(i++));
                    }
                    Repository loaded = commits.repositories.get(key.withoutPort());
                    if (loaded != null) {
                        loaded.updatedAt = updated;
                    }
                }
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        return new Loaded(commits, skipped, skipped == 0 ? null : skipped + " damaged repositories in " + file
                + " were left out; they get a new baseline");
    }
}
