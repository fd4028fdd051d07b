package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;

/**
 * Builds the context of a status: the name under which a host keeps one status per commit (GitHub and Gitea
 * {@code context}, GitLab {@code name}, Bitbucket {@code key}, Azure DevOps {@code context.genre/name}). A later status
 * with the same context replaces the earlier one, so the context must differ between the jobs and the Jenkins
 * controllers that build one commit: it is {@code <prefix>/<job full name>}, the prefix being the provider's status
 * context prefix or {@value #DEFAULT_PREFIX}, and a job may replace its full name by a name of its own.
 */
public final class StatusContext {
    /** The prefix when the provider sets none. */
    public static final String DEFAULT_PREFIX = "jenkins";
    /** The longest context sent; Bitbucket Data Center limits its build keys and names to 255 characters. */
    public static final int MAX_LENGTH = 255;

    private StatusContext() {}

    /**
     * Returns the context of a build: {@code <prefix>/<name>}.
     *
     * @param provider    the provider the status goes to; its status context prefix, if set, replaces
     *                    {@value #DEFAULT_PREFIX}
     * @param jobFullName the full name of the job ({@code folder/job}), the name unless the job sets its own
     * @param jobContext  the job's own name for its status (a trigger or step option), or {@code null}
     * @throws IllegalArgumentException when the name is empty
     */
    public static String forBuild(ProviderSpec provider, String jobFullName, @CheckForNull String jobContext) {
        String prefix = trimSlashes(StatusTexts.oneLine(provider.statusContextPrefix() == null ? DEFAULT_PREFIX
                : provider.statusContextPrefix()));
        String name = trimSlashes(StatusTexts.oneLine(jobContext == null || jobContext.isBlank() ? jobFullName
                : jobContext));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The status context needs a name: the job's full name is empty.");
        }
        return of(prefix.isEmpty() ? name : prefix + "/" + name);
    }

    /**
     * Returns the context of a stage's own status ({@code gitProviderStatus context: 'lint'}): the build's context,
     * {@code /} and the stage's name, so that stages of different jobs do not replace each other's status.
     */
    public static String forStage(String buildContext, String stage) {
        String name = trimSlashes(StatusTexts.oneLine(stage));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The status context of the step is empty.");
        }
        return of(buildContext + "/" + name);
    }

    /**
     * Cleans a context given as is: one line without control characters, at most {@value #MAX_LENGTH} characters (a
     * longer one keeps its start and gets a short digest of the whole, so it stays unique and stable).
     *
     * @throws IllegalArgumentException when nothing is left
     */
    public static String of(String context) {
        String clean = StatusTexts.oneLine(context);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("The status context is empty.");
        }
        return StatusTexts.bounded(clean, MAX_LENGTH);
    }

    /**
     * Shortens a context to a host's key limit (Bitbucket Cloud: 40 characters), keeping it unique and stable: the
     * same context always gives the same key, and two contexts that differ give different keys.
     */
    public static String key(String context, int maxLength) {
        return StatusTexts.bounded(context, maxLength);
    }

    private static String trimSlashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(start, end).strip();
    }
}
