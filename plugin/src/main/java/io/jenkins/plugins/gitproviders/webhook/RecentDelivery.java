package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Job;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * One recent webhook delivery as the Git Providers page shows it to the current user: jobs the user cannot read are
 * counted, not named.
 */
public final class RecentDelivery {
    private final DeliveryRecord record;
    private final List<Job<?, ?>> triggeredJobs = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private int hiddenJobs;

    private RecentDelivery(DeliveryRecord record) {
        this.record = record;
        Jenkins jenkins = Jenkins.get();
        for (String name : record.triggered()) {
            Job<?, ?> job = jenkins.getItemByFullName(name, Job.class);
            if (job == null) {
                hiddenJobs++;
            } else {
                triggeredJobs.add(job);
            }
        }
        for (RoutingResult.Skip skip : record.skipped()) {
            if (jenkins.getItemByFullName(skip.job(), Job.class) == null) {
                hiddenJobs++;
            } else {
                skipped.add(Messages.RecentDelivery_Skipped(skip.job(), skip.reason()));
            }
        }
    }

    /** Returns the recent deliveries, newest first, as the current user may see them. */
    @NonNull
    public static List<RecentDelivery> forCurrentUser() {
        return WebhookJobs.get().recentDeliveries().stream()
                .map(RecentDelivery::new)
                .toList();
    }

    /** Returns the last requests refused before verification, newest first: they name no job. */
    @NonNull
    public static List<RecentDelivery> refusedForCurrentUser() {
        return WebhookJobs.get().refusedDeliveries().stream()
                .map(RecentDelivery::new)
                .toList();
    }

    /** Returns when the delivery arrived, in UTC to the second. */
    @NonNull
    public String getTime() {
        return record.receivedAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Returns how long ago the delivery arrived, in words. */
    @NonNull
    public String getAgo() {
        return Util.getTimeSpanString(
                Math.max(0, Instant.now().toEpochMilli() - record.receivedAt().toEpochMilli()));
    }

    @CheckForNull
    public String getProvider() {
        return record.provider();
    }

    @CheckForNull
    public String getEvent() {
        return record.event();
    }

    @CheckForNull
    public String getRepository() {
        return record.repository();
    }

    @CheckForNull
    public String getRef() {
        return record.ref();
    }

    public int getStatus() {
        return record.status();
    }

    public boolean isSuccessful() {
        return record.successful();
    }

    /** Tells whether any job was triggered (also jobs the user cannot see). */
    public boolean isTriggeredAny() {
        return record.triggeredAny();
    }

    /** Returns the triggered jobs the user can see. */
    @NonNull
    public List<Job<?, ?>> getTriggeredJobs() {
        return triggeredJobs;
    }

    /** Returns the jobs that watch the repository but were not triggered, with the reason, as "job: reason". */
    @NonNull
    public List<String> getSkipped() {
        return skipped;
    }

    /** Returns the number of jobs left out: those the user cannot see and those beyond the record's limit. */
    public int getHiddenJobs() {
        return hiddenJobs + record.omittedJobs();
    }

    /** Returns what Jenkins answered: the reason when nothing was triggered. */
    @NonNull
    public String getMessage() {
        return record.message();
    }
}
