package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.client.TokenAttention.Reason;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class TokenAttentionTest {
    private static final Instant DIAGNOSED = Instant.parse("2026-03-01T10:00:00Z");
    private static final ProviderSpec GITHUB = ProviderSpec.builder("github", ProviderType.GITHUB)
            .credentialsId("gh-token").build();

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static Diagnosis authenticated(Instant expiry) {
        return new Diagnosis("github", List.of(Check.pass(CheckId.AUTHENTICATION, "The token belongs to octocat.")),
                "octocat", expiry, DIAGNOSED);
    }

    @Test
    public void shouldAskForNothingWhenTheTokenIsValidForLong() {
        // Given a token expiring in 30 days
        Diagnosis diagnosis = authenticated(DIAGNOSED.plus(Duration.ofDays(30)));

        // When
        Optional<TokenAttention> attention = TokenAttention.of(GITHUB, diagnosis, at(DIAGNOSED));

        // Then
        assertThat(attention).isEmpty();
    }

    @Test
    public void shouldAskForNothingWhenTheExpiryIsUnknownAndAuthenticationPassed() {
        // When
        Optional<TokenAttention> attention = TokenAttention.of(GITHUB, authenticated(null), at(DIAGNOSED));

        // Then
        assertThat(attention).isEmpty();
    }

    @Test
    public void shouldWarnWhenTheTokenExpiresWithinTwoWeeks() {
        // Given a token expiring in 5 days
        Diagnosis diagnosis = authenticated(DIAGNOSED.plus(Duration.ofDays(5)));

        // When
        TokenAttention attention = TokenAttention.of(GITHUB, diagnosis, at(DIAGNOSED)).orElseThrow();

        // Then
        assertThat(attention.reason()).isEqualTo(Reason.EXPIRES_SOON);
        assertThat(attention.providerName()).isEqualTo("github");
        assertThat(attention.message()).contains("2026-03-06").contains("5 days left");
        assertThat(attention.fix()).contains("GitHub.com");
    }

    @Test
    public void shouldRateTheExpiryAgainstTodayNotTheDayOfTheDiagnosis() {
        // Given a token that had 15 days left when diagnosed
        Diagnosis diagnosis = authenticated(DIAGNOSED.plus(Duration.ofDays(15)));

        // When asked then and two days later
        Optional<TokenAttention> then = TokenAttention.of(GITHUB, diagnosis, at(DIAGNOSED));
        Optional<TokenAttention> later = TokenAttention.of(GITHUB, diagnosis, at(DIAGNOSED.plus(Duration.ofDays(2))));

        // Then only the later question needs attention, with the days left as of that day
        assertThat(then).isEmpty();
        assertThat(later).map(TokenAttention::message).hasValueSatisfying(m -> assertThat(m).contains("13 days left"));
    }

    @Test
    public void shouldReportAnExpiredTokenOnceTheDatePassed() {
        // Given a token that expired after the diagnosis
        Diagnosis diagnosis = authenticated(DIAGNOSED.plus(Duration.ofDays(1)));

        // When
        TokenAttention attention = TokenAttention.of(GITHUB, diagnosis, at(DIAGNOSED.plus(Duration.ofDays(3))))
                .orElseThrow();

        // Then
        assertThat(attention.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(attention.message()).contains("expired on 2026-03-02");
    }

    @Test
    public void shouldReportARejectedTokenWithTheHostsFix() {
        // Given
        Diagnosis diagnosis = new Diagnosis("github", List.of(
                Check.pass(CheckId.REACHABILITY, "GitHub answered."),
                Check.fail(CheckId.AUTHENTICATION, "GitHub rejected the token: Bad credentials (HTTP 401).",
                        "Create a new token at https://github.com/settings/tokens.")),
                null, null, DIAGNOSED);

        // When
        TokenAttention attention = TokenAttention.of(GITHUB, diagnosis, at(DIAGNOSED)).orElseThrow();

        // Then
        assertThat(attention.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
        assertThat(attention.message()).contains("Bad credentials");
        assertThat(attention.fix()).contains("https://github.com/settings/tokens");
    }

    @Test
    public void shouldNotCallAnUnreachableHostATokenProblem() {
        // Given
        Diagnosis diagnosis = new Diagnosis("github", List.of(
                Check.fail(CheckId.REACHABILITY, "Cannot connect.", "Check the firewall."),
                Check.skipped(CheckId.AUTHENTICATION, "Not checked.")), null, null, DIAGNOSED);

        // When
        Optional<TokenAttention> attention = TokenAttention.of(GITHUB, diagnosis, at(DIAGNOSED));

        // Then
        assertThat(attention).isEmpty();
    }

    @Test
    public void shouldReportAMissingCredentialAsAnAuthenticationFailure() {
        // Given
        ProviderSpec spec = GITHUB.toBuilder().credentialsId("gone").build();
        Diagnosis diagnosis = CredentialProblem.diagnosis(spec, at(DIAGNOSED));

        // When
        TokenAttention attention = TokenAttention.of(spec, diagnosis, at(DIAGNOSED)).orElseThrow();

        // Then
        assertThat(attention.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
        assertThat(attention.message()).contains("'gone'");
    }
}
