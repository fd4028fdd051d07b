package io.jenkins.plugins.gitproviders.diagnostics;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.DiagnosisReport;
import io.jenkins.plugins.gitproviders.core.client.ProviderHealth;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.List;

/**
 * Diagnoses every active provider once a day, starting a few minutes after Jenkins starts, and keeps the results in
 * {@link ConnectionHealth} for the {@link TokenExpiryMonitor} and the Git Providers page. Runs as SYSTEM; its log
 * ({@code JENKINS_HOME/logs/tasks}) gets one headline per provider, never a secret.
 */
@Extension
public final class ProviderHealthCheck extends AsyncPeriodicWork {
    public ProviderHealthCheck() {
        super("Git providers connection check");
    }

    /** Returns the registered instance. */
    public static ProviderHealthCheck get() {
        return ExtensionList.lookupSingleton(ProviderHealthCheck.class);
    }

    @Override
    public long getRecurrencePeriod() {
        return DAY;
    }

    @Override
    public long getInitialDelay() {
        return 3 * MIN;
    }

    @Override
    protected void execute(TaskListener listener) {
        List<ProviderSpec> active = GitProvidersConfiguration.get().getProviders().stream()
                .filter(GitProvider::isActive)
                .map(GitProvider::toSpec)
                .toList();
        ConnectionHealth health = ConnectionHealth.get();
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (ProviderSpec spec : active) {
                try {
                    Diagnosis diagnosis = ConnectionDiagnostics.diagnose(spec);
                    health.record(new ProviderHealth(spec, diagnosis));
                    listener.getLogger().println(DiagnosisReport.of(diagnosis).headline());
                } catch (RuntimeException e) {
                    // One provider's trouble must not stop the check of the others.
                    listener.error(Messages.ProviderHealthCheck_Failed(spec.name(), String.valueOf(e)));
                }
            }
        }
        health.retainOnly(active);
    }
}
