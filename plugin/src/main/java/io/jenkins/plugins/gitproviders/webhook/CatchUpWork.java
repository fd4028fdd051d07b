package io.jenkins.plugins.gitproviders.webhook;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import java.util.concurrent.TimeUnit;
import jenkins.util.SystemProperties;

/**
 * Catches up on pushes missed while no delivery reached Jenkins (during startup every delivery is answered 503, and
 * GitHub never retries): a minute after startup, then every {@value #DEFAULT_PERIOD_MINUTES} minutes (system property
 * {@code io.jenkins.plugins.gitproviders.webhook.CatchUpWork.periodMinutes}), it compares every watched repository
 * with its host through {@code git ls-remote} and triggers what changed, as a push would (see
 * {@link WebhookDeliveries#catchUp}). Its log is under {@code $JENKINS_HOME/logs/tasks}; its outcome is on the Git
 * Providers page.
 */
@Extension
public final class CatchUpWork extends AsyncPeriodicWork {
    static final long DEFAULT_PERIOD_MINUTES = 15;

    public CatchUpWork() {
        super("Git Providers webhook catch-up");
    }

    @Override
    public long getRecurrencePeriod() {
        long minutes = SystemProperties.getLong(CatchUpWork.class.getName() + ".periodMinutes", DEFAULT_PERIOD_MINUTES);
        return TimeUnit.MINUTES.toMillis(Math.max(1, minutes));
    }

    /** The first run comes soon after startup, which is when deliveries were answered 503. */
    @Override
    public long getInitialDelay() {
        return TimeUnit.MINUTES.toMillis(1);
    }

    @Override
    protected void execute(TaskListener listener) {
        WebhookDeliveries.CatchUpRun run = WebhookDeliveries.get().catchUp(new GitRefSource());
        listener.getLogger()
                .printf(
                        "Compared %d repositories (%d got their first baseline); triggered %d jobs%n",
                        run.repositories(), run.baselined(), run.triggered());
        run.problems().forEach(listener.getLogger()::println);
    }
}
