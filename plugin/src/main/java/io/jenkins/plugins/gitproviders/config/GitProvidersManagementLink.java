package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.gitproviders.core.delivery.JournalStatus;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import io.jenkins.plugins.gitproviders.core.webhook.SignatureVerifier;
import io.jenkins.plugins.gitproviders.diagnostics.ProviderHealthSection;
import io.jenkins.plugins.gitproviders.status.BuildStatus;
import io.jenkins.plugins.gitproviders.webhook.RecentDelivery;
import io.jenkins.plugins.gitproviders.webhook.WebhookDeliveries;
import io.jenkins.plugins.gitproviders.webhook.WebhookJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.StaplerProxy;

/**
 * The "Git Providers" page in Manage Jenkins: every provider with its type, address, scope, default and active
 * status, and the webhook address to give the host. Readable with Overall/SystemRead or Overall/Manage; editing
 * happens in the global configuration, which needs Overall/Manage.
 */
@Extension
@Symbol("gitProviders")
public class GitProvidersManagementLink extends ManagementLink implements StaplerProxy {
    /** Who may see the page: those who edit providers and those who audit the configuration. */
    private static final Permission[] VIEW_PERMISSIONS = {Jenkins.MANAGE, Jenkins.SYSTEM_READ};

    /** Hides the link from users who may not open the page, as Manage Jenkins does for itself. */
    @CheckForNull
    @Override
    public String getIconFileName() {
        return Jenkins.get().hasAnyPermission(VIEW_PERMISSIONS) ? "symbol-server" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.GitProvidersManagementLink_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.GitProvidersManagementLink_Description();
    }

    @Override
    public String getUrlName() {
        return "git-providers";
    }

    /**
     * Returns Overall/Read, as core's own "System" link does: one permission cannot say "Manage or SystemRead" (and
     * SystemRead is off by default, when it would mean Administer), so {@link #getIconFileName()} and
     * {@link #getTarget()} check that pair instead.
     */
    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.READ;
    }

    /** Refuses every URL of the page (views and getters alike) to users without Overall/Manage or SystemRead. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkAnyPermission(VIEW_PERMISSIONS);
        return this;
    }

    /** The permissions the page's layout checks, any one of which is enough. */
    @NonNull
    public Permission[] getViewPermissions() {
        return VIEW_PERMISSIONS.clone();
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.CONFIGURATION;
    }

    /** Tells the view whether to offer the edit links. */
    public boolean isCanManage() {
        return Jenkins.get().hasPermission(Jenkins.MANAGE);
    }

    /** Returns one row per provider, in configuration order. */
    @NonNull
    public List<ProviderRow> getRows() {
        ProviderRegistry registry = GitProvidersConfiguration.get().registry();
        String defaultName = registry.defaultProvider().map(ProviderSpec::name).orElse(null);
        List<ProviderRow> rows = new ArrayList<>();
        for (ProviderSpec spec : registry.providers()) {
            rows.add(new ProviderRow(spec, spec.name().equals(defaultName), WebhookAddress.of(spec.name())));
        }
        return rows;
    }

    /** Returns what the registry noticed about the configuration (for example: no default provider). */
    @NonNull
    public List<String> getNotices() {
        List<String> notices = new ArrayList<>(GitProvidersConfiguration.get().notices());
        BuildStatus.rootUrlNotice(GitProvidersConfiguration.get().registry().providers())
                .ifPresent(notices::add);
        return notices;
    }

    /** Returns the "Connection checks" section: each provider's last diagnosis (URL {@code connectionHealth}). */
    @NonNull
    public ProviderHealthSection getConnectionHealth() {
        return new ProviderHealthSection();
    }

    /**
     * Returns the last verified webhook deliveries (at most 100, kept across restarts), newest first, as the current
     * user may see them.
     */
    @NonNull
    public List<RecentDelivery> getRecentDeliveries() {
        return RecentDelivery.forCurrentUser();
    }

    /** Returns the requests refused before verification (the uniform 401s) that are kept as samples, newest first. */
    @NonNull
    public List<RecentDelivery> getRefusedDeliveries() {
        return RecentDelivery.refusedForCurrentUser();
    }

    /** Returns how many requests were refused before verification since Jenkins started. */
    public long getRefusedCount() {
        return WebhookJobs.get().refusedCount();
    }

    /** Returns the state of the delivery journal, or {@code null} while it cannot be opened. */
    @CheckForNull
    public JournalStatus getJournal() {
        return WebhookDeliveries.get().getJournalStatus();
    }

    /** Returns what went wrong with the journal, the saved deliveries, the last known commits or scheduling. */
    @NonNull
    public List<WebhookDeliveries.Problem> getDeliveryProblems() {
        return WebhookDeliveries.get().getProblems();
    }

    /** Returns the last catch-up after a gap in deliveries, or {@code null} before the first. */
    @CheckForNull
    public WebhookDeliveries.CatchUpRun getLastCatchUp() {
        return WebhookDeliveries.get().getLastCatchUp();
    }

    /** Returns how long ago the last catch-up finished, in words, or {@code null} before the first. */
    @CheckForNull
    public String getLastCatchUpAgo() {
        WebhookDeliveries.CatchUpRun run = getLastCatchUp();
        return run == null
                ? null
                : Util.getTimeSpanString(Math.max(
                        0, Instant.now().toEpochMilli() - run.finishedAt().toEpochMilli()));
    }

    /** Returns a warning for each provider that accepts SHA-1 signatures. */
    @NonNull
    public List<String> getSha1Notices() {
        return GitProvidersConfiguration.get().registry().providers().stream()
                .filter(ProviderSpec::allowSha1Signatures)
                .map(spec -> SignatureVerifier.sha1Notice(spec.name()))
                .toList();
    }

    /** One provider as the page shows it. */
    public static final class ProviderRow {
        private final ProviderSpec spec;
        private final boolean defaultProvider;
        private final String webhookUrl;

        ProviderRow(ProviderSpec spec, boolean defaultProvider, String webhookUrl) {
            this.spec = spec;
            this.defaultProvider = defaultProvider;
            this.webhookUrl = webhookUrl;
        }

        public String getName() {
            return spec.name();
        }

        public String getType() {
            return spec.type().displayName();
        }

        public String getServerUrl() {
            return spec.effectiveServerUrl().orElse("");
        }

        @CheckForNull
        public String getScope() {
            return spec.scope();
        }

        public boolean isDefaultProvider() {
            return defaultProvider;
        }

        public boolean isActive() {
            return spec.active();
        }

        public String getWebhookUrl() {
            return webhookUrl;
        }

        public boolean isWebhookSecretConfigured() {
            return !spec.webhookSecretCredentialsIds().isEmpty();
        }
    }
}
