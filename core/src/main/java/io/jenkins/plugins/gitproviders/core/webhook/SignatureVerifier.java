package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a delivery comes from the host, over the raw body bytes, in constant time, failing closed. Each host's
 * scheme:
 * <ul>
 *   <li>GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256>}; only when that header is absent (GitHub
 *       Enterprise Server before 3.0) {@code X-Hub-Signature: sha1=<hex HMAC-SHA1>}, and only for a provider that
 *       allows SHA-1 signatures ({@link ProviderSpec#allowSha1Signatures()}, off by default).</li>
 *   <li>GitLab: {@code X-Gitlab-Token} carries the secret itself; SHA-256 digests of both are compared.</li>
 *   <li>Bitbucket Cloud and Data Center: {@code X-Hub-Signature: sha256=<hex>} (also {@code sha384=},
 *       {@code sha512=}; {@code sha1=} only when the provider allows SHA-1 signatures).</li>
 *   <li>Gitea, Forgejo, Gogs: {@code X-Forgejo-Signature}, {@code X-Gitea-Signature} or {@code X-Gogs-Signature},
 *       hex HMAC-SHA256 without prefix; for form-encoded deliveries the HMAC covers the JSON in the
 *       {@code payload} parameter, as Gitea computes it.</li>
 *   <li>Azure DevOps: the secret in the custom header {@code X-Git-Providers-Token} set on the service hook. Basic
 *       authentication is not accepted: Jenkins' own security filter takes an {@code Authorization: Basic} header for
 *       a Jenkins login and refuses the request before the plugin sees it.</li>
 * </ul>
 * Several secrets may be valid at once (rotation): any one matching admits the delivery. Every secret is tried, so
 * the time taken does not tell which one matched.
 *
 * <p>GitLab's and Azure DevOps' secrets travel in headers, so {@link #verifiesWithoutBody} deliveries are verified
 * before their body is read; the others cost {@link #bodyHmacsPerSecret} HMACs over the whole body per secret.
 */
public final class SignatureVerifier {
    /** Names the header that carries the shared secret of an Azure DevOps service hook. */
    public static final String AZURE_TOKEN_HEADER = "X-Git-Providers-Token";

    private static final List<String> GITEA_HEADERS =
            List.of("X-Forgejo-Signature", "X-Gitea-Signature", "X-Gogs-Signature");

    private SignatureVerifier() {}

    /**
     * Returns the notice the plugin shows on a provider that accepts SHA-1 signatures, and that the deliveries log
     * names when such a signature admitted a delivery.
     */
    public static String sha1Notice(String providerName) {
        return "Provider '" + providerName + "' accepts webhook deliveries signed with SHA-1 only (X-Hub-Signature:"
                + " sha1=...). HMAC-SHA1 is weaker than the HMAC-SHA256 every supported host sends today; turn"
                + " 'Accept SHA-1 signatures' off once the server is upgraded (GitHub Enterprise Server 3.0 and later"
                + " send X-Hub-Signature-256; Bitbucket signs with SHA-256 by default).";
    }

    /** Tells whether the format's secret travels in a header, so a delivery can be verified before its body is read. */
    public static boolean verifiesWithoutBody(WebhookFormat format) {
        return format == WebhookFormat.GITLAB || format == WebhookFormat.AZURE_DEVOPS;
    }

    /**
     * Returns how many HMACs over the whole body verifying the delivery costs per secret: none for header tokens, two
     * for a form-encoded Gitea delivery (the raw body and the embedded JSON), one otherwise.
     */
    public static int bodyHmacsPerSecret(WebhookFormat format, WebhookDelivery delivery) {
        if (verifiesWithoutBody(format)) {
            return 0;
        }
        return format == WebhookFormat.GITEA && FormPayload.isForm(delivery) ? 2 : 1;
    }

    /**
     * Verifies a delivery in the given format against the configured secrets, refusing SHA-1 signatures.
     *
     * @param secrets the valid webhook secrets, as UTF-8 bytes; empty ones are ignored, and none means refusal
     */
    public static Verification verify(WebhookFormat format, WebhookDelivery delivery, List<byte[]> secrets) {
        return verify(format, delivery, secrets, false);
    }

    /**
     * Verifies a delivery in the given format against the configured secrets.
     *
     * @param secrets    the valid webhook secrets, as UTF-8 bytes; empty ones are ignored, and none means refusal
     * @param allowSha1  whether a signature by HMAC-SHA1 is accepted (the provider's opt-in for old servers)
     */
    public static Verification verify(WebhookFormat format, WebhookDelivery delivery, List<byte[]> secrets,
            boolean allowSha1) {
        List<byte[]> usable = new ArrayList<>();
        for (byte[] secret : secrets) {
            if (secret != null && secret.length > 0) {
                usable.add(secret);
            }
        }
        if (usable.isEmpty()) {
            return new Verification(Verification.Outcome.NO_SECRET_CONFIGURED, "No webhook secret is configured for"
                    + " this provider, so it accepts no deliveries. Add a webhook secret to the provider in Jenkins"
                    + " and the same secret to the webhook at the host.");
        }
        switch (format) {
            case GITHUB:
                return verifyGitHub(delivery, usable, allowSha1);
            case GITLAB:
                return verifyToken(delivery.header("X-Gitlab-Token"), "X-Gitlab-Token", usable,
                        "the webhook's 'Secret token' in GitLab");
            case BITBUCKET_CLOUD:
            case BITBUCKET_DATA_CENTER:
                return verifyHubSignature(delivery, usable, "X-Hub-Signature", "the webhook's 'Secret' in Bitbucket",
                        allowSha1);
            case GITEA:
                return verifyGitea(delivery, usable);
            case AZURE_DEVOPS:
                return verifyAzure(delivery, usable);
            default:
                throw new IllegalArgumentException("Unknown format " + format);
        }
    }

    private static Verification verifyGitHub(WebhookDelivery delivery, List<byte[]> secrets, boolean allowSha1) {
        String where = "the webhook's 'Secret' in GitHub";
        Optional<String> sha256 = delivery.header("X-Hub-Signature-256");
        if (sha256.isPresent()) {
            return checkPrefixed(sha256.get(), "X-Hub-Signature-256", List.of("sha256"), delivery.rawBody(),
                    secrets, where);
        }
        return verifyHubSignature(delivery, secrets, "X-Hub-Signature", where, allowSha1);
    }

    private static Verification verifyHubSignature(
            WebhookDelivery delivery, List<byte[]> secrets, String header, String where, boolean allowSha1) {
        Optional<String> value = delivery.header(header);
        if (value.isEmpty()) {
            return missing(header, where);
        }
        if (!allowSha1 && value.get().trim().toLowerCase(Locale.ROOT).startsWith("sha1=")) {
            return new Verification(Verification.Outcome.SHA1_REFUSED, header + " is an HMAC-SHA1 signature, which"
                    + " this provider refuses: only SHA-256 (or SHA-384, SHA-512) signatures are accepted. Upgrade"
                    + " the server so that it signs with SHA-256 (GitHub Enterprise Server 3.0 and later send"
                    + " X-Hub-Signature-256), or, for an old server, allow SHA-1 signatures on the provider.");
        }
        List<String> algorithms = allowSha1 ? List.of("sha256", "sha384", "sha512", "sha1")
                : List.of("sha256", "sha384", "sha512");
        return checkPrefixed(value.get(), header, algorithms, delivery.rawBody(), secrets, where);
    }

    private static Verification checkPrefixed(
            String value, String header, List<String> algorithms, byte[] body, List<byte[]> secrets, String where) {
        String trimmed = value.trim();
        int equals = trimmed.indexOf('=');
        String algorithm = equals < 0 ? "" : trimmed.substring(0, equals).toLowerCase(Locale.ROOT);
        if (!algorithms.contains(algorithm)) {
            return new Verification(Verification.Outcome.INVALID_SIGNATURE, header + " must look like '"
                    + algorithms.get(0) + "=<hex>' (accepted: " + String.join(", ", algorithms) + ")");
        }
        return checkHmac(trimmed.substring(equals + 1), header, macName(algorithm), List.of(body), secrets, where);
    }

    private static Verification verifyGitea(WebhookDelivery delivery, List<byte[]> secrets) {
        String where = "the webhook's 'Secret' in Gitea or Forgejo";
        for (String header : GITEA_HEADERS) {
            Optional<String> value = delivery.header(header);
            if (value.isPresent()) {
                List<byte[]> signed = new ArrayList<>();
                signed.add(delivery.rawBody());
                if (FormPayload.isForm(delivery)) {
                    // Gitea signs the JSON it put into the form, not the form body itself.
                    try {
                        signed.add(FormPayload.payload(delivery.rawBody()));
                    } catch (MalformedPayloadException e) {
                        // The raw body is still checked; a broken form fails verification or parsing later.
                    }
                }
                return checkHmac(value.get().trim(), header, "HmacSHA256", signed, secrets, where);
            }
        }
        if (delivery.header("X-Hub-Signature-256").isPresent()) {
            return checkPrefixed(delivery.header("X-Hub-Signature-256").get(), "X-Hub-Signature-256",
                    List.of("sha256"), delivery.rawBody(), secrets, where);
        }
        return missing("X-Gitea-Signature", where);
    }

    private static Verification verifyAzure(WebhookDelivery delivery, List<byte[]> secrets) {
        String where = "the service hook's HTTP header '" + AZURE_TOKEN_HEADER + ": <secret>' in Azure DevOps"
                + " (leave Basic authentication empty: Jenkins itself refuses Basic credentials it does not know)";
        return verifyToken(delivery.header(AZURE_TOKEN_HEADER), AZURE_TOKEN_HEADER, secrets, where);
    }

    private static Verification verifyToken(
            Optional<String> token, String name, List<byte[]> secrets, String where) {
        if (token.isEmpty()) {
            return missing(name, where);
        }
        // Digests first: MessageDigest.isEqual is constant-time only for equal lengths, and a digest hides the length.
        byte[] presented = sha256(token.get().getBytes(StandardCharsets.UTF_8));
        boolean matched = false;
        for (byte[] secret : secrets) {
            matched |= MessageDigest.isEqual(presented, sha256(secret));
        }
        return matched
                ? new Verification(Verification.Outcome.VERIFIED, name + " matches a configured webhook secret")
                : new Verification(Verification.Outcome.INVALID_SIGNATURE, name + " matches none of the"
                        + " configured webhook secrets; make " + where + " equal to the provider's webhook secret"
                        + " in Jenkins");
    }

    private static Verification checkHmac(
            String hex, String header, String mac, List<byte[]> signedBodies, List<byte[]> secrets, String where) {
        byte[] presented = decodeHex(hex);
        if (presented == null) {
            return new Verification(Verification.Outcome.INVALID_SIGNATURE, header + " is not a hexadecimal"
                    + " signature");
        }
        boolean matched = false;
        for (byte[] secret : secrets) {
            for (byte[] body : signedBodies) {
                matched |= MessageDigest.isEqual(presented, hmac(mac, secret, body));
            }
        }
        return matched
                ? new Verification(Verification.Outcome.VERIFIED, header + " matches a configured webhook secret")
                : new Verification(Verification.Outcome.INVALID_SIGNATURE, header + " does not match the body with"
                        + " any configured webhook secret; make " + where + " equal to the provider's webhook"
                        + " secret in Jenkins, and make sure nothing between the host and Jenkins changes the body");
    }

    private static Verification missing(String header, String where) {
        return new Verification(Verification.Outcome.MISSING_SIGNATURE, "The delivery carries no " + header
                + ", but the provider requires one; set " + where + " to the provider's webhook secret in Jenkins");
    }

    private static String macName(String algorithm) {
        switch (algorithm) {
            case "sha1":
                return "HmacSHA1";
            case "sha384":
                return "HmacSHA384";
            case "sha512":
                return "HmacSHA512";
            default:
                return "HmacSHA256";
        }
    }

    /** Computes an HMAC; every JDK provides the four algorithms used here. */
    static byte[] hmac(String algorithm, byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm, e);
        }
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    @CheckForNull
    private static byte[] decodeHex(String hex) {
        if (hex.isEmpty() || hex.length() % 2 != 0 || hex.length() > 256) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = hexDigit(hex.charAt(2 * i));
            int low = hexDigit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** Decodes one ASCII hex digit; unlike {@link Character#digit(char, int)} it refuses non-ASCII digits. */
    static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
