package io.jenkins.plugins.gitproviders.core.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

public class RepositoryKeyTest {
    /** Each key maps to every address form that must normalise to it. */
    private static final Map<String, List<String>> SAME_REPOSITORY = Map.ofEntries(
            Map.entry("github.com/octo-org/hello-world", List.of(
                    "https://github.com/octo-org/hello-world",
                    "https://github.com/Octo-Org/Hello-World.git",
                    "https://github.com/octo-org/hello-world/",
                    "https://github.com/octo-org/hello-world.git/",
                    "http://github.com/octo-org/hello-world",
                    "https://GitHub.com:443/octo-org/hello-world",
                    "http://github.com:80/octo-org/hello-world",
                    "https://user:token@github.com/octo-org/hello-world.git",
                    "https://x-access-token@github.com/octo-org/hello-world",
                    "ssh://git@github.com/octo-org/hello-world.git",
                    "ssh://git@github.com:22/octo-org/hello-world.git",
                    "git+ssh://git@github.com/octo-org/hello-world.git",
                    "git@github.com:octo-org/hello-world.git",
                    "git@github.com:/octo-org/hello-world.git",
                    "github.com:octo-org/hello-world",
                    "git://github.com/octo-org/hello-world.git",
                    "https://github.com/octo-org/hello-world/tree/main/src",
                    "https://github.com/octo-org/hello-world/pull/12?diff=split#top",
                    "  https://github.com/octo-org/hello-world  ",
                    "https://github.com./octo-org/hello-world")),
            Map.entry("gitlab.com/group/sub/deeper/project", List.of(
                    "https://gitlab.com/group/sub/deeper/project.git",
                    "https://gitlab.com/Group/Sub/Deeper/Project",
                    "git@gitlab.com:group/sub/deeper/project.git",
                    "ssh://git@gitlab.com/group/sub/deeper/project.git",
                    "https://gitlab.com/group/sub/deeper/project/-/tree/main",
                    "https://gitlab.com/group/sub/deeper/project/-/merge_requests/3")),
            Map.entry("gitlab.example.com:8443/platform/infra/terraform", List.of(
                    "https://gitlab.example.com:8443/platform/infra/terraform.git",
                    "https://oauth2:secret@GITLAB.example.com:8443/platform/infra/terraform",
                    "https://gitlab.example.com:8443/platform/infra/terraform/-/blob/main/README.md")),
            Map.entry("bitbucket.org/acme/widget", List.of(
                    "https://bitbucket.org/acme/widget.git",
                    "https://jdoe@bitbucket.org/acme/widget.git",
                    "git@bitbucket.org:acme/widget.git",
                    "https://bitbucket.org/acme/widget/src/main/README.md",
                    "https://bitbucket.org/acme/widget/pull-requests/4")),
            Map.entry("bitbucket.example.com/proj/repo", List.of(
                    "https://bitbucket.example.com/scm/PROJ/repo.git",
                    "https://admin@bitbucket.example.com/scm/proj/repo.git",
                    "https://bitbucket.example.com/projects/PROJ/repos/repo",
                    "https://bitbucket.example.com/projects/PROJ/repos/repo/browse",
                    "https://bitbucket.example.com/projects/PROJ/repos/repo/browse/src/Main.java?at=main",
                    "https://bitbucket.example.com/bitbucket/scm/PROJ/repo.git",
                    "https://bitbucket.example.com/bitbucket/projects/PROJ/repos/repo/pull-requests/1",
                    "ssh://git@bitbucket.example.com:7999/proj/repo.git",
                    "ssh://git@bitbucket.example.com:7999/PROJ/repo")),
            Map.entry("bitbucket.example.com:7990/~jdoe/scratch", List.of(
                    "http://bitbucket.example.com:7990/scm/~jdoe/scratch.git",
                    "http://bitbucket.example.com:7990/users/jdoe/repos/scratch/browse")),
            Map.entry("dev.azure.com/fabrikam/fabrikam-fiber/website", List.of(
                    "https://dev.azure.com/fabrikam/Fabrikam-Fiber/_git/website",
                    "https://fabrikam@dev.azure.com/fabrikam/Fabrikam-Fiber/_git/website",
                    "https://dev.azure.com/fabrikam/Fabrikam-Fiber/_git/website/pullrequest/7",
                    "https://dev.azure.com/fabrikam/Fabrikam-Fiber/_git/website?path=/README.md",
                    "https://fabrikam.visualstudio.com/Fabrikam-Fiber/_git/website",
                    "https://fabrikam.visualstudio.com/DefaultCollection/Fabrikam-Fiber/_git/website",
                    "git@ssh.dev.azure.com:v3/fabrikam/Fabrikam-Fiber/website",
                    "ssh://git@ssh.dev.azure.com/v3/fabrikam/Fabrikam-Fiber/website",
                    "fabrikam@vs-ssh.visualstudio.com:v3/fabrikam/Fabrikam-Fiber/website")),
            Map.entry("dev.azure.com/fabrikam/my project/website", List.of(
                    "https://dev.azure.com/fabrikam/My%20Project/_git/website",
                    "https://dev.azure.com/fabrikam/My Project/_git/website",
                    "https://fabrikam.visualstudio.com/My%20Project/_git/website",
                    "git@ssh.dev.azure.com:v3/fabrikam/My%20Project/website")),
            Map.entry("dev.azure.com/fabrikam/website/website", List.of(
                    "https://dev.azure.com/fabrikam/_git/website",
                    "https://dev.azure.com/fabrikam/website/_git/website")),
            Map.entry("tfs.example.com:8080/tfs/defaultcollection/project/repo", List.of(
                    "http://tfs.example.com:8080/tfs/DefaultCollection/Project/_git/Repo",
                    "http://tfs.example.com:8080/tfs/DefaultCollection/Project/_git/Repo/pullrequests")),
            Map.entry("gitea.example.com/infra/ci", List.of(
                    "https://gitea.example.com/infra/ci.git",
                    "git@gitea.example.com:infra/ci.git",
                    "ssh://git@gitea.example.com:2222/infra/ci.git")),
            Map.entry("[::1]:3000/infra/ci", List.of(
                    "http://[::1]:3000/infra/ci.git")));

