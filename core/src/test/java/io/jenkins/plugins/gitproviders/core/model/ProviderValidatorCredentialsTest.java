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
    public void shouldRequireTheBitbucketCloudEmailWithAnApiTokenOrAnUnknownKind() {
        String expected = "Enter the email address of your Atlassian account: Bitbucket Cloud API tokens"
                + " authenticate with the email of the account that created the token.";
        assertThat(ProviderValidator.checkEmail(ProviderType.BITBUCKET_CLOUD, null, CredentialKind.SECRET_TEXT))
                .extracting(Problem::message).containsExactly(expected);
        assertThat(ProviderValidator.checkEmail(ProviderType.BITBUCKET_CLOUD, "", null))
                .extracting(Problem::field).containsExactly(ProviderField.EMAIL);
    }

    @Test
    public void shouldNotRequireTheEmailWhenTheCredentialCarriesItsOwnUsername() {
        assertThat(ProviderValidator.checkEmail(ProviderType.BITBUCKET_CLOUD, null, CredentialKind.USERNAME_PASSWORD))
                .isEmpty();
    }

    @Test
    public void shouldNotRequireAnEmailForOtherTypes() {
        for (ProviderType type : ProviderType.values()) {
            if (type != ProviderType.BITBUCKET_CLOUD) {
                assertThat(ProviderValidator.checkEmail(type, null, null)).as(type.displayName()).isEmpty();
            }
        }
    }

    @Test
    public void shouldCheckTheSpellingOfAGivenEmail() {
        assertThat(ProviderValidator.checkEmail(ProviderType.BITBUCKET_CLOUD, "jane.doe+ci@acme.co.uk", null))
                .isEmpty();
        for (String wrong : List.of("jane", "jane@acme", "jane@@acme.com", "jane doe@acme.com", "@acme.com",
                "jane@acme." , "a".repeat(250) + "@acme.com")) {
            assertThat(ProviderValidator.checkEmail(ProviderType.BITBUCKET_CLOUD, wrong, null)).as(wrong)
                    .singleElement().extracting(Problem::message).asString()
                    .endsWith("is not an email address; enter it like jane@example.com.");
        }
        assertThat(ProviderValidator.checkEmail(ProviderType.GITHUB, "jane", null)).extracting(Problem::message)
                .containsExactly("'jane' is not an email address; enter it like jane@example.com.");
    }

    @Test
    public void shouldRequireTheBitbucketCloudUsernameForCloning() {
        assertThat(ProviderValidator.checkUsername(ProviderType.BITBUCKET_CLOUD, null)).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(ProviderField.USERNAME);
                    assertThat(problem.message()).isEqualTo("Enter your Bitbucket username (Personal settings >"
                            + " Account settings): Git clones over HTTPS as this user.");
                });
        for (ProviderType type : ProviderType.values()) {
            if (type != ProviderType.BITBUCKET_CLOUD) {
                assertThat(ProviderValidator.checkUsername(type, null)).as(type.displayName()).isEmpty();
            }
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
