package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class ProviderValidatorScopeTest {

    @Test
    public void shouldAcceptEveryTypesOwnExample() {
        for (ProviderType type : ProviderType.values()) {
            assertThat(ProviderValidator.checkScope(type, type.scopeRule().example())).as(type.displayName())
                    .isEmpty();
        }
    }

    @Test
    public void shouldLeaveTheScopeOptionalExceptForAzureDevOps() {
        for (ProviderType type : ProviderType.values()) {
            List<Problem> problems = ProviderValidator.checkScope(type, "  ");
            assertThat(problems).as(type.displayName()).hasSize(type == ProviderType.AZURE_DEVOPS ? 1 : 0);
        }
    }

    @Test
    public void shouldSayWhatAzureDevOpsNeedsWhenTheScopeIsMissing() {
        assertThat(ProviderValidator.checkScope(ProviderType.AZURE_DEVOPS, null)).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(ProviderField.SCOPE);
                    assertThat(problem.message()).isEqualTo("Azure DevOps needs a scope (Azure DevOps organization,"
                            + " optionally /project), for example 'fabrikam/Fabrikam-Fiber': the organization"
                            + " (letters, digits, hyphens), then optionally '/' and a project name without"
                            + " \\ / : * ? \" < > | ; # $ { } , + = [ ].");
                });
    }

    @Test
    public void shouldShowTheRuleAndExampleWhenTheSyntaxIsWrong() {
        assertThat(ProviderValidator.checkScope(ProviderType.GITHUB, "-acme")).extracting(Problem::message)
                .containsExactly("'-acme' is not a valid GitHub organization or user: use letters, digits and"
                        + " hyphens, at most 39 characters, not starting or ending with a hyphen, for example"
                        + " 'acme-corp'.");
    }

    @Test
    public void shouldApplyEachFamilysOwnRule() {
        // GitLab allows nested groups, GitHub does not
        assertThat(ProviderValidator.checkScope(ProviderType.GITLAB_SELF_MANAGED, "platform/infra/tools")).isEmpty();
        assertThat(ProviderValidator.checkScope(ProviderType.GITHUB_ENTERPRISE, "platform/infra")).hasSize(1);
        // Bitbucket Cloud workspaces are lowercase; Data Center takes project keys or ~user
        assertThat(ProviderValidator.checkScope(ProviderType.BITBUCKET_CLOUD, "Acme")).extracting(Problem::message)
                .singleElement().asString().contains("Bitbucket workspace").contains("'acme'");
        assertThat(ProviderValidator.checkScope(ProviderType.BITBUCKET_DATA_CENTER, "~jane.doe")).isEmpty();
        assertThat(ProviderValidator.checkScope(ProviderType.BITBUCKET_DATA_CENTER, "1PROJ"))
                .extracting(Problem::message).singleElement().asString().contains("Bitbucket project key");
        // Azure DevOps takes an organization with an optional project
        assertThat(ProviderValidator.checkScope(ProviderType.AZURE_DEVOPS, "fabrikam")).isEmpty();
        assertThat(ProviderValidator.checkScope(ProviderType.AZURE_DEVOPS, "fabrikam/a:b")).hasSize(1);
        assertThat(ProviderValidator.checkScope(ProviderType.GITEA, "infra.team")).isEmpty();
        assertThat(ProviderValidator.checkScope(ProviderType.GITEA, "infra team")).extracting(Problem::message)
                .singleElement().asString().contains("Gitea organization or user").contains("'infra'");
    }

    @Test
    public void shouldShortenAndSanitizeTheQuotedValue() {
        assertThat(ProviderValidator.checkScope(ProviderType.GITHUB, "a\tb" + "c".repeat(200)))
                .extracting(Problem::message).singleElement().asString()
                .startsWith("'a?b" + "c".repeat(61) + "...' is not a valid");
    }

    @Test
    public void shouldWarnThatAllowingRepositoriesOutsideNoScopeChangesNothing() {
        ProviderSpec open = ValidSpecs.builder("gh", ProviderType.GITHUB).allowOutsideScope(true).build();

        Validation validation = ProviderValidator.validate(open, List.of());

        assertThat(validation.isValid()).isTrue();
        assertThat(validation.warnings()).extracting(Problem::field).containsExactly(ProviderField.ALLOW_OUTSIDE_SCOPE);
        assertThat(ProviderValidator.checkAllowOutsideScope("acme", true)).isEmpty();
        assertThat(ProviderValidator.checkAllowOutsideScope(null, false)).isEmpty();
    }
}
