package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers which deliveries were processed, so a host's retry or a second hook for the same change triggers
 * nothing twice. A key is recorded only once its delivery was processed ({@link Ticket#complete()}); while it is
 * processed, the same key is refused; if processing fails ({@link Ticket#abandon()}), the key is forgotten so the
 * host's redelivery is processed.
 *
 * <p>Bounded in memory: it keeps at most {@code maxEntries} processed keys, none older than {@code maxAge} (by
 * default 100,000 keys or 72 hours, whichever limit is reached first), dropping the oldest first. Keys are of fixed
 * size (a SHA-256 of what identifies the delivery or change), so no delivery can make one large. Thread-safe.
 */
public final class DeliveryDeduplicator {
    /** Default number of processed keys kept. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** Default age after which a processed key is forgotten. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(72);

    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Processed keys, oldest first; guarded by itself. */
    private final ArrayDeque<Entry> completed = new ArrayDeque<>();

    /** Keeps the default 100,000 keys for at most 72 hours, by the system clock. */
    public DeliveryDeduplicator() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    /**
     * Keeps at most {@code maxEntries} processed keys for at most {@code maxAge}.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public DeliveryDeduplicator(int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("The de-duplication limits must be positive, not " + maxEntries
                    + " keys and " + maxAge);
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the key of a delivery by the host's delivery identifier: {@code d:} and 64 hex digits. */
    public static String deliveryKey(String providerName, String deliveryId) {
        return "d:" + sha256(providerName, deliveryId);
    }

    /**
     * Returns the key of a change: the same event kind for the same commit on the same ref of the same repository,
     * whichever hook or delivery reported it; {@code c:} and 64 hex digits. The kind is part of it so that a push and
     * the pull request update it causes are not taken for one another. For a deletion, which has no new commit, the
     * commit is the one the ref pointed to before ({@code before}), so a replay of the deletion under a fresh
     * delivery id is recognised too.
     */
    public static String changeKey(RepositoryKey repository, String ref, String commit, EventKind kind) {
        return "c:" + sha256(repository.toString(), ref, commit, kind.name());
    }

    /** Hashes the parts, each preceded by its length so that no two lists of parts hash alike. */
    private static String sha256(String... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Starts processing a delivery known by one key.
     *
     * @return a ticket to complete or abandon, or empty if the key was already processed or is being processed
     */
    public Optional<Ticket> begin(String key) {
        return begin(List.of(key));
    }

    /**
     * Starts processing a delivery known by several keys (its delivery identifier and its change); refused if any of
     * them was processed or is being processed.
     */
    public Optional<Ticket> begin(Collection<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A delivery needs at least one key to be de-duplicated");
        }
        evictExpired();
        List<Entry> claimed = new ArrayList<>(keys.size());
        for (String key : keys) {
            Entry mine = new Entry(key);
            Entry existing = entries.putIfAbsent(key, mine);
            if (existing != null) {
                claimed.forEach(entry -> entries.remove(entry.key, entry));
                return Optional.empty();
            }
            claimed.add(mine);
        }
        return Optional.of(new Ticket(claimed));
    }

    /** Tells whether the key was processed and is still remembered. */
    public boolean isProcessed(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.completedAt != null;
    }

    /** Returns the number of processed keys remembered. */
    public int size() {
        synchronized (completed) {
            return completed.size();
        }
    }

    private void evictExpired() {
        Instant oldestKept = clock.instant().minus(maxAge);
        synchronized (completed) {
            while (!completed.isEmpty()
                    && (completed.size() > maxEntries || completed.peekFirst().completedAt.isBefore(oldestKept))) {
                Entry evicted = completed.pollFirst();
                entries.remove(evicted.key, evicted);
            }
        }
    }

    private void record(Entry entry) {
        synchronized (completed) {
            entry.completedAt = clock.instant();
            completed.addLast(entry);
        }
        evictExpired();
    }

    /** One key's state: in flight until {@code completedAt} is set. */
    private static final class Entry {
        final String key;
        @CheckForNull
        volatile Instant completedAt;

        Entry(String key) {
            this.key = key;
        }
    }

    /**
     * Holds the keys of a delivery being processed. Exactly one of {@link #complete()} and {@link #abandon()} takes
     * effect; closing a ticket that was not completed abandons it, so a failure never leaves a key blocked.
     */
    public final class Ticket implements AutoCloseable {
        private final List<Entry> claimed;
        private final AtomicBoolean finished = new AtomicBoolean();

        private Ticket(List<Entry> claimed) {
            this.claimed = List.copyOf(claimed);
        }

        /** Records the delivery as processed: its keys are refused from now on, until they expire. */
        public void complete() {
            if (finished.compareAndSet(false, true)) {
                claimed.forEach(DeliveryDeduplicator.this::record);
            }
        }

        /** Forgets the delivery, so that it is processed when the host delivers it again. */
        public void abandon() {
            if (finished.compareAndSet(false, true)) {
                claimed.forEach(entry -> entries.remove(entry.key, entry));
            }
        }

        @Override
        public void close() {
            abandon();
        }
    }
}
