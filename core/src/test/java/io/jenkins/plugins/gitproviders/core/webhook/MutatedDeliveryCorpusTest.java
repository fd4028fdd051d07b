package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;

/**
 * Feeds a deterministic corpus of mutated, correctly re-signed deliveries through detection, verification and
 * parsing: truncations, wrong types in the fields parsers read, 10,000-deep nesting, invalid UTF-8, empty bodies,
 * huge strings and random byte flips. Each must verify (it is signed) and then parse to MALFORMED or IGNORED where
 * the mutation breaks the document, and never throw.
 */
public class MutatedDeliveryCorpusTest {
    private static final long SEED = 4L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A signed seed delivery and the fields its parser reads. */
    private record Seed(String file, WebhookFormat format, String secret, List<String> keyFields) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("github/webhook/signed/ping.secret-123.json", WebhookFormat.GITHUB, "123",
                    List.of("repository", "repository.full_name", "repository.html_url", "sender")),
            new Seed("github/webhook/push-branch-created.json", WebhookFormat.GITHUB, "corpus-secret",
                    List.of("ref", "before", "after", "created", "repository", "repository.full_name",
                            "repository.html_url", "head_commit", "head_commit.id", "sender", "sender.login")),
            new Seed("github/webhook/pull_request-synchronize.json", WebhookFormat.GITHUB, "corpus-secret",
                    List.of("action", "number", "before", "after", "pull_request", "pull_request.head",
                            "pull_request.head.ref", "pull_request.head.sha", "pull_request.base",
                            "pull_request.base.ref", "repository")),
            new Seed("gitlab/webhook/signed/push.token-topsecret.json", WebhookFormat.GITLAB, "topsecret",
                    List.of("ref", "before", "after", "checkout_sha", "project", "project.path_with_namespace",
                            "project.web_url", "user_username")),
            new Seed("gitlab/webhook/merge_request-open.json", WebhookFormat.GITLAB, "corpus-secret",
                    List.of("object_attributes", "object_attributes.action", "object_attributes.iid",
                            "object_attributes.source_branch", "object_attributes.target_branch",
                            "object_attributes.last_commit", "object_attributes.last_commit.id", "project", "user")),
            new Seed("gitea/webhook/signed/push-event.json", WebhookFormat.GITEA,
                    "IsWishesWereHorsesWedAllBeEatingSteak!",
                    List.of("ref", "before", "after", "repository", "repository.full_name", "repository.html_url",
                            "sender")),
            new Seed("gitea/webhook/signed/pull-request-event.json", WebhookFormat.GITEA,
                    "IsWishesWereHorsesWedAllBeEatingSteak!",
                    List.of("action", "number", "pull_request", "pull_request.head", "pull_request.head.sha",
                            "pull_request.base", "repository", "repository.full_name")),
            new Seed("gogs/webhook/signed/delete-event.json", WebhookFormat.GITEA, "sampleToken!",
                    List.of("ref", "ref_type", "repository", "repository.full_name")));

    private static final Map<String, Map<String, List<String>>> HEADERS = new java.util.HashMap<>();

    private final List<String> failures = new ArrayList<>();
    private int deliveries;

    @Test
    public void shouldNeverThrowAndNeverAcceptABrokenDocument() throws Exception {
        Random random = new Random(SEED);
        for (Seed seed : SEEDS) {
            byte[] original = Fixtures.bytes(seed.file);
            assertThat(run(seed, original).outcome()).as("%s unmutated", seed.file)
                    .isEqualTo(ParseResult.Outcome.EVENT);

            int lastBrace = lastIndexOf(original, (byte) '}');
            for (int i = 0; i < 60; i++) {
                int cut = i < 20 ? i : random.nextInt(lastBrace + 1);
                expectBroken(seed, "truncated at " + cut, java.util.Arrays.copyOf(original, cut));
            }
            for (String field : seed.keyFields) {
                for (JsonNode wrong : wrongValuesFor(at(tree(original), field))) {
                    ObjectNode mutated = tree(original);
                    replace(mutated, field, wrong);
                    expectOutcome(seed, field + " = " + wrong, MAPPER.writeValueAsBytes(mutated),
                            ParseResult.Outcome.MALFORMED);
                }
            }
            String deep = "[".repeat(10_000) + "]".repeat(10_000);
            expectBroken(seed, "10,000-deep nesting", concat("{\"x\":" + deep + ",", original, 1));
            for (int i = 0; i < 20; i++) {
                byte[] invalid = original.clone();
                invalid[random.nextInt(invalid.length)] = (byte) (i % 2 == 0 ? 0xFF : 0xC3);
                expectBroken(seed, "invalid UTF-8 #" + i, invalid);
            }
            expectBroken(seed, "empty body", new byte[0]);
            ObjectNode huge = tree(original);
            replace(huge, seed.keyFields.get(0), NODES.textNode("x".repeat(JsonPayload.MAX_STRING_LENGTH + 1)));
            expectBroken(seed, "huge string", MAPPER.writeValueAsBytes(huge));
            for (int i = 0; i < 200; i++) {
                byte[] flipped = original.clone();
                flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                check(seed, "random byte #" + i, flipped, null);
            }
        }
        assertThat(failures).as("mutations that misbehaved").isEmpty();
        assertThat(deliveries).as("corpus size").isGreaterThan(1000);
    }

    private void expectBroken(Seed seed, String mutation, byte[] body) {
        check(seed, mutation, body, ParseResult.Outcome.EVENT);
    }

    private void expectOutcome(Seed seed, String mutation, byte[] body, ParseResult.Outcome expected) {
        ParseResult result = check(seed, mutation, body, null);
        if (result != null && result.outcome() != expected) {
            failures.add(seed.file + " [" + mutation + "]: " + result.outcome() + " instead of " + expected);
        }
    }

    /** Runs one delivery; records a failure on an exception, a failed verification or the forbidden outcome. */
    private ParseResult check(Seed seed, String mutation, byte[] body, ParseResult.Outcome forbidden) {
        deliveries++;
        try {
            ParseResult result = run(seed, body);
            if (result == null) {
                failures.add(seed.file + " [" + mutation + "]: not verified");
            } else if (result.outcome() == forbidden) {
                failures.add(seed.file + " [" + mutation + "]: " + result.outcome());
            }
            return result;
        } catch (RuntimeException e) {
            failures.add(seed.file + " [" + mutation + "]: threw " + e);
            return null;
        }
    }

    /** Signs the body with the seed's secret, detects, verifies and parses it; null when not verified. */
    private static ParseResult run(Seed seed, byte[] body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(HEADERS.computeIfAbsent(seed.file, FixtureDeliveries::headers));
        byte[] secret = seed.secret.getBytes(StandardCharsets.UTF_8);
        String hmac = HexFormat.of().formatHex(SignatureVerifier.hmac("HmacSHA256", secret, body));
        switch (seed.format) {
            case GITHUB:
                headers.put("X-Hub-Signature-256", List.of("sha256=" + hmac));
                headers.remove("X-Hub-Signature");
                break;
            case GITEA:
                headers.keySet().removeIf(name -> name.toLowerCase().endsWith("-signature"));
                headers.put("X-Gitea-Signature", List.of(hmac));
                break;
            default:
                headers.put("X-Gitlab-Token", List.of(seed.secret));
        }
        WebhookDelivery delivery = new WebhookDelivery("POST", headers, Map.of(), body);
        WebhookFormat format = HostDetector.detect(delivery).orElseThrow();
        if (!SignatureVerifier.verify(format, delivery, List.of(secret)).accepted()) {
            return null;
        }
        return WebhookParsers.forFormat(format).orElseThrow().parse(delivery);
    }

    private static List<JsonNode> wrongValuesFor(JsonNode current) {
        if (current.isObject()) {
            return List.of(NODES.textNode("x"), NODES.numberNode(42), NODES.arrayNode());
        }
        if (current.isNumber()) {
            return List.of(NODES.textNode("7"), NODES.numberNode(1.5), NODES.arrayNode(), NODES.objectNode());
        }
        if (current.isBoolean()) {
            return List.of(NODES.textNode("true"), NODES.numberNode(1));
        }
        return List.of(NODES.numberNode(42), NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true));
    }

    private static ObjectNode tree(byte[] body) throws Exception {
        return (ObjectNode) MAPPER.readTree(body);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.get(part);
            assertThat(node).as("seed field %s", path).isNotNull();
        }
        return node;
    }

    private static void replace(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? root : (ObjectNode) at(root, path.substring(0, dot));
        parent.set(path.substring(dot + 1), value);
    }

    private static byte[] concat(String prefix, byte[] body, int skip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        out.write(body, skip, body.length - skip);
        return out.toByteArray();
    }

    private static int lastIndexOf(byte[] body, byte wanted) {
        for (int i = body.length - 1; i >= 0; i--) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }
}
