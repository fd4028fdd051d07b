package io.jenkins.plugins.gitproviders.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.util.List;
import org.junit.Test;

public class FailureNotesTest {
    private static final StatusTarget TARGET = new StatusTarget(List.of("acme", "app"),
            "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd", null, null, List.of());

    @Test
    public void shouldTreatTheSameFailureThroughTheSameProviderAsOneNote() {
        StatusFailure denied = new StatusFailure(StatusFailure.Kind.MISSING_PERMISSION, 403, "m", "f", null);
        StatusFailure other = new StatusFailure(StatusFailure.Kind.NOT_FOUND, 404, "m2", "f", null);

        assertThat(FailureNotes.key("GitHub", denied)).isEqualTo(FailureNotes.key(" github ", denied));
        assertThat(FailureNotes.key("GitHub", denied)).isNotEqualTo(FailureNotes.key("GitHub", other));
        assertThat(FailureNotes.key("GitHub", denied)).isNotEqualTo(FailureNotes.key("GHE", denied));
    }

    @Test
    public void shouldNameTheMissingOrUnusableCredentialAndTheFix() {
        ProviderSpec none = ProviderSpec.builder("GitHub", ProviderType.GITHUB).build();
        ProviderSpec unusable = ProviderSpec.builder("GitHub", ProviderType.GITHUB).credentialsId("gh").build();

        StatusFailure missing = FailureNotes.missingCredential(none, TARGET);
        StatusFailure wrong = FailureNotes.missingCredential(unusable, TARGET);

        assertThat(missing.kind()).isEqualTo(StatusFailure.Kind.UNAUTHORIZED);
        assertThat(missing.message()).isEqualTo("Build status for acme/app@d2b75aa7797e not reported to GitHub.com:"
                + " provider 'GitHub' has no API credential.");
        assertThat(missing.fix()).contains("or clear its Report build status");
        assertThat(wrong.message()).contains("no usable credential with the ID 'gh'");
        assertThat(wrong.fix()).contains("Manage Jenkins > Credentials");
    }
}
