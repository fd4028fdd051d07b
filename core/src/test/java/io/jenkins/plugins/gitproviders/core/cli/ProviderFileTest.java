package io.jenkins.plugins.gitproviders.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.io.IOException;
import java.util.List;
import org.junit.Test;

public class ProviderFileTest {
    private static ProviderSpec parse(String json) throws IOException {
        return ProviderFile.parse(new ObjectMapper().readTree(json), "provider.json");
    }

    @Test
    public void shouldReadTheFieldsOfTheJenkinsConfiguration() throws IOException {
        ProviderSpec spec = parse("{\"name\":\"gh\",\"type\":\"gitHub\",\"webhookSecretCredentialsId\":\"new\","
                + "\"previousWebhookSecretCredentialsId\":\"old\",\"allowedItems\":[\"team-a/**\"],"
                + "\"allowOutsideScope\":true,\"active\":false}");

        assertThat(spec.webhookSecretCredentialsIds()).containsExactly("new", "old");
        assertThat(spec.allowedItems()).containsExactly("team-a/**");
        assertThat(spec.allowOutsideScope()).isTrue();
        assertThat(spec.active()).isFalse();
    }

    @Test
    public void shouldStillReadTheCoresListOfSecrets() throws IOException {
        assertThat(parse("{\"type\":\"gitea\",\"webhookSecretCredentialsIds\":[\"a\",\"b\"]}")
                .webhookSecretCredentialsIds()).isEqualTo(List.of("a", "b"));
        assertThat(parse("{\"type\":\"gitea\"}").allowOutsideScope()).isFalse();
    }

    @Test
    public void shouldRefuseFieldsOfTheWrongShape() {
        assertThatThrownBy(() -> parse("{\"type\":\"gitea\",\"allowedItems\":\"team-a/**\"}"))
                .hasMessageContaining("'allowedItems' must be an array of strings");
        assertThatThrownBy(() -> parse("{\"type\":\"gitea\",\"allowOutsideScope\":\"yes\"}"))
                .hasMessageContaining("'allowOutsideScope' must be true or false");
        assertThatThrownBy(() -> parse("{\"type\":\"gitea\",\"token\":\"x\"}"))
                .hasMessageContaining("unknown field(s) [token]");
    }
}
