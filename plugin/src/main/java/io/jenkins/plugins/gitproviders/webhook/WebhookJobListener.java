package io.jenkins.plugins.gitproviders.webhook;

import hudson.Extension;
import hudson.XmlFile;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Saveable;
import hudson.model.listeners.ItemListener;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.gitproviders.access.FolderProviderRules;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import jenkins.util.Timer;

/**
 * Keeps the webhook index current as jobs are created, copied, changed, renamed, moved and deleted. Trigger
 * {@code start}/{@code stop} cover configuration through the form and Pipeline {@code properties}; these events cover
 * the rest (configuration posted as XML or changed by code, renames, folder moves and deletions).
 */
@Extension
public class WebhookJobListener extends ItemListener {
    @Override
    public void onCreated(Item item) {
        if (item instanceof Job<?, ?> job) {
            WebhookJobs.get().refresh(job);
        }
    }

    @Override
    public void onCopied(Item src, Item item) {
        onCreated(item);
    }

    @Override
    public void onUpdated(Item item) {
        onCreated(item);
    }

    @Override
    public void onDeleted(Item item) {
        WebhookJobs.get().forget(item.getFullName());
    }

    @Override
    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
        // Called for the moved item and again for each item below it, so one job moves at a time.
        if (item instanceof Job<?, ?> job) {
            WebhookJobs.get().move(oldFullName, newFullName);
            // Its new folders may list other providers.
            WebhookJobs.get().refresh(job);
        }
    }

    /**
     * Re-reads a job's trigger whenever the job is saved (also when code changes it without the form, such as
     * {@code addTrigger}), and every trigger when the providers or a folder's Git providers change: a renamed
     * provider, a new server address or a new limit changes routing.
     */
    @Extension
    public static class ConfigurationSaved extends SaveableListener {
        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof Job<?, ?> job) {
                WebhookJobs.get().refresh(job);
            } else if (o instanceof GitProvidersConfiguration || o instanceof FolderProviderRules) {
                // A folder's Git providers change which providers the jobs inside may use.
                Timer.get().submit(() -> WebhookJobs.get().rebuild());
            }
        }
    }
}
