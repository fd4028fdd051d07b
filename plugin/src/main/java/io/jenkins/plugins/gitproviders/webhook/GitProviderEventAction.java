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
import io.jenkins.plugins.gitproviders.core.delivery.StoredEvents;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Carries the webhook event that started a build: it gives the build the {@code GIT_PROVIDER*} environment variables
 * and lets the checkout step build exactly the event's commit ({@link #getProviderName()}, {@link #getWebhookEvent()}).
 * Stored with the build as the core's JSON of the event. In the queue, a delivery for another change is scheduled as a build of its
 * own; the same change delivered twice is folded into the waiting build.
 */
public final class GitProviderEventAction extends InvisibleAction
        implements EnvironmentContributingAction, Queue.QueueAction, GitProviderBuildEvent {
    private final String provider;
    /** The event as the core stores it, so that every part of it (a fork's origin too) survives with the build. */
    private final String event;

    private GitProviderEventAction(String provider, WebhookEvent event) {
        this.provider = provider;
        this.event = StoredEvents.write(event);
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
        return StoredEvents.read(event).orElse(null);
    }

    /** Returns the variables this action gives the build. */
    @NonNull
    public Map<String, String> getVariables() {
        WebhookEvent event = getWebhookEvent();
        return event == null
                ? Map.of(EventEnvironment.PROVIDER, provider)
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
        WebhookEvent mine = getWebhookEvent();
        WebhookEvent theirs = other.getWebhookEvent();
        // The same change delivered through two webhooks differs in its delivery id only.
        return provider.equals(other.provider)
                && mine != null
                && theirs != null
                && mine.kind() == theirs.kind()
                && Objects.equals(mine.repository(), theirs.repository())
                && Objects.equals(mine.ref(), theirs.ref())
                && Objects.equals(mine.after(), theirs.after())
                && Objects.equals(mine.headCommit(), theirs.headCommit())
                && Objects.equals(mine.pullRequestNumber(), theirs.pullRequestNumber());
    }
}
