package io.jenkins.plugins.gitproviders.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

public class RefTipsTest {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(64);

    @Test
    public void shouldReadLsRemoteOutputSkippingPeeledTagsAndNoise() {
        RefTips tips = RefTips.fromLsRemote(A + "\tHEAD\n"
                + A + "\trefs/heads/main\n"
                + B + "\trefs/tags/v1\n"
                + A + "\trefs/tags/v1^{}\n"
                + "ref: refs/heads/main\tHEAD\n"
                + "warning: redirecting to https://example.com/\n"
                + "0".repeat(40) + "\trefs/heads/zero\n"
                + A.toUpperCase() + "\trefs/heads/upper\r\n");

        assertThat(tips.commits()).containsExactly(Map.entry("refs/heads/main", A), Map.entry("refs/tags/v1", B),
                Map.entry("refs/heads/upper", A));
        assertThat(tips.tipOf("refs/heads/main")).contains(A);
        assertThat(tips.tipOf("refs/heads/missing")).isEmpty();
    }

    @Test
    public void shouldKeepOnlyBoundedWellFormedRefs() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("refs/heads/" + "x".repeat(RefTips.MAX_REF_LENGTH), A);
        answer.put("refs/heads/with space", A);
        answer.put("refs/heads/new\nline", A);
        answer.put("refs/heads/short", "abc123");
        answer.put("refs/heads/ok", A);
        for (int i = 0; i < RefTips.MAX_REFS + 10; i++) {
            answer.put("refs/heads/b" + i, A);
        }

        RefTips tips = new RefTips(answer);

        assertThat(tips.commits()).hasSize(RefTips.MAX_REFS).containsKey("refs/heads/ok")
                .doesNotContainKeys("refs/heads/with space", "refs/heads/new\nline", "refs/heads/short");
    }
}
