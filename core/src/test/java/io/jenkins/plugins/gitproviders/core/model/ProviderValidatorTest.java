package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

/** Covers the whole-specification behaviour of the validator; the per-field rules have their own tests. */
public class ProviderValidatorTest {

    @Test
    public void shouldAcceptAMinimalSpecificationOfEveryType() {
        for (ProviderType type : ProviderType.values()) {
            // Given a specification with only what the type needs
            ProviderSpec spec = ValidSpecs.spec("p-" + type.id(), type);

            // When
            Validation validation = ProviderValidator.validate(spec, List.of());

            // Then
            assertThat(validation.problems()).as(type.displayName()).isEmpty();
            assertThat(validation.isValid()).isTrue();
        }
    }

    @Test
    public void shouldReportEveryProblemOfAnEmptySelfHostedSpecificationEachWithItsField() {
        // Given a GitHub Enterprise specification with nothing filled in
        ProviderSpec spec = ProviderSpec.builder("  ", ProviderType.GITHUB_ENTERPRISE).build();

        // When
        Validation validation = ProviderValidator.validate(spec, List.of());

        // Then
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.errors()).extracting(Problem::field)
                .containsExactly(ProviderField.NAME, ProviderField.SERVER_URL, ProviderField.CREDENTIALS_ID);
        assertThat(validation.warnings()).isEmpty();
    }

    @Test
    public void shouldReportEveryProblemOfABitbucketCloudSpecificationInFormOrder() {
        // Given everything wrong at once
        ProviderSpec spec = ProviderSpec.builder("github", ProviderType.BITBUCKET_CLOUD)
                .serverUrl("https://bitbucket.example.com")
                .apiUrl("http://proxy.example.com?x=1")
                .scope("Acme Corp")
                .credentialsId("ssh-key")
                .sshCredentialsId("token")
                .build();

        // When
        Validation validation = ProviderValidator.validate(spec, List.of(ValidSpecs.github("GitHub")),
                CredentialKind.SSH_PRIVATE_KEY, CredentialKind.SECRET_TEXT);

        // Then
        assertThat(validation.errors()).extracting(Problem::field).containsExactly(
                ProviderField.NAME,
                ProviderField.SERVER_URL,
                ProviderField.API_URL,
                ProviderField.API_URL,
                ProviderField.SCOPE,
                ProviderField.CREDENTIALS_ID,
                ProviderField.SSH_CREDENTIALS_ID);
    }

    @Test
    public void shouldAskTheLookupForTheKindsOfBothCredentials() {
        // Given a lookup that knows the API credential is an SSH key and the SSH credential is a token
        ProviderSpec spec = ValidSpecs.builder("gh", ProviderType.GITHUB)
                .credentialsId("key")
                .sshCredentialsId("token")
                .build();
        CredentialKindLookup kinds = id -> java.util.Optional.of(
                id.equals("key") ? CredentialKind.SSH_PRIVATE_KEY : CredentialKind.SECRET_TEXT);

        // When
        Validation validation = ProviderValidator.validate(spec, List.of(), kinds);

        // Then
        assertThat(validation.errors()).extracting(Problem::field)
                .containsExactly(ProviderField.CREDENTIALS_ID, ProviderField.SSH_CREDENTIALS_ID);
    }

    @Test
    public void shouldTreatAnUnknownLookupAsUnknownKinds() {
        // Given a provider whose API credential the lookup does not know
        ProviderSpec spec = ValidSpecs.builder("gh", ProviderType.GITHUB).build();

        // When
        Validation validation = ProviderValidator.validate(spec, List.of(), CredentialKindLookup.UNKNOWN);

        // Then no rule that depends on the kind refuses it
        assertThat(validation.errors()).isEmpty();
    }

    @Test
    public void shouldKeepSavingPossibleWhenThereAreOnlyWarnings() {
        // Given a self-hosted server over plain http
        ProviderSpec spec = ValidSpecs.builder("gitea", ProviderType.GITEA).serverUrl("http://gitea.lan").build();

        // When
        Validation validation = ProviderValidator.validate(spec, List.of());

        // Then
        assertThat(validation.isValid()).isTrue();
        assertThat(validation.warnings()).extracting(Problem::field).containsExactly(ProviderField.SERVER_URL);
        assertThat(validation.problemsFor(ProviderField.SERVER_URL)).hasSize(1);
        assertThat(validation.problemsFor(ProviderField.NAME)).isEmpty();
    }
}
