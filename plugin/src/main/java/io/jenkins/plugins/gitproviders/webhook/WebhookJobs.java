package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitproviders.access.ProviderAccess;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.ProviderCredentials;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.routing.Subscription;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryLog;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryRecord;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Owns the webhook state of this Jenkins: the core job index (which job watches which repository), the memory of
 * processed deliveries and the list of recent deliveries. Keeps the index current as triggers start and stop and as
 * jobs are renamed, moved or deleted, and builds the core handler for each delivery; {@link WebhookDeliveries} keeps and
 * schedules the builds it asks for.
 */
@Extension
public final class WebhookJobs {
    private static final Logger LOGGER = Logger.getLogger(WebhookJobs.class.getName());

    private final JobIndex index = new JobIndex();
    private final DeliveryDeduplicator deduplicator = new DeliveryDeduplicator();
    private final DeliveryLog deliveries = new DeliveryLog();
    private final AtomicLong logVersion = new AtomicLong();
    /** Every job with a trigger, indexed or not (its values may be unusable), to the provider it names ("" = any). */
    private final Map<String, String> triggers = new ConcurrentHashMap<>();

    /** Returns the singleton. */
    @NonNull
    public static WebhookJobs get() {
        return ExtensionList.lookupSingleton(WebhookJobs.class);
    }

    /** Indexes every job once all are loaded, catching any whose trigger started before the providers were known. */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void indexAllJobs() {
        get().rebuild();
    }

    /**
     * Returns a handler over the providers as configured now; cheap, so each delivery gets a fresh snapshot. Accepted
     * dispatches go to {@link WebhookDeliveries}, which journals them before the answer and then schedules them.
     */
    WebhookHandler handler() {
        return new WebhookHandler(
                providers(), WebhookJobs::secretsOf, index, deduplicator, Clock.systemUTC(), WebhookDeliveries.get());
    }

    /** Returns the saved providers, as the core registry holds them (converted once per save, not per delivery). */
    static List<ProviderSpec> providers() {
        return GitProvidersConfiguration.get().registry().providers();
    }

    /** Resolves a provider's webhook secrets as SYSTEM; they go to the core verifier only, never to a log. */
    private static List<byte[]> secretsOf(ProviderSpec provider) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return ProviderCredentials.webhookSecrets(provider);
        }
    }

    /**
     * Subscribes a job through its trigger, replacing what it watched before; an unusable trigger watches nothing.
     * Providers the job may not use (their allowed jobs, or its folders' lists) never trigger it.
     */
    void index(Job<?, ?> job, GitProviderTrigger trigger) {
        index(job, trigger, providers());
    }

    private synchronized void index(Job<?, ?> job, GitProviderTrigger trigger, List<ProviderSpec> providers) {
        String jobName = job.getFullName();
        triggers.put(jobName, trigger.getProvider() == null ? "" : trigger.getProvider());
        try {
            Subscription subscription = trigger.toSpec()
                    .toSubscription(jobName, providers)
                    .withDeniedProviders(ProviderAccess.denied(job, providers));
            index.putAll(jobName, List.of(subscription));
        } catch (IllegalArgumentException e) {
            index.remove(jobName);
            LOGGER.log(
                    Level.WARNING,
                    "Job {0} is not triggered by webhooks until its Git Providers trigger is fixed:" + " {1}",
                    new Object[] {jobName, e.getMessage()});
        }
    }

    /** Reads a job's trigger again, after it was created, copied or changed. */
    void refresh(Job<?, ?> job) {
        GitProviderTrigger trigger = ParameterizedJobMixIn.getTrigger(job, GitProviderTrigger.class);
        if (trigger == null) {
            forget(job.getFullName());
        } else {
            index(job, trigger);
        }
    }

    /** Forgets a job, and every job below it when it is a folder. */
    synchronized void forget(String fullName) {
        String below = fullName + "/";
        for (String name : List.copyOf(triggers.keySet())) {
            if (name.equals(fullName) || name.startsWith(below)) {
                triggers.remove(name);
                index.remove(name);
            }
        }
        index.remove(fullName);
    }

    /** Follows a job to its new full name (renamed, or moved with its folder). */
    synchronized void move(String oldFullName, String newFullName) {
        String provider = triggers.remove(oldFullName);
        if (provider != null) {
            triggers.put(newFullName, provider);
        }
        index.rename(oldFullName, newFullName);
    }

    /**
     * Re-reads every job's trigger: at startup and when the providers change (names and hosts resolve anew). Changes
     * of single jobs wait for it (one lock), so that a trigger started meanwhile is not dropped as unseen.
     */
    synchronized void rebuild() {
        Set<String> seen = new HashSet<>();
        // One conversion of the providers for the whole pass, not one per job.
        List<ProviderSpec> providers = providers();
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                GitProviderTrigger trigger = ParameterizedJobMixIn.getTrigger(job, GitProviderTrigger.class);
                if (trigger != null) {
                    seen.add(job.getFullName());
                    index(job, trigger, providers);
                }
            }
        }
        for (String name : List.copyOf(triggers.keySet())) {
            if (!seen.contains(name)) {
                triggers.remove(name);
                index.remove(name);
            }
        }
    }

    /** Returns the full names of the jobs whose trigger names the provider, ignoring case. */
    List<String> jobsNaming(String providerName) {
        String key = ProviderSpec.nameKey(providerName);
        return triggers.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty()
                        && ProviderSpec.nameKey(entry.getValue()).equals(key))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Returns the number of jobs the index routes to. */
    int indexedJobCount() {
        return index.jobCount();
    }

    /** Returns every job's subscriptions, for catching up. */
    List<Subscription> subscriptions() {
        return index.subscriptions();
    }

    /** Remembers the answer for the Git Providers page. */
    void record(WebhookResponse response) {
        deliveries.record(response);
        logVersion.incrementAndGet();
    }

    /** Returns the list of recent deliveries, to save and restore it. */
    DeliveryLog deliveryLog() {
        return deliveries;
    }

    /** Returns a number that changes whenever a delivery is recorded, so that the list is saved only when it changed. */
    long deliveryLogVersion() {
        return logVersion.get();
    }

    /** Returns the recent verified deliveries, newest first. */
    @NonNull
    public List<DeliveryRecord> recentDeliveries() {
        return deliveries.newestFirst();
    }

    /** Returns the last requests refused before verification, newest first. */
    @NonNull
    public List<DeliveryRecord> refusedDeliveries() {
        return deliveries.refusedNewestFirst();
    }

    /** Returns how many requests were refused before verification since Jenkins started. */
    public long refusedCount() {
        return deliveries.refusedCount();
    }
}
