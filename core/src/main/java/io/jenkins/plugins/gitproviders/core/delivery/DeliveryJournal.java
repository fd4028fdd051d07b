package io.jenkins.plugins.gitproviders.core.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Keeps the accepted deliveries whose builds are not yet in the queue on disk, so that neither a restart nor a failure
 * of the scheduler loses them: the endpoint {@linkplain #append appends} a delivery's dispatches before it answers
 * 202, the scheduler {@linkplain #complete completes} them once the builds are queued, and at startup
 * {@linkplain #open opening} the journal returns what was still pending.
 *
 * <p>Bounded: at most {@link Limits#maxEntries()} pending deliveries taking at most {@link Limits#maxBytes()} bytes.
 * When full, {@link #append} refuses with {@link JournalFullException} and the endpoint answers 503, so the host
 * retries later (GitHub does not retry: catching up after the gap covers it); nothing is dropped silently. The file
 * itself stays below about twice the byte limit: it is compacted as completions accumulate.
 *
 * <p>Crash-safe: each record is one line, {@code <crc32> <json>}; an append returns once its record is forced to
 * disk; compaction writes a temporary file and renames it atomically. A record cut short by a crash (the last line)
 * or damaged elsewhere is skipped on reading, and counted. Completions are written but not forced: losing one in a
 * crash schedules its builds once more after the restart (the queue folds them into the waiting builds), which costs
 * less than an fsync per build. Holds no secret and no body: the provider's name, the repository, the delivery's
 * identifier and, per job, the normalised event.
 *
 * <p>Thread-safe: writes are serialised; appenders arriving while an fsync runs share the next one (group commit),
 * so concurrent deliveries do not each wait for a disk flush of their own.
 */
public final class DeliveryJournal implements Closeable {
    /** The journal's file name in the Jenkins home directory. */
    public static final String FILE_NAME = "git-providers-delivery-journal.log";
    /** The version of the file format this class writes. */
    public static final int FORMAT_VERSION = 1;
    /** The size above which an empty journal's file is compacted. */
    static final long COMPACT_EMPTY_ABOVE = 64 * 1024;

    private static final String TYPE = "t";
    private static final String HEADER = "journal";
    private static final String ADD = "add";
    private static final String DONE = "done";

    private final Path file;
    private final Limits limits;
    private final Clock clock;
    private final JournalReplay replay;
    /** The pending entries by id, oldest first, with the size of their record; guarded by {@code this}. */
    private final LinkedHashMap<Long, Pending> pending = new LinkedHashMap<>();
    /** Serialises fsyncs, taken before {@code this} when both are needed. */
    private final Object forceLock = new Object();
    /** Counts file replacements, so an appender knows whether its record's file is still the current one. */
    private long generation;
    /** The file generation and size known to be on disk; guarded by {@link #forceLock}. */
    private long forcedGeneration = -1;
    private long forcedBytes;
    private long pendingBytes;
    private long nextId;
    @CheckForNull
    private FileChannel channel;
    private long fileBytes;
    /** Set when the file may hold a partial record: it is rewritten from memory before the next write. */
    private boolean needsRewrite;
    @CheckForNull
    private String problem;
    @CheckForNull
    private Instant problemAt;

    /**
     * Bounds a journal.
     *
     * @param maxEntries the most pending deliveries
     * @param maxBytes   the most bytes of pending deliveries' records
     */
    public record Limits(int maxEntries, long maxBytes) {
        /** 10,000 deliveries or 16 MiB: hours of a busy controller's deliveries while its queue is stuck. */
        public static final Limits DEFAULT = new Limits(10_000, 16L << 20);

        public Limits {
            if (maxEntries < 1 || maxBytes < 4096) {
                throw new IllegalArgumentException("A delivery journal needs room for at least one entry and 4096"
                        + " bytes, not " + maxEntries + " entries and " + maxBytes + " bytes");
            }
        }
    }

    private record Pending(JournalEntry entry, int bytes) {}

    private DeliveryJournal(Path file, Limits limits, Clock clock, Reader reader) {
        this.file = file;
        this.limits = limits;
        this.clock = clock;
        List<JournalEntry> kept = new ArrayList<>();
        long bytes = 0;
        int dropped = 0;
        for (JournalEntry entry : reader.entries.values()) {
            int size = line(addRecord(entry)).length;
            if (kept.size() < limits.maxEntries() && bytes + size <= limits.maxBytes()) {
                kept.add(entry);
                bytes += size;
                pending.put(entry.id(), new Pending(entry, size));
            } else {
                dropped++;
            }
        }
        this.pendingBytes = bytes;
        this.nextId = reader.nextId;
        String found = reader.problem;
        if (dropped > 0) {
            found = join(found, dropped + " pending deliveries exceed the journal's limits (" + limits.maxEntries()
                    + " entries, " + limits.maxBytes() + " bytes) and were dropped; their builds must be started by"
                    + " hand");
        }
        if (reader.torn + reader.corrupt > 0) {
            found = join(found, "skipped " + reader.torn + " record(s) cut short by a crash and " + reader.corrupt
                    + " damaged record(s) in " + file);
        }
        this.replay = new JournalReplay(kept, reader.torn, reader.corrupt, dropped, found);
    }

    /**
     * Opens the journal in a file, reading what it holds; creates it if missing. The file is then rewritten without
     * completed, torn or damaged records, so that new records never follow a torn one.
     *
     * @throws JournalException when the file exists but cannot be read (what it held stays in place)
     */
    public static DeliveryJournal open(Path file, Limits limits, Clock clock) throws JournalException {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Reader reader = new Reader(Math.max(limits.maxBytes(), 1 << 20) + 16);
        try {
            reader.read(file);
        } catch (NoSuchFileException e) {
            // A first start: nothing to replay.
        } catch (NewerFormatException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".v" + e.version);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailure) {
                throw new JournalException("The delivery journal " + file + " was written by a newer version of the"
                        + " plugin (format " + e.version + ") and could not be moved aside ("
                        + StoredJson.describe(moveFailure) + "); move it away by hand.", moveFailure);
            }
            reader = new Reader(0);
            reader.problem = "The delivery journal was written by a newer version of the plugin (format " + e.version
                    + "); it was kept as " + aside + " and not replayed";
        } catch (IOException e) {
            throw new JournalException("Could not read the delivery journal " + file + " (" + StoredJson.describe(e)
                    + "): deliveries accepted before the restart cannot be replayed. Check the file's permissions and"
                    + " restart Jenkins.", e);
        }
        DeliveryJournal journal = new DeliveryJournal(file, limits, clock, reader);
        synchronized (journal) {
            try {
                journal.rewrite();
            } catch (JournalException e) {
                // Replay still works from memory; the next append tries again and reports if it still fails.
                journal.needsRewrite = true;
            }
        }
        return journal;
    }

    /** Returns what opening the journal found: the deliveries to schedule again, and what could not be read. */
    public JournalReplay replay() {
        return replay;
    }

    /** Returns the deliveries whose builds are not all queued yet, oldest first. */
    public synchronized List<JournalEntry> pending() {
        return pending.values().stream().map(Pending::entry).toList();
    }

    /**
     * Records an accepted delivery's dispatches on disk. Call before answering the host.
     *
     * @param provider   the provider that accepted the delivery
     * @param repository the repository concerned, when known
     * @param deliveryId the host's identifier of the delivery, when it sent one
     * @param dispatches the jobs to schedule, each with its event; at least one
     * @return the entry, whose {@link JournalEntry#id()} the scheduler completes once the builds are queued
     * @throws JournalFullException when the journal is at its limits: answer 503 so the host retries later
     * @throws JournalException     when the record could not be written: answer 503 and show the message
     */
    public JournalEntry append(String provider, @CheckForNull RepositoryKey repository,
            @CheckForNull String deliveryId, List<WebhookResponse.Dispatch> dispatches) throws JournalException {
        JournalEntry entry;
        long written;
        long writtenGeneration;
        synchronized (this) {
            entry = write(provider, repository, deliveryId, dispatches);
            written = fileBytes;
            writtenGeneration = generation;
        }
        force(entry, writtenGeneration, written);
        return entry;
    }

    private JournalEntry write(String provider, @CheckForNull RepositoryKey repository,
            @CheckForNull String deliveryId, List<WebhookResponse.Dispatch> dispatches) throws JournalException {
        if (provider.isBlank() || dispatches.isEmpty()) {
            throw new IllegalArgumentException("A journal entry needs a provider and at least one dispatch");
        }
        Instant now = clock.instant();
        if (pending.size() >= limits.maxEntries()) {
            throw full(now, pending.size() + " deliveries whose builds are not yet queued (limit "
                    + limits.maxEntries() + ")");
        }
        JournalEntry entry = new JournalEntry(nextId, now, provider, repository, deliveryId, dispatches);
        byte[] line = line(addRecord(entry));
        if (pendingBytes + line.length > limits.maxBytes()) {
            throw full(now, pendingBytes + " bytes of deliveries whose builds are not yet queued, and this one needs "
                    + line.length + " more (limit " + limits.maxBytes() + ")");
        }
        appendLine(line, now);
        nextId++;
        pending.put(entry.id(), new Pending(entry, line.length));
        pendingBytes += line.length;
        return entry;
    }

    /**
     * Waits until an appended record is on disk: forces the file unless another appender's fsync already covered
     * the record, or a rewrite replaced the file (a rewrite is forced, and holds every pending entry).
     */
    private void force(JournalEntry entry, long writtenGeneration, long written) throws JournalException {
        synchronized (forceLock) {
            if (forcedGeneration > writtenGeneration
                    || forcedGeneration == writtenGeneration && forcedBytes >= written) {
                return;
            }
            long currentGeneration;
            long target;
            FileChannel open;
            synchronized (this) {
                currentGeneration = generation;
                target = fileBytes;
                open = channel;
            }
            if (currentGeneration != writtenGeneration) {
                return;
            }
            try {
                if (open == null) {
                    throw new IOException("the journal's file was closed");
                }
                open.force(false);
            } catch (IOException e) {
                synchronized (this) {
                    if (generation != writtenGeneration && !needsRewrite) {
                        // A rewrite replaced (and closed) the file meanwhile; it was forced with this entry in it.
                        return;
                    }
                    // Answered 503, the host retries: the entry must not stay behind to be replayed as well.
                    Pending removed = pending.remove(entry.id());
                    if (removed != null) {
                        pendingBytes -= removed.bytes();
                    }
                    needsRewrite = true;
                    throw failure("Could not write to the delivery journal " + file, e, clock.instant());
                }
            }
            forcedGeneration = currentGeneration;
            forcedBytes = target;
        }
    }

    /**
     * Forgets a delivery once all its builds are queued (or its jobs are gone). Completing an unknown or already
     * completed entry does nothing.
     *
     * @return whether the entry was pending
     * @throws JournalException when the completion could not be written; it is still forgotten in memory and the
     *                          file is rewritten before the next write, but a restart before that replays it again
     */
    public synchronized boolean complete(long id) throws JournalException {
        Pending removed = pending.remove(id);
        if (removed == null) {
            return false;
        }
        pendingBytes -= removed.bytes();
        ObjectNode record = StoredJson.MAPPER.createObjectNode().put(TYPE, DONE).put("id", id);
        writeCompletion(record);
        compactIfWorthIt();
        return true;
    }

    /**
     * Forgets one job of a pending delivery once its build is queued; the delivery is completed with its last job.
     *
     * @return whether the job was pending
     * @throws JournalException when the completion could not be written (see {@link #complete})
     */
    public synchronized boolean completeDispatch(long id, String job) throws JournalException {
        Pending current = pending.get(id);
        if (current == null || current.entry().dispatches().stream().noneMatch(d -> d.job().equals(job))) {
            return false;
        }
        JournalEntry remaining = current.entry().without(job);
        if (remaining.dispatches().isEmpty()) {
            return complete(id);
        }
        pending.put(id, new Pending(remaining, current.bytes()));
        ObjectNode record = StoredJson.MAPPER.createObjectNode().put(TYPE, DONE).put("id", id).put("job", job);
        writeCompletion(record);
        return true;
    }

    /** Writes a completion; if that fails, memory is right and the file is rewritten from it before the next write. */
    private void writeCompletion(ObjectNode record) throws JournalException {
        try {
            appendLine(line(record), clock.instant());
        } catch (JournalException e) {
            needsRewrite = true;
            throw e;
        }
    }

    /** Describes the journal for the deliveries page. */
    public synchronized JournalStatus status() {
        return new JournalStatus(pending.size(), pendingBytes, fileBytes, limits.maxEntries(), limits.maxBytes(),
                problem, problemAt);
    }

    /** Returns the journal's file. */
    public Path file() {
        return file;
    }

    /** Closes the file; pending entries stay in it for the next start. */
    @Override
    public synchronized void close() {
        closeChannel();
    }

    private JournalFullException full(Instant now, String state) {
        String message = "The delivery journal holds " + state + ": Jenkins answers 503 so the host retries later."
                + " Check that the build queue is moving and that jobs are not blocked; the journal empties as"
                + " builds are queued.";
        recordProblem(message, now);
        return new JournalFullException(message);
    }

    /** Appends a line to the file, unforced; on failure the file is cut back to where it was. */
    private void appendLine(byte[] line, Instant now) throws JournalException {
        try {
            if (needsRewrite) {
                rewrite();
            }
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                fileBytes = channel.size();
            }
        } catch (IOException e) {
            // The file may be gone or replaced: rebuild it from memory once it can be written again.
            needsRewrite = true;
            throw failure("Could not open the delivery journal " + file, e, now);
        }
        FileChannel open = Objects.requireNonNull(channel);
        long before = fileBytes;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                open.write(buffer);
            }
            fileBytes = before + line.length;
        } catch (IOException e) {
            try {
                open.truncate(before);
                fileBytes = before;
            } catch (IOException truncation) {
                // The file may end in a partial record: rewrite it from memory before the next write.
                needsRewrite = true;
                closeChannel();
            }
            throw failure("Could not write to the delivery journal " + file, e, now);
        }
        problem = null;
        problemAt = null;
    }

    private JournalException failure(String what, IOException e, Instant now) {
        String message = what + " (" + StoredJson.describe(e) + "). Jenkins answers 503 so the host retries later;"
                + " check the disk space and permissions of the Jenkins home directory.";
        recordProblem(message, now);
        return new JournalException(message, e);
    }

    private void recordProblem(String message, Instant now) {
        problem = message;
        problemAt = now;
    }

    /** Compacts once completions take more room than pending entries, or the journal is empty again. */
    private void compactIfWorthIt() {
        boolean emptyAndGrown = pending.isEmpty() && fileBytes > COMPACT_EMPTY_ABOVE;
        if (emptyAndGrown || fileBytes > limits.maxBytes() + pendingBytes) {
            try {
                rewrite();
            } catch (JournalException e) {
                // The file is intact (the rename did not happen): keep appending to it and retry next time.
            }
        }
    }

    /** Replaces the file with the header and the pending entries only, atomically. */
    private void rewrite() throws JournalException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ObjectNode header = StoredJson.MAPPER.createObjectNode().put(TYPE, HEADER).put("version", FORMAT_VERSION)
                .put("next", nextId);
        content.writeBytes(line(header));
        long bytes = 0;
        for (Map.Entry<Long, Pending> each : pending.entrySet()) {
            byte[] line = line(addRecord(each.getValue().entry()));
            content.writeBytes(line);
            bytes += line.length;
            each.setValue(new Pending(each.getValue().entry(), line.length));
        }
        try {
            StoredJson.replace(file, content.toByteArray());
        } catch (IOException e) {
            throw failure("Could not rewrite the delivery journal " + file, e, clock.instant());
        }
        closeChannel();
        generation++;
        pendingBytes = bytes;
        fileBytes = content.size();
        needsRewrite = false;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Appends were forced when written; a completion lost here only schedules its builds once more.
            }
            channel = null;
        }
    }

    private static String join(@CheckForNull String first, String second) {
        return first == null ? second : first + "; " + second;
    }

    static ObjectNode addRecord(JournalEntry entry) {
        ObjectNode node = StoredJson.MAPPER.createObjectNode().put(TYPE, ADD).put("id", entry.id())
                .put("at", entry.acceptedAt().toString()).put("provider", entry.provider());
        RepositoryKey repository = entry.repository();
        if (repository != null) {
            node.putObject("repository").put("host", repository.host()).put("path", repository.path());
        }
        if (entry.deliveryId() != null) {
            node.put("delivery", entry.deliveryId());
        }
        // Jobs triggered by the same event share one stored copy of it.
        Map<WebhookEvent, Integer> indexes = new HashMap<>();
        ArrayNode events = node.putArray("events");
        ArrayNode dispatches = node.putArray("dispatches");
        for (WebhookResponse.Dispatch dispatch : entry.dispatches()) {
            Integer index = indexes.get(dispatch.event());
            if (index == null) {
                index = indexes.size();
                indexes.put(dispatch.event(), index);
                events.add(StoredJson.encode(dispatch.event()));
            }
            dispatches.addObject().put("job", dispatch.job()).put("event", index);
        }
        return node;
    }

    static JournalEntry readAdd(JsonNode node) {
        long id = node.path("id").asLong(0);
        String provider = node.path("provider").asText("");
        if (id < 1 || provider.isEmpty()) {
            throw new IllegalArgumentException("an entry without id or provider");
        }
        Instant at = Instant.parse(node.path("at").asText());
        JsonNode repo = node.path("repository");
        RepositoryKey repository = repo.isObject()
                ? new RepositoryKey(repo.path("host").asText(), repo.path("path").asText()) : null;
        String deliveryId = node.hasNonNull("delivery") ? node.get("delivery").asText() : null;
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode event : node.path("events")) {
            events.add(StoredJson.decode(event));
        }
        List<WebhookResponse.Dispatch> dispatches = new ArrayList<>();
        for (JsonNode dispatch : node.path("dispatches")) {
            int index = dispatch.path("event").asInt(-1);
            String job = dispatch.path("job").asText("");
            if (index < 0 || index >= events.size() || job.isEmpty()) {
                throw new IllegalArgumentException("a dispatch without job or event");
            }
            dispatches.add(new WebhookResponse.Dispatch(job, events.get(index)));
        }
        if (dispatches.isEmpty()) {
            throw new IllegalArgumentException("an entry without dispatches");
        }
        return new JournalEntry(id, at, provider, repository, deliveryId, dispatches);
    }

    /** Spells a record as one line: the CRC-32 of the JSON in 8 hex digits, a space, the JSON, a newline. */
    static byte[] line(ObjectNode record) {
        byte[] json = record.toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] prefix = String.format(Locale.ROOT, "%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[prefix.length + json.length + 1];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        System.arraycopy(json, 0, line, prefix.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** Signals a file written in a newer format, which this version must not interpret or overwrite. */
    private static final class NewerFormatException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int version;

        NewerFormatException(int version) {
            super("format " + version);
            this.version = version;
        }
    }

    /** Reads a journal file line by line, each line bounded, skipping what it cannot use. */
    private static final class Reader {
        private final long maxLine;
        private final LinkedHashMap<Long, JournalEntry> entries = new LinkedHashMap<>();
        private int torn;
        private int corrupt;
        private long nextId = 1;
        @CheckForNull
        private String problem;

        Reader(long maxLine) {
            this.maxLine = maxLine;
        }

        void read(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                boolean tooLong = false;
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    int start = 0;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] != '\n') {
                            continue;
                        }
                        tooLong = append(line, buffer, start, i - start, tooLong);
                        accept(line, tooLong, true);
                        line.reset();
                        tooLong = false;
                        start = i + 1;
                    }
                    tooLong = append(line, buffer, start, read - start, tooLong);
                }
                if (line.size() > 0 || tooLong) {
                    accept(line, tooLong, false);
                }
            }
        }

        /** Adds bytes to the line being read unless that makes it too long; returns whether it is too long. */
        private boolean append(ByteArrayOutputStream line, byte[] buffer, int start, int length, boolean tooLong) {
            if (tooLong || line.size() + (long) length > maxLine) {
                return true;
            }
            line.write(buffer, start, length);
            return false;
        }

        private void accept(ByteArrayOutputStream line, boolean tooLong, boolean terminated)
                throws NewerFormatException {
            JsonNode record = tooLong ? null : parse(line.toByteArray());
            if (record == null) {
                // Only the last line can be cut short by a crash during its write; anything else is damage.
                if (terminated) {
                    corrupt++;
                } else {
                    torn++;
                }
                return;
            }
            String type = record.path(TYPE).asText("");
            try {
                switch (type) {
                    case HEADER -> {
                        int version = record.path("version").asInt(0);
                        if (version > FORMAT_VERSION) {
                            throw new NewerFormatException(version);
                        }
                        nextId = Math.max(nextId, record.path("next").asLong(1));
                    }
                    case ADD -> {
                        JournalEntry entry = readAdd(record);
                        entries.putIfAbsent(entry.id(), entry);
                        nextId = Math.max(nextId, entry.id() + 1);
                    }
                    case DONE -> {
                        long id = record.path("id").asLong(0);
                        if (record.hasNonNull("job")) {
                            JournalEntry entry = entries.get(id);
                            if (entry != null) {
                                JournalEntry remaining = entry.without(record.get("job").asText());
                                if (remaining.dispatches().isEmpty()) {
                                    entries.remove(id);
                                } else {
                                    entries.put(id, remaining);
                                }
                            }
                        } else {
                            entries.remove(id);
                        }
                    }
                    default -> corrupt++;
                }
            } catch (RuntimeException e) {
                // A record this version cannot build (an unknown event kind, an invalid repository key).
                corrupt++;
            }
        }

        /** Returns the record if its checksum holds and it is a JSON object, else {@code null}. */
        @CheckForNull
        private static JsonNode parse(byte[] line) {
            if (line.length < 11 || line[8] != ' ') {
                return null;
            }
            long expected;
            try {
                expected = Long.parseLong(new String(line, 0, 8, StandardCharsets.US_ASCII), 16);
            } catch (NumberFormatException e) {
                return null;
            }
            CRC32 crc = new CRC32();
            crc.update(line, 9, line.length - 9);
            if (crc.getValue() != expected) {
                return null;
            }
            try {
                JsonNode node = StoredJson.MAPPER.readTree(line, 9, line.length - 9);
                return node != null && node.isObject() ? node : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
