package io.jenkins.plugins.gitproviders.status;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.QueueListener;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;

/**
 * Reports webhook builds as pending the moment they enter the queue, and as aborted when they are cancelled there.
 * Called with the queue's lock held: it only looks at the item's actions and hands the status to
 * {@link BuildStatus}, which sends it on its own threads.
 */
@Extension
public final class WebhookQueueListener extends QueueListener {
    @Override
    public void onEnterWaiting(Queue.WaitingItem item) {
        GitProviderBuildEvent event = item.getAction(GitProviderBuildEvent.class);
        if (event != null && item.task instanceof Job<?, ?> job) {
            BuildStatus.get().queued(item, job, event);
        }
    }

    @Override
    public void onLeft(Queue.LeftItem item) {
        if (item.isCancelled()) {
            BuildStatus.get().cancelled(item);
        }
    }
}
