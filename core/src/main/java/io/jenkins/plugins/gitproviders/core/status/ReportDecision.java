package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a build reports its status through a provider at all, before any status is built: not when the
 * provider has status reporting turned off, and not when Jenkins has no root URL, since a status must link to the
 * build. The plugin shows the no-root-URL message once in the build log and on its page.
 *
 * @param outcome what to do
 * @param message why not, for the build log; empty when reporting
 */
public record ReportDecision(Outcome outcome, String message) {
    /** What the plugin does. */
    public enum Outcome {
        /** Report the status. */
        REPORT,
        /** The provider reports no status (turned off, or inactive); nothing to say in the build log. */
        TURNED_OFF,
        /** Jenkins has no usable root URL; say so once and skip. */
        NO_ROOT_URL
    }

    public ReportDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** Tells whether to report. */
    public boolean shouldReport() {
        return outcome == Outcome.REPORT;
    }

    /**
     * Decides for a provider (status reporting on, provider active) and the Jenkins root URL
     * ({@code JenkinsLocationConfiguration.getUrl()}, or {@code null} when none is set).
     */
    public static ReportDecision decide(ProviderSpec provider, @CheckForNull String rootUrl) {
        if (turnedOff(provider)) {
            return new ReportDecision(Outcome.TURNED_OFF, "Build status is not reported through provider '"
                    + provider.name() + "': " + (provider.active() ? "status reporting is turned off." : "the"
                    + " provider is inactive."));
        }
        if (rootUrl == null || rootUrl.isBlank() || !isHttpUrl(rootUrl.strip())) {
            return new ReportDecision(Outcome.NO_ROOT_URL, "Build status not reported to "
                    + provider.type().displayName() + " (provider '" + provider.name() + "'): Jenkins has no root"
                    + " URL" + (rootUrl == null || rootUrl.isBlank() ? "" : " that is an absolute http(s) address")
                    + ", so a status could not link to the build. Set the Jenkins URL under Manage Jenkins > System"
                    + " > Jenkins Location.");
        }
        return new ReportDecision(Outcome.REPORT, "");
    }

    /**
     * Joins the root URL and a build's relative URL ({@code Run.getUrl()}, {@code job/folder/job/app/12/}) into the
     * build's address.
     */
    public static String buildUrl(String rootUrl, String runUrl) {
        String root = rootUrl.strip();
        String run = runUrl.strip();
        return (root.endsWith("/") ? root : root + "/") + (run.startsWith("/") ? run.substring(1) : run);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Tells whether the provider reports no status at all: reporting turned off, or the provider inactive. */
    public static boolean turnedOff(ProviderSpec provider) {
        return !provider.statusReporting() || !provider.active();
    }
}
