package io.jenkins.plugins.gitproviders.core.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps the most recent deliveries in memory, for the page that answers "why did my webhook not trigger?". Bounded:
 * once full, each new record drops the oldest. Thread-safe. Not persisted: a restart empties it.
 *
 * <p>Deliveries that were not verified (the uniform 401, and 413 by declared length) are kept apart: they are
 * counted, and the last {@link #REFUSED_SAMPLES} are kept as samples, so that anyone able to send requests cannot push
 * the real deliveries out of the list.
 */
public final class DeliveryLog {
    /** The number of deliveries the Git Providers page shows. */
    public static final int DEFAULT_CAPACITY = 100;
    /** The number of unverified requests kept as samples. */
    public static final int REFUSED_SAMPLES = 10;

    private final int capacity;
    /** Verified deliveries, oldest first; guarded by {@code this}. */
    private final ArrayDeque<DeliveryRecord> records;
    /** Unverified requests, oldest first; guarded by {@code this}. */
    private final ArrayDeque<DeliveryRecord> refused = new ArrayDeque<>(REFUSED_SAMPLES);
    /** Guarded by {@code this}. */
    private long refusedCount;

    /** Keeps the last {@link #DEFAULT_CAPACITY} deliveries. */
    public DeliveryLog() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * Keeps the last {@code capacity} deliveries.
     *
     * @throws IllegalArgumentException if the capacity is not positive
     */
    public DeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A delivery log must keep at least one delivery, not " + capacity);
        }
        this.capacity = capacity;
        this.records = new ArrayDeque<>(capacity);
    }

    /**
     * Records an answer if it is {@linkplain DeliveryRecord#worthRecording worth recording}: a verified delivery in
     * the list, an unverified one among the refused samples.
     */
    public void record(WebhookResponse response) {
        if (!DeliveryRecord.worthRecording(response)) {
            return;
        }
        DeliveryRecord record = DeliveryRecord.of(response);
        if (response.verified()) {
            add(record);
        } else {
            addRefused(record);
        }
    }

    /** Adds a record of a verified delivery, dropping the oldest when full. */
    public synchronized void add(DeliveryRecord record) {
        if (records.size() == capacity) {
            records.pollFirst();
        }
        records.addLast(record);
    }

    private synchronized void addRefused(DeliveryRecord record) {
        refusedCount++;
        if (refused.size() == REFUSED_SAMPLES) {
            refused.pollFirst();
        }
        refused.addLast(record);
    }

    /** Returns the records of verified deliveries, newest first. */
    public synchronized List<DeliveryRecord> newestFirst() {
        return newestFirst(records);
    }

    /** Returns the last {@link #REFUSED_SAMPLES} unverified requests, newest first. */
    public synchronized List<DeliveryRecord> refusedNewestFirst() {
        return newestFirst(refused);
    }

    /** Returns how many unverified requests were refused since the log was created. */
    public synchronized long refusedCount() {
        return refusedCount;
    }

    private static List<DeliveryRecord> newestFirst(ArrayDeque<DeliveryRecord> deque) {
        List<DeliveryRecord> copy = new ArrayList<>(deque.size());
        for (Iterator<DeliveryRecord> it = deque.descendingIterator(); it.hasNext(); ) {
            copy.add(it.next());
        }
        return copy;
    }

    /** Returns the number of verified deliveries kept. */
    public synchronized int size() {
        return records.size();
    }

    /** Returns the most records kept. */
    public int capacity() {
        return capacity;
    }
}
