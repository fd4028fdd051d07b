package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Describes an event to a build: the environment variables a triggered build gets and the short texts of its cause.
 * Variables whose value the event does not tell are left out rather than set empty, so a Pipeline can test
 * {@code env.GIT_PROVIDER_PR != null}.
 *
 * <ul>
 *   <li>{@code GIT_PROVIDER}: the provider's name, as configured in Jenkins</li>
 *   <li>{@code GIT_PROVIDER_EVENT}: the event kind ({@code BRANCH_PUSH}, {@code TAG_PUSH},
 *       {@code PULL_REQUEST_OPENED}...)</li>
 *   <li>{@code GIT_PROVIDER_REPOSITORY}: the repository's path on its host, as the host spells it
 *       ({@code owner/name}, {@code group/sub/project}, {@code org/project/repo} on Azure DevOps)</li>
 *   <li>{@code GIT_PROVIDER_REF}: the full ref ({@code refs/heads/main}, {@code refs/tags/v1}); for a pull request,
 *       the host's pull request ref ({@code refs/pull/12/head}, {@code refs/merge-requests/12/head},
 *       {@code refs/pull-requests/12/from}, Azure DevOps {@code refs/pull/12/merge}), which holds the pull request's
 *       commits also when they come from a fork; on Bitbucket Cloud, which publishes no such ref, the source branch
 *       for a pull request from the repository itself and nothing for one from a fork</li>
 *   <li>{@code GIT_PROVIDER_COMMIT}: the commit to build (the pushed head, or the pull request's head); absent for
 *       deletions</li>
 *   <li>{@code GIT_PROVIDER_PR}: the pull or merge request number, for pull request events</li>
 *   <li>{@code GIT_PROVIDER_SOURCE_BRANCH}, {@code GIT_PROVIDER_TARGET_BRANCH}: a pull request's source branch (in
 *       its source repository, which may be a fork) and target branch, short names</li>
 *   <li>{@code GIT_PROVIDER_PR_FROM_FORK}: {@code true} when a pull request comes from another repository than its
 *       target, else {@code false}; set for pull request events whose origin the delivery tells</li>
 * </ul>
 */
public final class EventEnvironment {
    public static final String PROVIDER = "GIT_PROVIDER";
    public static final String EVENT = "GIT_PROVIDER_EVENT";
    public static final String REPOSITORY = "GIT_PROVIDER_REPOSITORY";
    public static final String REF = "GIT_PROVIDER_REF";
    public static final String COMMIT = "GIT_PROVIDER_COMMIT";
    public static final String PULL_REQUEST = "GIT_PROVIDER_PR";
    public static final String SOURCE_BRANCH = "GIT_PROVIDER_SOURCE_BRANCH";
    public static final String TARGET_BRANCH = "GIT_PROVIDER_TARGET_BRANCH";
    public static final String PULL_REQUEST_FROM_FORK = "GIT_PROVIDER_PR_FROM_FORK";

    /** Digits of a commit shown in causes, as {@code git log --oneline} shows them by default. */
    static final int SHORT_COMMIT = 7;

    private EventEnvironment() {}

    /** Returns the variables of a build triggered by the event, in a stable order. */
    public static Map<String, String> variables(String providerName, WebhookEvent event) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(PROVIDER, providerName);
        variables.put(EVENT, event.kind().name());
        event.repositoryInfo().ifPresent(repository -> variables.put(REPOSITORY, repository.fullPath()));
        if (event.ref() != null) {
            variables.put(REF, event.ref());
        }
        commit(event).ifPresent(commit -> variables.put(COMMIT, commit));
        if (event.pullRequestNumber() != null) {
            variables.put(PULL_REQUEST, Integer.toString(event.pullRequestNumber()));
        }
        if (event.kind().isPullRequest()) {
            if (event.sourceBranch() != null) {
                variables.put(SOURCE_BRANCH, event.sourceBranch());
            }
            if (event.targetBranch() != null) {
                variables.put(TARGET_BRANCH, event.targetBranch());
            }
            if (event.pullRequestSource() != null) {
                variables.put(PULL_REQUEST_FROM_FORK, Boolean.toString(event.pullRequestSource().fork()));
            }
        }
        return Collections.unmodifiableMap(variables);
    }

    /** Returns the commit to build: the head commit, else the new commit of a push unless it is all zeros. */
    public static Optional<String> commit(WebhookEvent event) {
        if (event.headCommit() != null && !isZero(event.headCommit())) {
            return Optional.of(event.headCommit());
        }
        if (event.after() != null && !isZero(event.after())) {
            return Optional.of(event.after());
        }
        return Optional.empty();
    }

    /** Returns the first digits of a commit, as people quote it. */
    public static String shortCommit(String commit) {
        return commit.length() <= SHORT_COMMIT ? commit : commit.substring(0, SHORT_COMMIT);
    }

    /** Returns the event kind in words: {@code PULL_REQUEST_OPENED} becomes "pull request opened". */
    public static String describe(EventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Returns the repository and ref in one short text ({@code owner/name refs/heads/main}), for a cause. */
    public static String where(WebhookEvent event) {
        String repository = event.repositoryInfo().map(RepositoryInfo::fullPath).orElse("?");
        String ref = event.shortRef().orElse(null);
        if (event.kind().isPullRequest() && event.pullRequestNumber() != null) {
            return repository + " #" + event.pullRequestNumber();
        }
        return ref == null ? repository : repository + " " + ref;
    }

    private static boolean isZero(@CheckForNull String commit) {
        return commit != null && !commit.isEmpty() && commit.chars().allMatch(c -> c == '0');
    }
}
