package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.ItemListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.gitproviders.config.GitProviderUsage;
import io.jenkins.plugins.gitproviders.core.registry.UsageLedger;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

/**
 * Reports the jobs whose builds use a provider through {@code gitProviderCheckout} or {@code gitProvider}, so that
 * deleting that provider is refused. The core's {@link UsageLedger} decides; this class feeds it from the steps and
 * build and item events, and keeps it in {@code $JENKINS_HOME/io.jenkins.plugins.gitproviders.usage.xml}. Asking costs
 * a look-up: no build is loaded, and nothing here takes a lock a Pipeline thread could wait on.
 */
@Extension
public final class UsageRecords implements GitProviderUsage {
    private static final Logger LOGGER = Logger.getLogger(UsageRecords.class.getName());

    private final UsageLedger ledger = new UsageLedger();
    private final AtomicBoolean savePending = new AtomicBoolean();

    public UsageRecords() {
        XmlFile file = file();
        if (file.exists()) {
            try {
                ledger.restore(((Saved) file.read()).jobs);
            } catch (IOException | RuntimeException e) {
                // Usage is learnt again from the next builds; until then a deletion is refused less often.
                LOGGER.log(
                        Level.WARNING, "Cannot read " + file + "; provider usage is learnt again from new builds", e);
            }
        }
    }

    /** Returns the singleton. */
    @NonNull
    public static UsageRecords get() {
        return ExtensionList.lookupSingleton(UsageRecords.class);
    }

    /** Records that a running build resolved a provider; cheap enough for the Pipeline's own thread. */
    static void record(@NonNull Run<?, ?> run, @NonNull String providerName) {
        UsageRecords records = get();
        if (records.ledger.record(run.getExternalizableId(), run.getParent().getFullName(), providerName)) {
            records.saveSoon();
        }
    }

    @NonNull
    @Override
    public List<String> jobsUsing(@NonNull String providerName) {
        return ledger.jobsUsing(providerName);
    }

    private void saveSoon() {
        if (savePending.compareAndSet(false, true)) {
            Timer.get().schedule(this::save, 1, TimeUnit.SECONDS);
        }
    }

    private void save() {
        savePending.set(false);
        Saved saved = new Saved();
        saved.jobs.putAll(ledger.snapshot());
        try {
            file().write(saved);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot save which jobs use which Git provider to " + file(), e);
        }
    }

    private static XmlFile file() {
        return new XmlFile(
                Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), "io.jenkins.plugins.gitproviders.usage.xml"));
    }

    /** What is saved: the providers each job's last telling build used. */
    static final class Saved {
        private final Map<String, List<String>> jobs = new TreeMap<>();
    }

    /** Lets each finished build decide what its job uses. */
    @Extension
    public static final class BuildFinished extends RunListener<Run<?, ?>> {
        @Override
        public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
            UsageRecords records = get();
            if (records.ledger.finish(
                    run.getExternalizableId(), run.getParent().getFullName(), run.getResult() == Result.SUCCESS)) {
                records.saveSoon();
            }
        }
    }

    /** Follows renamed, moved and deleted jobs and folders. */
    @Extension
    public static final class ItemChanged extends ItemListener {
        @Override
        public void onLocationChanged(Item item, String oldFullName, String newFullName) {
            // Called for the moved item and again for each item below it, so one job moves at a time.
            if (item instanceof Job) {
                get().ledger.rename(oldFullName, newFullName);
                get().saveSoon();
            }
        }

        @Override
        public void onDeleted(Item item) {
            get().ledger.forget(item.getFullName());
            get().saveSoon();
        }
    }
}
