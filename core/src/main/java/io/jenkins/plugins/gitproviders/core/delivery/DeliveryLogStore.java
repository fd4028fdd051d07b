package io.jenkins.plugins.gitproviders.core.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryLog;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the recent-deliveries list across restarts in one JSON file: only what the deliveries page shows (time,
 * status, provider, event, repository, ref, jobs, reasons, message), with texts cut to
 * {@value #MAX_MESSAGE} / {@value #MAX_NAME} characters, at most {@code maxEntries} records and {@code maxBytes}
 * bytes (the newest are kept). The file is replaced atomically; a missing, damaged or oversized file is reported and
 * read as an empty list, never a reason not to start.
 *
 * <p>Format: {@code {"version":1,"deliveries":[{"at":"...","status":202,"provider":"...","event":"BRANCH_PUSH",
 * "repository":"host/owner/repo","ref":"refs/heads/main","triggered":["job"],"skipped":[{"job":"...",
 * "reason":"..."}],"omitted":0,"message":"..."}]}}, newest first.
 */
public final class DeliveryLogStore {
    /** The file's name in the Jenkins home directory. */
    public static final String FILE_NAME = "git-providers-deliveries.json";
    /** The default byte limit: 100 deliveries of the page's size fit several times over. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;
    /** The longest message kept, in characters. */
    public static final int MAX_MESSAGE = 1000;
    /** The longest name, ref or reason kept, in characters. */
    public static final int MAX_NAME = 512;
    static final int FORMAT_VERSION = 1;

    private final Path file;
    private final int maxEntries;
    private final long maxBytes;

    /** Keeps {@link DeliveryLog#DEFAULT_CAPACITY} deliveries in at most {@link #DEFAULT_MAX_BYTES} bytes. */
    public DeliveryLogStore(Path file) {
        this(file, DeliveryLog.DEFAULT_CAPACITY, DEFAULT_MAX_BYTES);
    }

    /**
     * Keeps at most {@code maxEntries} deliveries in at most {@code maxBytes} bytes.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public DeliveryLogStore(Path file, int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1024) {
            throw new IllegalArgumentException("The deliveries log needs room for one entry and 1024 bytes, not "
                    + maxEntries + " entries and " + maxBytes + " bytes");
        }
        this.file = Objects.requireNonNull(file, "file");
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * What was read back.
     *
     * @param records the deliveries, newest first
     * @param skipped records that could not be read and were left out
     * @param problem what went wrong in words, for the deliveries page; {@code null} when all was read
     */
    public record Loaded(List<DeliveryRecord> records, int skipped, @CheckForNull String problem) {
        public Loaded {
            records = List.copyOf(records);
        }
    }

    /**
     * Writes the records, newest first, cut to the limits; the oldest are left out when the limits are reached.
     *
     * @return the number of records written
     * @throws IOException when the file cannot be written; the previous file is left as it was
     */
    public int save(List<DeliveryRecord> newestFirst) throws IOException {
        ObjectNode root = StoredJson.MAPPER.createObjectNode().put("version", FORMAT_VERSION);
        ArrayNode deliveries = root.putArray("deliveries");
        long bytes = root.toString().length();
        for (DeliveryRecord record : newestFirst) {
            if (deliveries.size() == maxEntries) {
                break;
            }
            ObjectNode node = encode(record);
            long size = node.toString().getBytes(StandardCharsets.UTF_8).length + 1L;
            if (bytes + size > maxBytes) {
                break;
            }
            deliveries.add(node);
            bytes += size;
        }
        StoredJson.replace(file, StoredJson.MAPPER.writeValueAsBytes(root));
        return deliveries.size();
    }

    /** Saves a delivery log's records (see {@link #save(List)}). */
    public int save(DeliveryLog log) throws IOException {
        return save(log.newestFirst());
    }

    /** Reads the records back, newest first; never fails: a problem is reported in the result. */
    public Loaded load() {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > 2 * maxBytes) {
                return new Loaded(List.of(), 0, "The saved deliveries log " + file + " is " + size + " bytes, more"
                        + " than this version writes; it was not read and the list starts empty");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(List.of(), 0, null);
        } catch (IOException e) {
            return new Loaded(List.of(), 0, "Could not read the saved deliveries log " + file + " ("
                    + StoredJson.describe(e) + "); the list starts empty");
        }
        JsonNode root;
        try {
            root = StoredJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return new Loaded(List.of(), 0, "The saved deliveries log " + file + " is damaged (not JSON); the list"
                    + " starts empty and the file is replaced at the next save");
        }
        if (root == null || !root.path("deliveries").isArray()) {
            return new Loaded(List.of(), 0, "The saved deliveries log " + file + " is damaged (no deliveries list);"
                    + " the list starts empty and the file is replaced at the next save");
        }
        List<DeliveryRecord> records = new ArrayList<>();
        int skipped = 0;
        for (JsonNode node : root.get("deliveries")) {
            if (records.size() == maxEntries) {
                break;
            }
            try {
                records.add(decode(node));
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        return new Loaded(records, skipped, skipped == 0 ? null : skipped + " damaged record(s) of the saved"
                + " deliveries log " + file + " were left out");
    }

    /** Reads the records back into a log, oldest first so the log keeps their order. */
    public Loaded restoreInto(DeliveryLog log) {
        Loaded loaded = load();
        List<DeliveryRecord> records = loaded.records();
        for (int i = records.size() - 1; i >= 0; i--) {
            log.add(records.get(i));
        }
        return loaded;
    }

    static ObjectNode encode(DeliveryRecord record) {
        ObjectNode node = StoredJson.MAPPER.createObjectNode().put("at", record.receivedAt().toString())
                .put("status", record.status());
        putCut(node, "provider", record.provider());
        putCut(node, "event", record.event());
        putCut(node, "repository", record.repository());
        putCut(node, "ref", record.ref());
        ArrayNode triggered = node.putArray("triggered");
        record.triggered().stream().limit(DeliveryRecord.MAX_JOBS).forEach(job -> triggered.add(cut(job, MAX_NAME)));
        ArrayNode skipped = node.putArray("skipped");
        record.skipped().stream().limit(DeliveryRecord.MAX_JOBS).forEach(skip -> skipped.addObject()
                .put("job", cut(skip.job(), MAX_NAME)).put("reason", cut(skip.reason(), MAX_NAME)));
        int omitted = record.omittedJobs() + Math.max(0, record.triggered().size() - DeliveryRecord.MAX_JOBS)
                + Math.max(0, record.skipped().size() - DeliveryRecord.MAX_JOBS);
        node.put("omitted", omitted);
        node.put("message", cut(record.message(), MAX_MESSAGE));
        return node;
    }

    static DeliveryRecord decode(JsonNode node) {
        int status = node.path("status").asInt(0);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("no HTTP status");
        }
        List<String> triggered = new ArrayList<>();
        for (JsonNode job : node.path("triggered")) {
            if (triggered.size() < DeliveryRecord.MAX_JOBS && job.isTextual()) {
                triggered.add(cut(job.asText(), MAX_NAME));
            }
        }
        List<RoutingResult.Skip> skipped = new ArrayList<>();
        for (JsonNode skip : node.path("skipped")) {
            if (skipped.size() < DeliveryRecord.MAX_JOBS && skip.path("job").isTextual()) {
                skipped.add(new RoutingResult.Skip(cut(skip.get("job").asText(), MAX_NAME),
                        cut(skip.path("reason").asText(""), MAX_NAME)));
            }
        }
        return new DeliveryRecord(Instant.parse(node.path("at").asText()), status, text(node, "provider"),
                text(node, "event"), text(node, "repository"), text(node, "ref"), triggered, skipped,
                Math.max(0, node.path("omitted").asInt(0)),
                Objects.requireNonNullElse(cut(node.path("message").asText(""), MAX_MESSAGE), ""));
    }

    @CheckForNull
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : cut(value.asText(), MAX_NAME);
    }

    private static void putCut(ObjectNode node, String field, @CheckForNull String value) {
        if (value != null) {
            node.put(field, cut(value, MAX_NAME));
        }
    }

    /** Cuts a text to a length, marking the cut; never splits a surrogate pair. */
    @CheckForNull
    static String cut(@CheckForNull String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "\u2026";
    }
}
