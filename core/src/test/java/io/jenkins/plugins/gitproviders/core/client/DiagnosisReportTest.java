package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.client.DiagnosisReport.Level;
import io.jenkins.plugins.gitproviders.core.client.DiagnosisReport.Line;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class DiagnosisReportTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static Diagnosis diagnosis(String name, Check... checks) {
        return new Diagnosis(name, List.of(checks), null, null, NOW);
    }

    @Test
    public void shouldReportOkWhenEveryCheckPassed() {
        // Given
        Diagnosis diagnosis = diagnosis("github",
                Check.pass(CheckId.REACHABILITY, "GitHub answered."),
                Check.pass(CheckId.AUTHENTICATION, "The token belongs to octocat."));

        // When
        DiagnosisReport report = DiagnosisReport.of(diagnosis);

        // Then
        assertThat(report.level()).isEqualTo(Level.OK);
        assertThat(report.headline()).isEqualTo("Provider 'github' works: 2 checks passed.");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    public void shouldReportAWarningAndNameTheCheck() {
        // Given
        Diagnosis diagnosis = diagnosis("github",
                Check.pass(CheckId.AUTHENTICATION, "The token belongs to octocat."),
                Check.warn(CheckId.EXPIRY, "The token expires on 2026-03-05 (4 days left).", "Regenerate it."));

        // When
        DiagnosisReport report = DiagnosisReport.of(diagnosis);

        // Then
        assertThat(report.level()).isEqualTo(Level.WARNING);
        assertThat(report.headline()).isEqualTo("Provider 'github' works, with 1 warning (Token expiry).");
        assertThat(report.problems()).extracting(Line::title, Line::label, Line::fix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Token expiry", "WARN", "Regenerate it."));
    }

    @Test
    public void shouldReportAnErrorWhenAnyCheckFailedEvenBesideWarnings() {
        // Given
        Diagnosis diagnosis = diagnosis("lab",
                Check.pass(CheckId.REACHABILITY, "GitLab answered."),
                Check.fail(CheckId.AUTHENTICATION, "GitLab rejected the token (HTTP 401).", "Create a new token."),
                Check.warn(CheckId.RATE_LIMIT, "Rate limit unknown.", "Nothing to do."),
                Check.skipped(CheckId.SCOPES, "Not checked: authentication failed."));

        // When
        DiagnosisReport report = DiagnosisReport.of(diagnosis);

        // Then
        assertThat(report.level()).isEqualTo(Level.ERROR);
        assertThat(report.headline()).isEqualTo("Provider 'lab' does not work: 1 check failed (Authentication).");
        assertThat(report.lines()).extracting(Line::label).containsExactly("PASS", "FAIL", "WARN", "SKIPPED");
        assertThat(report.problems()).extracting(Line::title).containsExactly("Authentication", "Rate limit");
    }

    @Test
    public void shouldWarnWhenNothingCouldBeChecked() {
        // Given a diagnosis whose checks were all skipped (its overall status alone would say PASS)
        Diagnosis diagnosis = diagnosis("", Check.skipped(CheckId.REACHABILITY, "Not checked."));

        // When
        DiagnosisReport report = DiagnosisReport.of(diagnosis);

        // Then
        assertThat(diagnosis.overall()).isEqualTo(CheckStatus.PASS);
        assertThat(report.level()).isEqualTo(Level.WARNING);
        assertThat(report.headline()).isEqualTo("The connection: nothing could be checked.");
    }

    @Test
    public void shouldWriteEveryCheckAndFixAsPlainText() {
        // Given
        Diagnosis diagnosis = diagnosis("github",
                Check.pass(CheckId.REACHABILITY, "GitHub answered."),
                Check.fail(CheckId.SCOPES, "The token lacks the scope repo.", "Tick repo."));

        // When
        String text = DiagnosisReport.of(diagnosis).toText();

        // Then
        assertThat(text).isEqualTo("Provider 'github' does not work: 1 check failed (Token scopes).\n"
                + "  [PASS] Reachability: GitHub answered.\n"
                + "  [FAIL] Token scopes: The token lacks the scope repo.\n"
                + "      Fix: Tick repo.\n");
    }
}
