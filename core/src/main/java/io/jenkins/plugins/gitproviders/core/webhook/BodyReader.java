package io.jenkins.plugins.gitproviders.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body up to a size limit. It reads at most one byte beyond the limit, so an oversized body is
 * refused without being buffered.
 */
public final class BodyReader {
    /** Caps webhook bodies at 25 MiB, the largest delivery GitHub sends. */
    public static final long MAX_BODY = 25L * 1024 * 1024;

    private static final int CHUNK = 16 * 1024;

    private BodyReader() {}

    /**
     * Reads the whole stream, which must hold at most {@code cap} bytes.
     *
     * @throws BodyTooLargeException once more than {@code cap} bytes arrived; at most {@code cap + 1} were read
     * @throws IllegalArgumentException when {@code cap} is negative or beyond what an array holds
     */
    public static byte[] read(InputStream in, long cap) throws IOException {
        if (cap < 0 || cap > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("cap must be between 0 and " + (Integer.MAX_VALUE - 16));
        }
        byte[] buffer = new byte[(int) Math.min(CHUNK, cap + 1)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > cap) {
                    throw new BodyTooLargeException(cap);
                }
                // Grow geometrically, never past cap + 1: that one extra byte proves the body is too large.
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, cap + 1));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            }
            length += read;
            if (length > cap) {
                throw new BodyTooLargeException(cap);
            }
        }
    }
}
