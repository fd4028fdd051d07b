package io.jenkins.plugins.gitproviders.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;

/**
 * Carries the webhook event that started a build, as an action of the build. The webhook trigger attaches an action
 * implementing this; {@code gitProviderCheckout} without a repository reads it (with {@code Run.getAction}) to check
 * out the event's repository and exact commit.
 */
public interface GitProviderBuildEvent extends Action {
    /** Returns the name of the provider whose webhook endpoint received the event. */
    @NonNull
    String getProviderName();

    /** Returns the event, in the core's host-independent terms; {@code null} if the stored event can no longer be read. */
    @CheckForNull
    WebhookEvent getWebhookEvent();
}
