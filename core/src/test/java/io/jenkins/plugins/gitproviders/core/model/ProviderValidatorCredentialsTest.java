package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

/** Covers the credential fields and Bitbucket Cloud's username and email. */
public class ProviderValidatorCredentialsTest {

    @Test
    public void shouldRequireTheApiCredentialAndNameTheAcceptedKinds() {
        assertThat(ProviderValidator.checkCredentialsId(ProviderType.GITLAB, " ", null)).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(ProviderField.CREDENTIALS_ID);
                    assertThat(problem.message()).isEqualTo("Choose the API credentials: Secret text or Username"
                            + " with password holding a GitLab.com token with the scopes the help lists.");
                });
    }

    @Test
    public void shouldAcceptEveryKindTheTypeAcceptsAndAnUnknownKind() {
        for (ProviderType type : ProviderType.values()) {
            for (CredentialKind kind : type.apiCredentialKinds()) {
                assertThat(ProviderValidator.checkCredentialsId(type, "id", kind)).isEmpty();
            }
            assertThat(ProviderValidator.checkCredentialsId(type, "id", null)).isEmpty();
        }
    }

    @Test
    public void shouldRefuseAnSshKeyForApiAccessAndSayWhereItBelongs() {
        assertThat(ProviderValidator.checkCredentialsId(ProviderType.GITEA, "key", CredentialKind.SSH_PRIVATE_KEY))
                .extracting(Problem::message).containsExactly("Gitea / Forgejo cannot use SSH Username with private"
                        + " key credentials for API access; choose Secret text or Username with password. An SSH key"
                        + " belongs under SSH credentials, where it is used for cloning only.");
    }

    @Test
    public void shouldAcceptAnSshKeyOrAnUnknownKindOrNothingForCloning() {
        assertThat(ProviderValidator.checkSshCredentialsId("key", CredentialKind.SSH_PRIVATE_KEY)).isEmpty();
        assertThat(ProviderValidator.checkSshCredentialsId("key", null)).isEmpty();
        assertThat(ProviderValidator.checkSshCredentialsId(null, CredentialKind.SECRET_TEXT)).isEmpty();
    }

    @Test
    public void shouldRefuseATokenForCloningOverSsh() {
        assertThat(ProviderValidator.checkSshCredentialsId("token", CredentialKind.USERNAME_PASSWORD))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(ProviderField.SSH_CREDENTIALS_ID);
                    assertThat(problem.message()).isEqualTo("SSH credentials must be an SSH Username with private"
                            + " key, not Username with password; or leave the field empty to clone over HTTPS with"
                            + " the API credentials.");
                });
    }

    @Test
    public void shouldSaveABitbucketCloudAccessTokenWithoutUsernameOrEmail() {
        // Given a workspace access token held as secret text: no user of its own, and no Atlassian account
        ProviderSpec spec = ProviderSpec.builder("bb", ProviderType.BITBUCKET_CLOUD).scope("acme")
                .credentialsId("workspace-token").build();

        assertThat(ProviderValidator.validate(spec, List.of(), CredentialKind.SECRET_TEXT, null).problems())
                .isEmpty();
        assertThat(ProviderValidator.validate(spec, List.of(), CredentialKindLookup.UNKNOWN).problems()).isEmpty();
    }

    @Test
    public void shouldRequireNoEmailOfAnyType() {
        for (ProviderType type : ProviderType.values()) {
            ProviderSpec spec = ValidSpecs.builder("p", type).email(null).username(null).build();
            assertThat(ProviderValidator.validate(spec, List.of()).problemsFor(ProviderField.EMAIL))
                    .as(type.displayName()).isEmpty();
        }
        assertThat(ProviderValidator.checkEmail(" ")).isEmpty();
    }

    @Test
    public void shouldCheckTheSpellingOfAGivenEmail() {
        assertThat(ProviderValidator.checkEmail("jane.doe+ci@acme.co.uk"))
                .isEmpty();
        for (String wrong : List.of("jane", "jane@acme", "jane@@acme.com", "jane doe@acme.com", "@acme.com",
                "jane@acme." , "a".repeat(250) + "@acme.com")) {
            assertThat(ProviderValidator.checkEmail(wrong)).as(wrong)
                    .singleElement().extracting(Problem::message).asString()
                    .endsWith("is not an email address; enter it like jane@example.com.");
        }
        assertThat(ProviderValidator.checkEmail("jane")).extracting(Problem::message)
                .containsExactly("'jane' is not an email address; enter it like jane@example.com.");
    }

    @Test
    public void shouldRequireNoUsernameOfAnyType() {
        for (ProviderType type : ProviderType.values()) {
            assertThat(ProviderValidator.checkUsername(type, null)).as(type.displayName()).isEmpty();
        }
    }

    @Test
    public void shouldRefuseSpacesAndColonsInAUsername() {
        for (String wrong : List.of("jane doe", "jane:x", "ja\u0000ne")) {
            assertThat(ProviderValidator.checkUsername(ProviderType.GITEA, wrong)).as(wrong)
                    .extracting(Problem::message).containsExactly("The username must not contain spaces or ':';"
                            + " enter the account name exactly as the host shows it.");
        }
        assertThat(ProviderValidator.checkUsername(ProviderType.GITEA, "  jane.doe_2  ")).isEmpty();
    }

    @Test
    public void shouldNameEveryCredentialKindAsJenkinsShowsIt() {
        assertThat(ProviderValidator.describe(CredentialKind.SECRET_TEXT)).isEqualTo("Secret text");
        assertThat(ProviderValidator.describe(CredentialKind.USERNAME_PASSWORD)).isEqualTo("Username with password");
        assertThat(ProviderValidator.describe(CredentialKind.SSH_PRIVATE_KEY))
                .isEqualTo("SSH Username with private key");
    }
}
