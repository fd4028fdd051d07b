package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Action;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Queue;
import hudson.model.Run;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Carries the webhook event that started a build: it gives the build the {@code GIT_PROVIDER*} environment variables
 * and lets the checkout step build exactly the event's commit ({@link #getProviderName()}, {@link #getWebhookEvent()}).
 * Stored with the build as plain strings. In the queue, a delivery for another change is scheduled as a build of its
 * own; the same change delivered twice is folded into the waiting build.
 */
public final class GitProviderEventAction extends InvisibleAction implements EnvironmentContributingAction,
        Queue.QueueAction, GitProviderBuildEvent {
    private final String provider;
    private final String hostType;
    private final String kind;
    @CheckForNull
    private final String repositoryHost;
    @CheckForNull
    private final String repositoryPath;
    @CheckForNull
    private final String httpsCloneUrl;
    @CheckForNull
    private final String sshCloneUrl;
    @CheckForNull
    private final String webUrl;
    @CheckForNull
    private final String ref;
    @CheckForNull
    private final String before;
    @CheckForNull
    private final String after;
    @CheckForNull
    private final Integer pullRequest;
    @CheckForNull
    private final String sourceBranch;
    @CheckForNull
    private final String targetBranch;
    @CheckForNull
    private final String headCommit;
    @CheckForNull
    private final String sender;
    @CheckForNull
    private final String deliveryId;

    private GitProviderEventAction(String provider, WebhookEvent event) {
        this.provider = provider;
        this.hostType = event.hostType().name();
        this.kind = event.kind().name();
        RepositoryInfo repository = event.repository();
        this.repositoryHost = repository == null ? null : repository.host();
        this.repositoryPath = repository == null ? null : repository.fullPath();
        this.httpsCloneUrl = repository == null ? null : repository.httpsCloneUrl();
        this.sshCloneUrl = repository == null ? null : repository.sshCloneUrl();
        this.webUrl = repository == null ? null : repository.webUrl();
        this.ref = event.ref();
        this.before = event.before();
        this.after = event.after();
        this.pullRequest = event.pullRequestNumber();
        this.sourceBranch = event.sourceBranch();
        this.targetBranch = event.targetBranch();
        this.headCommit = event.headCommit();
        this.sender = event.sender();
        this.deliveryId = event.deliveryId();
    }

    /** Records the event a build is scheduled for, received through the named provider. */
    @NonNull
    public static GitProviderEventAction of(@NonNull String provider, @NonNull WebhookEvent event) {
        return new GitProviderEventAction(provider, event);
    }

    /** Returns the name of the provider that received the delivery, as configured in Jenkins. */
    @NonNull
    @Override
    public String getProviderName() {
        return provider;
    }

    /**
     * Returns the event, rebuilt from what the build stored; {@code null} only if it was stored by a version that knew
     * a host type or event kind this one does not.
     */
    @CheckForNull
    @Override
    public WebhookEvent getWebhookEvent() {
        try {
            RepositoryInfo repository = repositoryHost == null || repositoryPath == null ? null
                    : new RepositoryInfo(repositoryHost, repositoryPath, httpsCloneUrl, sshCloneUrl, webUrl);
            return new WebhookEvent(ProviderType.valueOf(hostType), EventKind.valueOf(kind), repository, ref, before,
                    after, pullRequest, sourceBranch, targetBranch, headCommit, sender, deliveryId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** Returns the variables this action gives the build. */
    @NonNull
    public Map<String, String> getVariables() {
        WebhookEvent event = getWebhookEvent();
        return event == null ? Map.of(EventEnvironment.PROVIDER, provider)
                : EventEnvironment.variables(provider, event);
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.putAll(getVariables());
    }

    /** Schedules a separate build unless the other scheduling carries the same change. */
    @Override
    public boolean shouldSchedule(List<Action> actions) {
        for (GitProviderEventAction other : Util.filter(actions, GitProviderEventAction.class)) {
            if (sameChange(other)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameChange(GitProviderEventAction other) {
        return provider.equals(other.provider) && kind.equals(other.kind)
                && Objects.equals(repositoryHost, other.repositoryHost)
                && Objects.equals(repositoryPath, other.repositoryPath) && Objects.equals(ref, other.ref)
                && Objects.equals(after, other.after) && Objects.equals(headCommit, other.headCommit)
                && Objects.equals(pullRequest, other.pullRequest);
    }
}