    @Test
    public void shouldNormaliseEveryFormOfOneRepositoryToOneKey() {
        SoftAssertions softly = new SoftAssertions();
        SAME_REPOSITORY.forEach((expected, addresses) -> {
            for (String address : addresses) {
                softly.assertThat(RepositoryKey.parse(address).map(RepositoryKey::toString))
                        .as(address)
                        .contains(expected);
            }
        });
        softly.assertAll();
    }

    @Test
    public void shouldGiveDifferentRepositoriesDifferentKeys() {
        // Given one address of every repository in the table, and look-alikes that differ by one part
        List<String> addresses = new ArrayList<>();
        SAME_REPOSITORY.values().forEach(forms -> addresses.add(forms.get(0)));
        addresses.addAll(List.of(
                "https://github.com/octo-org/hello-world2",
                "https://github.com/octo/hello-world",
                "https://github.example.com/octo-org/hello-world",
                "https://github.com:8443/octo-org/hello-world",
                "https://gitlab.com/group/sub/project",
                "https://gitlab.com/group/sub/deeper/project/extra",
                "https://bitbucket.example.com/scm/PROJ/other.git",
                "https://bitbucket.example.com/scm/OTHER/repo.git",
                "https://dev.azure.com/fabrikam/Other/_git/website",
                "https://dev.azure.com/contoso/Fabrikam-Fiber/_git/website"));

        // When they are normalised
        Set<RepositoryKey> keys = new HashSet<>();
        addresses.forEach(address -> keys.add(RepositoryKey.parseOrThrow(address)));

        // Then no two share a key
        assertThat(keys).hasSize(addresses.size());
    }

    @Test
    public void shouldRejectGarbage() {
        List<String> garbage = List.of(
                "", "   ", "hello", "owner/repo", "github.com", "https://", "https://github.com",
                "https://github.com/", "https://github.com/octo-org", "https:///octo/repo", "ftp://host/owner/repo",
                "file:///srv/git/repo.git", "C:\\repos\\thing", "https://host/owner/re%ZZpo", "https://host/owner/%C3",
                "https://host/owner/a%2Fb", "https://host/owner/..", "https://host:99999/owner/repo",
                "https://host:http/owner/repo", "https://ho st/owner/repo", "https://host/owner/re\npo",
                "https://dev.azure.com/fabrikam", "https://dev.azure.com/fabrikam/project/repo/extra",
                "git@ssh.dev.azure.com:fabrikam/project/repo", "git@ssh.dev.azure.com:v3/fabrikam/project",
                "https://host/" + "a/".repeat(1100) + "b");
        SoftAssertions softly = new SoftAssertions();
        for (String address : garbage) {
            softly.assertThat(RepositoryKey.parse(address)).as(address).isEmpty();
        }
        softly.assertThat(RepositoryKey.parse(null)).isEmpty();
        softly.assertAll();
    }

    @Test
    public void shouldReadRelativeFormsOnTheDefaultHost() {
        assertThat(RepositoryKey.parse("octo-org/hello-world", "github.com")).map(RepositoryKey::toString)
                .contains("github.com/octo-org/hello-world");
        assertThat(RepositoryKey.parse("/Group/Sub/Project.git", "https://gitlab.example.com/")).map(Object::toString)
                .contains("gitlab.example.com/group/sub/project");
        assertThat(RepositoryKey.parse("PROJ/repo", "https://bitbucket.example.com:7990/bitbucket"))
                .map(Object::toString)
                .contains("bitbucket.example.com:7990/proj/repo");
        assertThat(RepositoryKey.parse("github.example.com/octo/repo", "github.com")).map(Object::toString)
                .contains("github.example.com/octo/repo");
        assertThat(RepositoryKey.parse("gitea.local:3000/infra/ci", "github.com")).map(Object::toString)
                .contains("gitea.local:3000/infra/ci");
        assertThat(RepositoryKey.parse("git@gitlab.com:group/project.git", "github.com")).map(Object::toString)
                .contains("gitlab.com/group/project");
        assertThat(RepositoryKey.parse("fabrikam/Fabrikam-Fiber/_git/website", "https://dev.azure.com"))
                .map(Object::toString)
                .contains("dev.azure.com/fabrikam/fabrikam-fiber/website");
        assertThat(RepositoryKey.parse("lonely", "github.com")).isEmpty();
    }

