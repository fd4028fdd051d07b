package io.jenkins.plugins.gitproviders.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class RefRequestTest {
    private static final String SHA1 = "0123456789abcdef0123456789abcdef01234567";
    private static final String SHA256 = SHA1 + "0123456789abcdef01234567";

    @Test
    public void shouldReadEachRefForm() {
        assertThat(RefRequest.parse(null)).isEqualTo(new RefRequest.DefaultBranch());
        assertThat(RefRequest.parse("  ")).isEqualTo(new RefRequest.DefaultBranch());
        assertThat(RefRequest.parse("refs/heads/feature/x")).isEqualTo(new RefRequest.Branch("feature/x"));
        assertThat(RefRequest.parse("refs/tags/v2.3.1")).isEqualTo(new RefRequest.Tag("v2.3.1"));
        assertThat(RefRequest.parse("PR-12")).isEqualTo(new RefRequest.PullRequest(12));
        assertThat(RefRequest.parse(SHA1.toUpperCase())).isEqualTo(new RefRequest.Commit(SHA1));
        assertThat(RefRequest.parse(SHA256)).isEqualTo(new RefRequest.Commit(SHA256));
        assertThat(RefRequest.parse(" v2.3.1 ")).isEqualTo(new RefRequest.BranchOrTag("v2.3.1"));
    }

    @Test
    public void shouldTreatNearMissesAsBranchOrTagNames() {
        // Given names that only resemble the special forms, when parsed, then they stay names git accepts
        assertThat(RefRequest.parse("pr-12")).isEqualTo(new RefRequest.BranchOrTag("pr-12"));
        assertThat(RefRequest.parse("PR-12a")).isEqualTo(new RefRequest.BranchOrTag("PR-12a"));
        assertThat(RefRequest.parse(SHA1.substring(0, 12))).isEqualTo(new RefRequest.BranchOrTag(SHA1.substring(0, 12)));
        assertThat(RefRequest.parse("refs/heads/PR-12")).isEqualTo(new RefRequest.Branch("PR-12"));
    }

    @Test
    public void shouldRefuseInvalidRefsNamingTheRule() {
        assertThatThrownBy(() -> RefRequest.parse("main..evil"))
                .isInstanceOf(CheckoutException.class)
                .hasMessage("Ref 'main..evil' is not a valid Git ref: it contains '..'. Give a branch or tag name as"
                        + " git check-ref-format allows, a full commit id (40 or 64 hex digits), or PR-<number>.");
        assertThatThrownBy(() -> RefRequest.parse("--upload-pack=touch /tmp/x"))
                .hasMessageStartingWith("Ref '--upload-pack=touch /tmp/x' is not a valid Git ref: it contains a space");
        assertThatThrownBy(() -> RefRequest.parse("--upload-pack=evil"))
                .hasMessageStartingWith("Ref '--upload-pack=evil' is not a valid Git ref: it starts with '-'");
        assertThatThrownBy(() -> RefRequest.parse("refs/heads/a.lock"))
                .hasMessageStartingWith("Ref 'refs/heads/a.lock' is not a valid Git ref: it has a part ending with '.lock'");
        assertThatThrownBy(() -> RefRequest.parse("a\nb"))
                .hasMessageStartingWith("Ref 'a?b' is not a valid Git ref: it contains a control character");
        assertThatThrownBy(() -> RefRequest.parse("refs/heads/"))
                .hasMessageStartingWith("Ref 'refs/heads/' is not a valid Git ref: it is empty");
    }

    @Test
    public void shouldRefuseUnsupportedFullRefsHeadAndPullRequestZero() {
        assertThatThrownBy(() -> RefRequest.parse("refs/pull/12/head"))
                .hasMessage("Ref 'refs/pull/12/head' is not supported: only refs/heads/<branch> and refs/tags/<tag>"
                        + " can be given in full; for a pull request give PR-<number>, for a commit its full id.");
        assertThatThrownBy(() -> RefRequest.parse("HEAD"))
                .hasMessage("Ref 'HEAD' is not accepted: leave ref out to check out the default branch.");
        assertThatThrownBy(() -> RefRequest.parse("PR-0"))
                .hasMessage("Pull request number in ref 'PR-0' is out of range: give PR-<number> with a number from 1"
                        + " to 2147483647.");
        assertThatThrownBy(() -> RefRequest.parse("PR-99999999999"))
                .hasMessageStartingWith("Pull request number in ref 'PR-99999999999' is out of range");
    }
}
