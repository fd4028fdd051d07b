package io.jenkins.plugins.gitproviders.diagnostics;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitproviders.config.ProviderCredentials;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.CredentialProblem;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.DiagnosisReport;
import io.jenkins.plugins.gitproviders.core.client.HostClients;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.NoProxyHosts;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.time.Clock;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkins.ui.symbol.Symbol;
import org.jenkins.ui.symbol.SymbolRequest;

/**
 * Runs the core's connection diagnosis from Jenkins: resolves the provider's API credential in the controller's
 * context as SYSTEM, turns Jenkins' HTTP proxy configuration into the core's {@link HttpSettings}, and renders the
 * result for a form. Callers check permissions first; nothing here logs or shows a secret.
 */
public final class ConnectionDiagnostics {
    private static final Clock CLOCK = Clock.systemUTC();

    private ConnectionDiagnostics() {}

    /**
     * Diagnoses a provider as SYSTEM: its credential is looked up by ID in Jenkins' own context; a missing or unusable
     * credential gives a failed authentication check without any request to the host.
     */
    @NonNull
    public static Diagnosis diagnose(@NonNull ProviderSpec spec) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Optional<ApiCredential> credential = ProviderCredentials.apiCredential(spec);
            if (credential.isEmpty()) {
                return CredentialProblem.diagnosis(spec, CLOCK);
            }
            return HostClients.create(spec.type(), httpSettings(), CLOCK).diagnose(spec, credential.get());
        }
    }

    /**
     * Returns the default timeouts (connect 5 s, 15 s per diagnosis) with Jenkins' HTTP proxy: its host, port and
     * "no proxy" hosts. The proxy's user name and password are not used: the core's HTTP settings carry none, so a
     * proxy that requires authentication cannot be crossed (the diagnosis then reports the proxy's refusal).
     */
    @NonNull
    public static HttpSettings httpSettings() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        if (proxy == null || Util.fixEmptyAndTrim(proxy.getName()) == null) {
            return HttpSettings.DEFAULT;
        }
        return HttpSettings.DEFAULT.withProxy(
                proxy.getName().trim(), proxy.getPort(), NoProxyHosts.parse(proxy.getNoProxyHost()));
    }

    /** Diagnoses a provider and renders the report for a "Test connection" button. */
    @NonNull
    public static FormValidation testConnection(@NonNull ProviderSpec spec) {
        return render(diagnose(spec));
    }

    /**
     * Renders a diagnosis: the headline, then each check with the Jenkins symbol of its outcome (named in its tooltip
     * for screen readers), its title, message and fix. Every text comes from the host or the configuration and is
     * escaped; the level (ok, warning, error) is the core's.
     */
    @NonNull
    public static FormValidation render(@NonNull Diagnosis diagnosis) {
        DiagnosisReport report = DiagnosisReport.of(diagnosis);
        StringBuilder html = new StringBuilder("<div class=\"git-providers-diagnosis\"><p><strong>")
                .append(Util.escape(report.headline()))
                .append("</strong></p>");
        for (DiagnosisReport.Line line : report.lines()) {
            html.append("<div class=\"git-providers-diagnosis__check\">")
                    .append(symbol(line))
                    .append(" <strong>")
                    .append(Util.escape(line.title()))
                    .append("</strong>: ")
                    .append(Util.escape(line.message()));
            if (line.fix() != null) {
                html.append("<br/>").append(Util.escape(Messages.ConnectionDiagnostics_Fix(line.fix())));
            }
            html.append("</div>");
        }
        html.append("</div>");
        return switch (report.level()) {
            case OK -> FormValidation.okWithMarkup(html.toString());
            case WARNING -> FormValidation.warningWithMarkup(html.toString());
            case ERROR -> FormValidation.errorWithMarkup(html.toString());
        };
    }

    /** The symbol Jenkins shows for the outcome, as its build status balls do. */
    private static String symbol(DiagnosisReport.Line line) {
        String name =
                switch (line.status()) {
                    case PASS -> "status-blue";
                    case WARN -> "warning";
                    case FAIL -> "error";
                    case SKIPPED -> "status-nobuilt";
                };
        return Symbol.get(new SymbolRequest.Builder()
                .withName(name)
                .withTitle(line.label())
                .withTooltip(line.label())
                .withClasses("icon-sm")
                .build());
    }
}