    @Test
    public void shouldRoundTripItsOwnText() {
        for (List<String> forms : SAME_REPOSITORY.values()) {
            RepositoryKey key = RepositoryKey.parseOrThrow(forms.get(0));
            assertThat(RepositoryKey.parse(key.toString(), "unused.example.com")).as(forms.get(0)).contains(key);
        }
    }

    @Test
    public void shouldExplainWhatIsWrongWithoutRepeatingUserInformation() {
        assertThatThrownBy(() -> RepositoryKey.parseOrThrow("https://jdoe:s3cr3t-token@github.com/octo-org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://***@github.com/octo-org")
                .hasMessageContaining("owner/repo")
                .hasMessageNotContaining("s3cr3t")
                .hasMessageNotContaining("jdoe");
        assertThatThrownBy(() -> RepositoryKey.parseOrThrow("ftp://host/a/b"))
                .hasMessageContaining("scheme 'ftp'");
        assertThatThrownBy(() -> RepositoryKey.parseOrThrow(null)).hasMessageContaining("no address");
    }

    @Test
    public void shouldDeriveTheKeyOfAWebhookRepository() {
        RepositoryInfo github = new RepositoryInfo("github.com", "Octo-Org/Hello-World",
                "https://github.com/Octo-Org/Hello-World.git", "git@github.com:Octo-Org/Hello-World.git", null);
        RepositoryInfo azure = new RepositoryInfo("dev.azure.com", "fabrikam/Fabrikam-Fiber/website", null, null,
                null);
        RepositoryInfo onlyCloneUrl = new RepositoryInfo("", "", "https://bitbucket.example.com/scm/PROJ/repo.git",
                null, null);
        RepositoryInfo nothing = new RepositoryInfo("", "", null, null, null);

        assertThat(RepositoryKey.of(github)).map(Object::toString).contains("github.com/octo-org/hello-world");
        assertThat(RepositoryKey.of(azure)).map(Object::toString).contains("dev.azure.com/fabrikam/fabrikam-fiber/website");
        assertThat(RepositoryKey.of(onlyCloneUrl)).map(Object::toString).contains("bitbucket.example.com/proj/repo");
        assertThat(RepositoryKey.of(nothing)).isEqualTo(Optional.empty());
    }

    @Test
    public void shouldTellTheHostNameWithoutPort() {
        assertThat(RepositoryKey.parseOrThrow("https://gitlab.example.com:8443/a/b").hostName())
                .isEqualTo("gitlab.example.com");
        assertThat(RepositoryKey.parseOrThrow("http://[::1]:3000/a/b").hostName()).isEqualTo("[::1]");
        assertThat(RepositoryKey.parseOrThrow("https://github.com/a/b").hostName()).isEqualTo("github.com");
    }

    @Test
    public void shouldRefuseToBuildAKeyThatIsNotNormalised() {
        assertThatThrownBy(() -> new RepositoryKey("GitHub.com", "a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepositoryKey("github.com", "A/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepositoryKey("github.com", "single")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void shouldTellSameRepositoryWhenOneSideDoesNotKnowThePort() {
        RepositoryKey withPort = RepositoryKey.parseOrThrow("http://bitbucket.example.com:7990/scm/PROJ/repo.git");
        RepositoryKey ssh = RepositoryKey.parseOrThrow("ssh://git@bitbucket.example.com:7999/proj/repo.git");
        RepositoryKey otherPort = RepositoryKey.parseOrThrow("https://bitbucket.example.com:8443/scm/PROJ/repo.git");

        assertThat(withPort.sameRepository(ssh)).isTrue();
        assertThat(ssh.sameRepository(withPort)).isTrue();
        assertThat(withPort.sameRepository(otherPort)).isFalse();
        assertThat(withPort.sameRepository(RepositoryKey.parseOrThrow("https://bitbucket.example.com/scm/PROJ/x")))
                .isFalse();
        assertThat(withPort.withoutPort()).isEqualTo(ssh);
    }

    @Test
    public void shouldTakeThePortOfAWebhookRepositoryFromItsCloneAddress() {
        RepositoryInfo dataCenter = new RepositoryInfo("bitbucket.example.com", "PROJ/repo",
                "http://bitbucket.example.com:7990/scm/proj/repo.git", null, null);
        RepositoryInfo elsewhere = new RepositoryInfo("bitbucket.example.com", "PROJ/repo",
                "http://mirror.example.com/scm/proj/repo.git", null, null);

        assertThat(RepositoryKey.of(dataCenter)).map(Object::toString).contains("bitbucket.example.com:7990/proj/repo");
        assertThat(RepositoryKey.of(elsewhere)).map(Object::toString).contains("bitbucket.example.com/proj/repo");
    }
}
