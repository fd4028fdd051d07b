package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class JsonPayloadTest {
    @Test
    public void shouldGiveTypedAccessWithJsonPaths() throws Exception {
        JsonPayload payload = JsonPayload.parse(utf8("{\"a\":{\"b\":\"x\",\"n\":3,\"t\":true,\"z\":null}}"));

        JsonPayload a = payload.requireObject("a");

        assertThat(a.path()).isEqualTo("$.a");
        assertThat(a.text("b")).contains("x");
        assertThat(a.integer("n")).contains(3);
        assertThat(a.bool("t")).contains(true);
        assertThat(a.text("z")).isEmpty();
        assertThat(a.has("z")).isFalse();
    }

    @Test
    public void shouldNameThePathOfAWrongType() throws Exception {
        JsonPayload a = JsonPayload.parse(utf8("{\"a\":{\"b\":[1],\"n\":\"3\",\"big\":12345678901}}")).requireObject("a");

        assertThatThrownBy(() -> a.text("b")).isInstanceOf(MalformedPayloadException.class)
                .hasMessage("'$.a.b' is an array; expected a string");
        assertThatThrownBy(() -> a.integer("n")).hasMessage("'$.a.n' is a string; expected a whole number");
        assertThatThrownBy(() -> a.integer("big")).hasMessage("'$.a.big' is a number; expected a whole number");
        assertThatThrownBy(() -> a.requireText("missing")).hasMessage("'$.a.missing' is missing; expected a string");
    }

    @Test
    public void shouldValidateCommitIds() throws Exception {
        JsonPayload payload = JsonPayload.parse(utf8("{\"sha1\":\"" + "A".repeat(40) + "\",\"sha256\":\""
                + "b".repeat(64) + "\",\"short\":\"abc\",\"long\":\"" + "a".repeat(41) + "\"}"));

        assertThat(payload.commit("sha1")).contains("a".repeat(40));
        assertThat(payload.commit("sha256")).contains("b".repeat(64));
        assertThatThrownBy(() -> payload.commit("short")).hasMessageContaining("'$.short' is not a commit id");
        assertThatThrownBy(() -> payload.commit("long")).hasMessageContaining("40 or 64 hex");
    }

    @Test
    public void shouldRefuseDeepNesting() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        assertThatThrownBy(() -> JsonPayload.parse(utf8(deep))).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    public void shouldRefuseInvalidUtf8() {
        byte[][] invalid = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},            // truncated sequence
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // overlong '/'
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // surrogate
            {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},            // never valid
            {'{', 0, '}'},                                                    // NUL
        };
        for (byte[] body : invalid) {
            assertThatThrownBy(() -> JsonPayload.parse(body)).hasMessageContaining("not valid UTF-8");
        }
    }

    @Test
    public void shouldAcceptValidMultibyteUtf8() throws Exception {
        JsonPayload payload = JsonPayload.parse(utf8("{\"a\":\"h\u00e9 \u2665 \ud83d\ude00\"}"));

        assertThat(payload.text("a")).contains("h\u00e9 \u2665 \ud83d\ude00");
    }

    @Test
    public void shouldRefuseWhatIsNotOneJsonObject() {
        assertThatThrownBy(() -> JsonPayload.parse(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> JsonPayload.parse(utf8("[1]"))).hasMessageContaining("not an object");
        assertThatThrownBy(() -> JsonPayload.parse(utf8("{} {}"))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonPayload.parse(utf8("{\"a\":1,\"a\":2}"))).hasMessageContaining("not valid JSON");
    }

    @Test
    public void shouldRefuseStringsBeyondTheLimit() {
        String huge = "{\"a\":\"" + "x".repeat(JsonPayload.MAX_STRING_LENGTH + 1) + "\"}";

        assertThatThrownBy(() -> JsonPayload.parse(utf8(huge))).hasMessageContaining("not valid JSON");
    }

    @Test
    public void shouldDecodeFormPayloadBytes() throws Exception {
        assertThat(FormPayload.payload(utf8("a=1&payload=%7B%22x%22%3A%22y+z%22%7D&b=2")))
                .isEqualTo(utf8("{\"x\":\"y z\"}"));
        assertThatThrownBy(() -> FormPayload.payload(utf8("payload=%7"))).hasMessageContaining("percent-escape");
        assertThatThrownBy(() -> FormPayload.payload(utf8("payloadx=1"))).hasMessageContaining("no 'payload'");
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
