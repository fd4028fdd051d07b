package io.jenkins.plugins.gitproviders.diagnostics;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.client.CheckStatus;
import io.jenkins.plugins.gitproviders.core.client.DiagnosisReport;
import io.jenkins.plugins.gitproviders.core.client.ProviderHealth;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.status.StatusHealth;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * The "Connection checks" part of the Git Providers page: each provider's last diagnosis (overall result, when it
 * ran, token owner and expiry, and the checks that failed or warned, with their fixes), and a button that runs the
 * check again now. Reached as {@code /manage/git-providers/connectionHealth}.
 */
public final class ProviderHealthSection {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Tells the view whether to offer "Check now". */
    public boolean isCanManage() {
        return Jenkins.get().hasPermission(Jenkins.MANAGE);
    }

    /** Returns one row per configured provider, in configuration order. */
    @NonNull
    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        ConnectionHealth health = ConnectionHealth.get();
        for (GitProvider provider : GitProvidersConfiguration.get().getProviders()) {
            ProviderSpec spec = provider.toSpec();
            StatusHealth status = StatusHealth.get();
            rows.add(new Row(
                    spec,
                    health.latest(spec).orElse(null),
                    status.lastFailure(spec.name()).orElse(null),
                    status.lastReported(spec.name()).orElse(null)));
        }
        return rows;
    }

    /** Starts the daily check now, in the background, and returns to the page. */
    @POST
    public void doCheckNow(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        ProviderHealthCheck.get().doRun();
        rsp.sendRedirect2(req.getContextPath() + "/manage/git-providers");
    }

    /** One provider's last diagnosis as the page shows it. */
    public static final class Row {
        private final ProviderSpec spec;

        @CheckForNull
        private final ProviderHealth health;

        @CheckForNull
        private final StatusHealth.Failure statusFailure;

        @CheckForNull
        private final Instant statusReported;

        Row(
                ProviderSpec spec,
                @CheckForNull ProviderHealth health,
                @CheckForNull StatusHealth.Failure statusFailure,
                @CheckForNull Instant statusReported) {
            this.spec = spec;
            this.health = health;
            this.statusFailure = statusFailure;
            this.statusReported = statusReported;
        }

        /** Tells whether the provider reports build status at all. */
        public boolean isStatusReporting() {
            return spec.statusReporting();
        }

        /** Returns the last build status that was not reported, what happened, or empty. */
        public String getStatusProblem() {
            return statusFailure == null ? "" : statusFailure.message();
        }

        /** Returns what to do about the last build status that was not reported. */
        public String getStatusFix() {
            return statusFailure == null ? "" : statusFailure.fix();
        }

        /** Returns the build the last failed status was for, or empty (a queued build). */
        public String getStatusBuild() {
            return statusFailure == null || statusFailure.build() == null ? "" : statusFailure.build();
        }

        /** Returns how long ago the last status failed. */
        public String getStatusFailedAgo() {
            return statusFailure == null ? "" : ago(statusFailure.at());
        }

        /** Tells whether a status was reported after the last failure (the problem may be fixed). */
        public boolean isStatusReportedSince() {
            return statusFailure != null && statusReported != null && statusReported.isAfter(statusFailure.at());
        }

        /** Returns how long ago a status was last reported, or empty. */
        public String getStatusReportedAgo() {
            return statusReported == null ? "" : ago(statusReported);
        }

        private static String ago(Instant at) {
            return Util.getTimeSpanString(Math.max(0, CLOCK.millis() - at.toEpochMilli()));
        }

        public String getName() {
            return spec.name();
        }

        public boolean isActive() {
            return spec.active();
        }

        /** Tells whether a diagnosis of the provider as configured now exists. */
        public boolean isChecked() {
            return health != null;
        }

        /** Returns the Jenkins colour of the result (success, warning, error); empty when not checked. */
        public String getColor() {
            return report().map(report -> switch (report.level()) {
                        case OK -> "success";
                        case WARNING -> "warning";
                        case ERROR -> "error";
                    })
                    .orElse("");
        }

        public String getHeadline() {
            return report().map(DiagnosisReport::headline).orElse("");
        }

        /** Returns when the diagnosis ran, as a UTC time. */
        public String getCheckedAt() {
            return health == null ? "" : TIME.format(health.checkedAt());
        }

        /** Returns how long ago the diagnosis ran ("3 hr 12 min"). */
        public String getCheckedAgo() {
            return health == null
                    ? ""
                    : Util.getTimeSpanString(
                            Math.max(0, CLOCK.millis() - health.checkedAt().toEpochMilli()));
        }

        /** Returns who the token belongs to, or empty when authentication did not succeed. */
        public String getOwner() {
            return health == null ? "" : health.diagnosis().owner().orElse("");
        }

        /** Returns the token's expiry date, or empty when the host did not tell. */
        public String getExpiry() {
            return health == null
                    ? ""
                    : health.diagnosis().expiry().map(DATE::format).orElse("");
        }

        /** Returns the token warning of the monitor for this provider, if any. */
        public String getAttention() {
            return health == null
                    ? ""
                    : health.attention(CLOCK)
                            .map(attention -> attention.message())
                            .orElse("");
        }

        /** Returns the checks that failed or warned, with their fixes. */
        public List<Problem> getProblems() {
            return report().map(DiagnosisReport::problems).orElse(List.of()).stream()
                    .map(Problem::new)
                    .toList();
        }

        private Optional<DiagnosisReport> report() {
            return Optional.ofNullable(health).map(value -> DiagnosisReport.of(value.diagnosis()));
        }
    }

    /** One check that failed or warned, as the page lists it. */
    public static final class Problem {
        private final DiagnosisReport.Line line;

        Problem(DiagnosisReport.Line line) {
            this.line = line;
        }

        /** Returns the Jenkins colour of the check (warning, error). */
        public String getColor() {
            return line.status() == CheckStatus.FAIL ? "error" : "warning";
        }

        public String getLabel() {
            return line.label();
        }

        public String getTitle() {
            return line.title();
        }

        public String getMessage() {
            return line.message();
        }

        public String getFix() {
            return Util.fixNull(line.fix());
        }
    }
}
