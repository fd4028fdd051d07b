package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

public class SignatureVerifierTest {
    private static final Map<String, WebhookFormat> HOSTS = Map.of(
            "github", WebhookFormat.GITHUB,
            "gitlab", WebhookFormat.GITLAB,
            "bitbucket-server", WebhookFormat.BITBUCKET_DATA_CENTER,
            "bitbucket-cloud", WebhookFormat.BITBUCKET_CLOUD,
            "gitea", WebhookFormat.GITEA,
            "gogs", WebhookFormat.GITEA);

    /** One vector of SIGNATURES.json made into a delivery. */
    private record Vector(String name, WebhookFormat format, WebhookDelivery delivery, byte[] secret) {}

    private static List<Vector> vectors() throws Exception {
        JsonNode all = new ObjectMapper().readTree(Fixtures.bytes("SIGNATURES.json"));
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode entry : all) {
            WebhookFormat format = HOSTS.get(entry.get("host").asText());
            byte[] secret = entry.get("secret").asText().getBytes(StandardCharsets.UTF_8);
            if (entry.has("file")) {
                String file = entry.get("file").asText();
                vectors.add(new Vector(file, format, FixtureDeliveries.load(file), secret));
            } else {
                String header = entry.get("header").asText().split(" ")[0];
                Map<String, String> headers = new HashMap<>();
                headers.put(header, entry.get("expected").asText());
                headers.put("X-GitHub-Event", "push");
                if (entry.get("scheme").asText().startsWith("form-encoded")) {
                    headers.put("Content-Type", "application/x-www-form-urlencoded");
                }
                vectors.add(new Vector(entry.get("payload").asText(), format, WebhookDelivery.post(headers,
                        entry.get("payload").asText().getBytes(StandardCharsets.UTF_8)), secret));
            }
        }
        return vectors;
    }

    @Test
    public void shouldVerifyEveryPublishedVectorAndSignedFixture() throws Exception {
        List<Vector> vectors = vectors();
        SoftAssertions softly = new SoftAssertions();
        for (Vector vector : vectors) {
            // Some published vectors are HMAC-SHA1: verified here as for a provider that allows SHA-1.
            Verification result = SignatureVerifier.verify(vector.format, vector.delivery, List.of(vector.secret),
                    true);
            softly.assertThat(result.outcome()).as("%s: %s", vector.name, result.message())
                    .isEqualTo(Verification.Outcome.VERIFIED);
        }
        softly.assertAll();
        assertThat(vectors).hasSizeGreaterThan(50);
    }

    @Test
    public void shouldRefuseEveryVectorWithOneFlippedByte() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Vector vector : vectors()) {
            if (vector.format == WebhookFormat.GITLAB) {
                continue; // GitLab sends a token, not a signature over the body.
            }
            byte[] body = vector.delivery.body();
            body[body.length / 2] ^= 0x01;
            WebhookDelivery flipped = new WebhookDelivery("POST", vector.delivery.headers(), Map.of(), body);
            softly.assertThat(SignatureVerifier.verify(vector.format, flipped, List.of(vector.secret), true)
                    .outcome()).as(vector.name).isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
        }
        softly.assertAll();
    }

    @Test
    public void shouldRefuseTheWrongSecret() {
        WebhookDelivery delivery = FixtureDeliveries.load("github/webhook/signed/ping.secret-123.json");

        Verification result = SignatureVerifier.verify(WebhookFormat.GITHUB, delivery, List.of(utf8("124")));

        assertThat(result.outcome()).isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
        assertThat(result.accepted()).isFalse();
    }

    @Test
    public void shouldAcceptAnyOfSeveralSecretsDuringRotation() {
        WebhookDelivery delivery = FixtureDeliveries.load("gitea/webhook/signed/push-event.json");

        Verification result = SignatureVerifier.verify(WebhookFormat.GITEA, delivery,
                List.of(utf8("the-new-secret"), utf8("IsWishesWereHorsesWedAllBeEatingSteak!")));

        assertThat(result.accepted()).isTrue();
    }

    @Test
    public void shouldFailClosedWithoutSecrets() {
        WebhookDelivery delivery = FixtureDeliveries.load("github/webhook/signed/ping.secret-123.json");

        assertThat(SignatureVerifier.verify(WebhookFormat.GITHUB, delivery, List.of()).outcome())
                .isEqualTo(Verification.Outcome.NO_SECRET_CONFIGURED);
        assertThat(SignatureVerifier.verify(WebhookFormat.GITHUB, delivery, List.of(new byte[0])).outcome())
                .isEqualTo(Verification.Outcome.NO_SECRET_CONFIGURED);
    }

    @Test
    public void shouldCallAnUnsignedDeliveryMissingWhenASecretIsConfigured() {
        SoftAssertions softly = new SoftAssertions();
        Map<WebhookFormat, String> unsigned = Map.of(
                WebhookFormat.GITHUB, "github/webhook/push.github-plugin.json",
                WebhookFormat.GITLAB, "gitlab/webhook/push-branch-created.json",
                WebhookFormat.BITBUCKET_CLOUD, "bitbucket-cloud/webhook/repo-push.json",
                WebhookFormat.BITBUCKET_DATA_CENTER, "bitbucket-server/webhook/pr-opened.json",
                WebhookFormat.GITEA, "gitea/webhook/push.json",
                WebhookFormat.AZURE_DEVOPS, "azure-devops/webhook/git.push.json");
        unsigned.forEach((format, file) -> {
            Verification result = SignatureVerifier.verify(format, FixtureDeliveries.load(file), List.of(utf8("s")));
            softly.assertThat(result.outcome()).as(file).isEqualTo(Verification.Outcome.MISSING_SIGNATURE);
        });
        softly.assertAll();
    }

    @Test
    public void shouldCompareGitLabTokens() {
        WebhookDelivery delivery = FixtureDeliveries.load("gitlab/webhook/signed/push.token-topsecret.json");

        assertThat(SignatureVerifier.verify(WebhookFormat.GITLAB, delivery, List.of(utf8("topsecret"))).outcome())
                .isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(SignatureVerifier.verify(WebhookFormat.GITLAB, delivery, List.of(utf8("topsecreT"))).outcome())
                .isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
        assertThat(SignatureVerifier.verify(WebhookFormat.GITLAB, delivery, List.of(utf8("topsecret2"))).outcome())
                .isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
    }

    @Test
    public void shouldAcceptTheAzureDevOpsTokenHeaderOnly() {
        byte[] body = Fixtures.bytes("azure-devops/webhook/git.push.json");
        String basic = "Basic " + Base64.getEncoder().encodeToString(utf8("jenkins:hook-secret"));
        List<byte[]> secrets = List.of(utf8("hook-secret"));

        assertThat(SignatureVerifier.verify(WebhookFormat.AZURE_DEVOPS, WebhookDelivery.post(
                Map.of(SignatureVerifier.AZURE_TOKEN_HEADER, "hook-secret"), body), secrets).outcome())
                .isEqualTo(Verification.Outcome.VERIFIED);
        // Jenkins refuses Basic credentials it does not know before the plugin sees them: the docs must not offer it
        Verification basicOnly = SignatureVerifier.verify(WebhookFormat.AZURE_DEVOPS, WebhookDelivery.post(
                Map.of("Authorization", basic), body), secrets);
        assertThat(basicOnly.outcome()).isEqualTo(Verification.Outcome.MISSING_SIGNATURE);
        assertThat(basicOnly.message()).contains("X-Git-Providers-Token").contains("leave Basic authentication empty");
        assertThat(SignatureVerifier.verify(WebhookFormat.AZURE_DEVOPS, WebhookDelivery.post(
                Map.of(SignatureVerifier.AZURE_TOKEN_HEADER, "other"), body), secrets).outcome())
                .isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
    }

    @Test
    public void shouldRefuseSha1SignaturesUnlessTheProviderAllowsThem() {
        byte[] body = Fixtures.bytes("github/webhook/signed/ping.secret-123.json");
        List<byte[]> secret = List.of(utf8("123"));
        String sha1 = "sha1=355e155fc3d10c4e5f2c6086a01281d2e947d932";
        WebhookDelivery sha1Only = WebhookDelivery.post(Map.of("X-Hub-Signature", sha1), body);

        // sha1 alone (GHES before 3.0) is refused by default, with what to do, and accepted once allowed
        Verification refused = SignatureVerifier.verify(WebhookFormat.GITHUB, sha1Only, secret);
        assertThat(refused.outcome()).isEqualTo(Verification.Outcome.SHA1_REFUSED);
        assertThat(refused.message()).contains("HMAC-SHA1").contains("allow SHA-1 signatures");
        assertThat(SignatureVerifier.verify(WebhookFormat.GITHUB, sha1Only, secret, true).accepted()).isTrue();
        // Bitbucket's sha1= prefix likewise
        assertThat(SignatureVerifier.verify(WebhookFormat.BITBUCKET_DATA_CENTER, sha1Only, secret).outcome())
                .isEqualTo(Verification.Outcome.SHA1_REFUSED);
        // a bad sha256 is not rescued by a good sha1, even when SHA-1 is allowed
        assertThat(SignatureVerifier.verify(WebhookFormat.GITHUB, WebhookDelivery.post(
                Map.of("X-Hub-Signature", sha1, "X-Hub-Signature-256", "sha256=" + "0".repeat(64)), body), secret,
                true).outcome()).isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
    }

    @Test
    public void shouldNameTheProviderAndTheFixInTheSha1Notice() {
        assertThat(SignatureVerifier.sha1Notice("old-ghes")).contains("'old-ghes'").contains("SHA-1")
                .contains("X-Hub-Signature-256");
    }

    @Test
    public void shouldAcceptBitbucketSha512AndRefuseUnknownPrefixes() {
        byte[] body = utf8("{\"yo\":true}");
        String sha512 = "sha512=8456767023c1195682e182a23b3f5d19150ecea598fde8cb85918f7281b16079471b1329f92b912c4d8"
                + "bd7455cb159777db8f29608b20c7c87323ba65ae62e1f";
        List<byte[]> secret = List.of(utf8("0123456789abcdef"));

        assertThat(SignatureVerifier.verify(WebhookFormat.BITBUCKET_CLOUD, WebhookDelivery.post(
                Map.of("X-Hub-Signature", sha512), body), secret).accepted()).isTrue();
        assertThat(SignatureVerifier.verify(WebhookFormat.BITBUCKET_CLOUD, WebhookDelivery.post(
                Map.of("X-Hub-Signature", "md5=abcd"), body), secret).outcome())
                .isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
        assertThat(SignatureVerifier.verify(WebhookFormat.BITBUCKET_CLOUD, WebhookDelivery.post(
                Map.of("X-Hub-Signature", "sha256=zz"), body), secret).outcome())
                .isEqualTo(Verification.Outcome.INVALID_SIGNATURE);
    }

    @Test
    public void shouldVerifyGiteaFormDeliveriesOverTheEmbeddedJson() {
        // Given a form-encoded Gitea delivery: Gitea signs the JSON, not the form body
        byte[] json = Fixtures.bytes("gitea/webhook/signed/push-event.json");
        String signature = FixtureDeliveries.headers("gitea/webhook/signed/push-event.json")
                .get("X-Gitea-Signature").get(0);
        byte[] form = ("payload=" + java.net.URLEncoder.encode(new String(json, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        WebhookDelivery delivery = WebhookDelivery.post(Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", signature,
                "Content-Type", "application/x-www-form-urlencoded"), form);

        // When / Then
        assertThat(SignatureVerifier.verify(WebhookFormat.GITEA, delivery,
                List.of(utf8("IsWishesWereHorsesWedAllBeEatingSteak!"))).accepted()).isTrue();
    }

    @Test
    public void shouldNeverPutTheSecretOrSignatureInMessages() {
        WebhookDelivery delivery = FixtureDeliveries.load("gitlab/webhook/signed/push.token-topsecret.json");

        for (String secret : List.of("topsecret", "wrong-secret-value")) {
            Verification result = SignatureVerifier.verify(WebhookFormat.GITLAB, delivery, List.of(utf8(secret)));
            assertThat(result.message()).doesNotContain("topsecret").doesNotContain(secret);
            assertThat(result.toString()).doesNotContain("topsecret");
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
