package io.jenkins.plugins.gitproviders.diagnostics;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import hudson.security.Permission;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.client.TokenAttention;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;

/**
 * Warns in Manage Jenkins about active providers whose token has expired, expires within 14 days, or was rejected
 * by the host, according to the last daily check; the core's {@link TokenAttention} decides. Holds nothing itself
 * and shows only provider names, the core's messages and fixes: never a secret.
 */
@Extension
@Symbol("gitProvidersTokens")
public final class TokenExpiryMonitor extends AdministrativeMonitor {
    private static final Clock CLOCK = Clock.systemUTC();

    @Override
    public String getDisplayName() {
        return Messages.TokenExpiryMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !getAttentions().isEmpty();
    }

    /** Shows the warning to those who can fix it: the providers are configured with Overall/Manage. */
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.MANAGE;
    }

    /** Returns the providers whose token needs attention now, in configuration order. */
    @NonNull
    public List<Row> getAttentions() {
        List<Row> rows = new ArrayList<>();
        ConnectionHealth health = ConnectionHealth.get();
        for (GitProvider provider : GitProvidersConfiguration.get().getProviders()) {
            if (!provider.isActive()) {
                continue;
            }
            ProviderSpec spec = provider.toSpec();
            health.latest(spec)
                    .flatMap(latest -> latest.attention(CLOCK))
                    .ifPresent(attention -> rows.add(new Row(attention)));
        }
        return rows;
    }

    /** One provider in the warning. */
    public static final class Row {
        private final TokenAttention attention;

        Row(TokenAttention attention) {
            this.attention = attention;
        }

        public String getProviderName() {
            return attention.providerName();
        }

        /** Returns the reason in words: expired, rejected, expires soon. */
        public String getReason() {
            return switch (attention.reason()) {
                case EXPIRED -> Messages.TokenExpiryMonitor_Expired();
                case AUTHENTICATION_FAILED -> Messages.TokenExpiryMonitor_Rejected();
                case EXPIRES_SOON -> Messages.TokenExpiryMonitor_ExpiresSoon();
            };
        }

        public String getMessage() {
            return attention.message();
        }

        public String getFix() {
            return attention.fix();
        }
    }
}
