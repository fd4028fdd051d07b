package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Holds what the remote answered when asked about refs ({@code git ls-remote --symref <url> HEAD <refs>}).
 *
 * @param head the ref the remote's {@code HEAD} points to ({@code refs/heads/main}), or {@code null} if it has none
 * @param refs the full names of the refs that exist on the remote
 */
public record RemoteRefs(@CheckForNull String head, Set<String> refs) {
    /** Bounds the answer read; a lookup asks for at most a few refs. */
    static final int MAX_LINES = 10_000;

    public RemoteRefs {
        refs = Set.copyOf(refs);
    }

    /**
     * Reads the output of {@code git ls-remote --symref}: lines {@code ref: refs/heads/main<TAB>HEAD} and
     * {@code <id><TAB><ref>}.
     */
    public static RemoteRefs fromLsRemote(String output) {
        String head = null;
        Set<String> refs = new LinkedHashSet<>();
        String[] lines = output.split("\n", MAX_LINES + 1);
        for (int i = 0; i < lines.length && i < MAX_LINES; i++) {
            String[] fields = lines[i].strip().split("\t");
            if (fields.length != 2) {
                continue;
            }
            if (fields[0].startsWith("ref: ") && fields[1].equals("HEAD")) {
                head = fields[0].substring("ref: ".length()).strip();
            } else {
                refs.add(fields[1]);
            }
        }
        return new RemoteRefs(head, refs);
    }
}
