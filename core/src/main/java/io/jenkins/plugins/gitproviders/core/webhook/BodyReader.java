package io.jenkins.plugins.gitproviders.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body up to a size limit into one array, which everything after it (signature, parsing) reads in
 * place. With a declared length ({@code Content-Length}, which every host sends) the array is allocated once at that
 * size and the body is never copied; a declared length over the limit is refused before a byte is read. Without one
 * (chunked transfer) the body is read in blocks, at most one byte beyond the limit, and joined once at the end.
 */
public final class BodyReader {
    /** Caps webhook bodies at 25 MiB, the largest delivery any host sends (GitHub); see {@link BodyLimits}. */
    public static final long MAX_BODY = BodyLimits.MAX;

    private static final int BLOCK = 64 * 1024;

    private BodyReader() {}

    /**
     * Reads a body of unknown length, which must hold at most {@code cap} bytes.
     *
     * @throws BodyTooLargeException once more than {@code cap} bytes arrived; at most {@code cap + 1} were read
     * @throws IllegalArgumentException when {@code cap} is negative or beyond what an array holds
     */
    public static byte[] read(InputStream in, long cap) throws IOException {
        return read(in, cap, -1);
    }

    /**
     * Reads a body, which must hold at most {@code cap} bytes.
     *
     * @param declaredLength the length the request declares ({@code Content-Length}), or a negative number when it
     *                       declares none
     * @throws BodyTooLargeException   when the declared length exceeds the cap (nothing was read), or, without a
     *                                 declared length, once more than {@code cap} bytes arrived
     * @throws IncompleteBodyException when the stream ends before the declared length
     */
    public static byte[] read(InputStream in, long cap, long declaredLength) throws IOException {
        if (cap < 0 || cap > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("cap must be between 0 and " + (Integer.MAX_VALUE - 16));
        }
        if (declaredLength > cap) {
            throw new BodyTooLargeException(cap);
        }
        return declaredLength >= 0 ? readDeclared(in, (int) declaredLength) : readBlocks(in, cap);
    }

    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new IncompleteBodyException(length, read);
            }
            read += n;
        }
        return body;
    }

    private static byte[] readBlocks(InputStream in, long cap) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        long total = 0;
        byte[] block = new byte[(int) Math.min(BLOCK, cap + 1)];
        int filled = 0;
        while (true) {
            if (filled == block.length) {
                blocks.add(block);
                block = new byte[(int) Math.min(BLOCK, cap + 1 - total)];
                filled = 0;
            }
            int n = in.read(block, filled, block.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            total += n;
            if (total > cap) {
                throw new BodyTooLargeException(cap);
            }
        }
        if (blocks.isEmpty() && filled == block.length) {
            return block;
        }
        byte[] body = new byte[(int) total];
        int offset = 0;
        for (byte[] full : blocks) {
            System.arraycopy(full, 0, body, offset, full.length);
            offset += full.length;
        }
        System.arraycopy(block, 0, body, offset, filled);
        return body;
    }
}
