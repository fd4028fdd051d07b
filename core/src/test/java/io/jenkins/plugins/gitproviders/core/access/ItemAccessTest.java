package io.jenkins.plugins.gitproviders.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.List;
import org.junit.Test;

public class ItemAccessTest {
    private static final ProviderSpec OPEN = ProviderSpec.builder("GitHub", ProviderType.GITHUB)
            .credentialsId("t").build();
    private static final ProviderSpec RESTRICTED = OPEN.toBuilder().name("Prod GitHub")
            .allowedItems(List.of("team-a/**", "ops/deploy")).build();

    @Test
    public void shouldLetEveryItemUseAProviderWithoutRestrictions() {
        assertThat(ItemAccess.decide(OPEN, "anyone/anything", List.of()).allowed()).isTrue();
        assertThat(ItemAccess.decide(OPEN, "top-level-job", List.of()).reason()).isEmpty();
    }

    @Test
    public void shouldLetOnlyMatchingItemsUseARestrictedProvider() {
        assertThat(ItemAccess.decide(RESTRICTED, "team-a/build", List.of()).allowed()).isTrue();
        assertThat(ItemAccess.decide(RESTRICTED, "team-a/sub/build", List.of()).allowed()).isTrue();
        assertThat(ItemAccess.decide(RESTRICTED, "ops/deploy", List.of()).allowed()).isTrue();

        ItemAccess.Decision refused = ItemAccess.decide(RESTRICTED, "team-b/steal", List.of());

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusal()).isEqualTo("Provider 'Prod GitHub' may not be used by 'team-b/steal': it is"
                + " restricted to the jobs and folders 'team-a/**', 'ops/deploy'. An administrator can add the job"
                + " to the provider's allowed jobs and folders in Manage Jenkins > System > Git Providers, or the"
                + " job can use another provider.");
        assertThat(ItemAccess.decide(RESTRICTED, "ops/deploy-copy", List.of()).allowed()).isFalse();
        assertThat(ItemAccess.decide(RESTRICTED, "team-a", List.of()).allowed()).isFalse();
    }

    @Test
    public void shouldNameTheProvidersAnItemMayNotUseForTheTrigger() {
        FolderRule gitlabOnly = new FolderRule("team-a", List.of("GitLab"));

        assertThat(ItemAccess.denied(List.of(OPEN, RESTRICTED), "team-b/build", List.of()))
                .containsExactly(entry("Prod GitHub", "the provider's allowed jobs and folders"));
        assertThat(ItemAccess.denied(List.of(OPEN, RESTRICTED), "team-a/build", List.of(gitlabOnly)))
                .containsExactly(entry("GitHub", "the Git providers of folder 'team-a'"),
                        entry("Prod GitHub", "the Git providers of folder 'team-a'"));
        assertThat(ItemAccess.denied(List.of(OPEN, RESTRICTED), "team-a/build", List.of())).isEmpty();
    }

    @Test
    public void shouldRequireEveryAncestorFolderToListTheProvider() {
        FolderRule outer = new FolderRule("team-a", List.of("prod github", "GitLab"));
        FolderRule inner = new FolderRule("team-a/secret", List.of("GitLab"));

        assertThat(ItemAccess.decide(RESTRICTED, "team-a/build", List.of(outer)).allowed())
                .as("names compare ignoring case").isTrue();

        ItemAccess.Decision refused = ItemAccess.decide(RESTRICTED, "team-a/secret/build", List.of(outer, inner));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusal()).isEqualTo("Provider 'Prod GitHub' may not be used by 'team-a/secret/build':"
                + " the folder 'team-a/secret' allows only the Git providers 'GitLab' for the items inside it."
                + " Someone who may configure that folder can add the provider to its Git providers page, or"
                + " the job can use an allowed provider.");
    }

    @Test
    public void shouldRefuseEveryProviderBelowAFolderWithAnEmptyList() {
        ItemAccess.Decision refused = ItemAccess.decide(OPEN, "locked/job",
                List.of(new FolderRule("locked", List.of(" ", ""))));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusal()).contains("the folder 'locked' allows no Git provider");
    }

    @Test
    public void shouldApplyTheProviderRestrictionAndTheFolderRulesTogether() {
        FolderRule allowsIt = new FolderRule("team-b", List.of("Prod GitHub"));

        ItemAccess.Decision refused = ItemAccess.decide(RESTRICTED, "team-b/job", List.of(allowsIt));

        assertThat(refused.allowed()).as("a folder cannot widen a provider's own restriction").isFalse();
        assertThat(refused.refusal()).contains("restricted to the jobs and folders");
    }

    @Test
    public void shouldLetAnInvalidSavedPatternMatchNothing() {
        ProviderSpec handEdited = OPEN.toBuilder().allowedItems(List.of("//")).build();

        assertThat(ItemAccess.decide(handEdited, "x", List.of()).allowed()).isFalse();
    }

    @Test
    public void shouldOfferOnlyUsableProvidersInOrder() {
        ProviderSpec gitlab = ProviderSpec.builder("GitLab", ProviderType.GITLAB).credentialsId("t").build();

        assertThat(ItemAccess.usable(List.of(OPEN, RESTRICTED, gitlab), "team-b/job",
                List.of(new FolderRule("team-b", List.of("GitLab", "GitHub")))))
                .extracting(ProviderSpec::name).containsExactly("GitHub", "GitLab");
    }
}
