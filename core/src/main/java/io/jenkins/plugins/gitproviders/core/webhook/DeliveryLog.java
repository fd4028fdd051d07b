package io.jenkins.plugins.gitproviders.core.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps the most recent deliveries in memory, for the page that answers "why did my webhook not trigger?". Bounded:
 * once full, each new record drops the oldest. Thread-safe. Not persisted: a restart empties it.
 */
public final class DeliveryLog {
    /** The number of deliveries the Git Providers page shows. */
    public static final int DEFAULT_CAPACITY = 100;

    private final int capacity;
    /** Oldest first; guarded by {@code this}. */
    private final ArrayDeque<DeliveryRecord> records;

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

    /** Records an answer if it is {@linkplain DeliveryRecord#worthRecording worth recording}. */
    public void record(WebhookResponse response) {
        if (DeliveryRecord.worthRecording(response)) {
            add(DeliveryRecord.of(response));
        }
    }

    /** Adds a record, dropping the oldest when full. */
    public synchronized void add(DeliveryRecord record) {
        if (records.size() == capacity) {
            records.pollFirst();
        }
        records.addLast(record);
    }

    /** Returns the records, newest first. */
    public synchronized List<DeliveryRecord> newestFirst() {
        List<DeliveryRecord> copy = new ArrayList<>(records.size());
        for (Iterator<DeliveryRecord> it = records.descendingIterator(); it.hasNext(); ) {
            copy.add(it.next());
        }
        return copy;
    }

    /** Returns the number of records kept. */
    public synchronized int size() {
        return records.size();
    }

    /** Returns the most records kept. */
    public int capacity() {
        return capacity;
    }
}
