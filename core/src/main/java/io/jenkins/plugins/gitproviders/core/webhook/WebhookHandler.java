package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers webhook deliveries: checks the method, recognises the host, verifies the signature against the providers'
 * secrets (failing closed), parses the event, checks the repository's host, drops duplicates and routes the event to
 * the jobs that watch it. It schedules nothing itself: the answer lists the jobs to trigger.
 *
 * <p>Statuses: 202 routed (also when nothing matched, and for deliveries deliberately ignored), 200 ping or
 * duplicate, 400 not a supported webhook or malformed, 401 missing or wrong signature or no secret configured,
 * 404 unknown provider or no provider for the repository's host, 405 not a POST, 409 provider inactive,
 * 413 body too large, 500 unexpected failure (the delivery is not recorded, so the host's retry is processed).
 * Every authenticated, well-formed delivery gets a 2xx, because GitLab, Bitbucket and Azure DevOps disable webhooks
 * that keep failing.
 *
 * <p>Thread-safe; holds a snapshot of the providers: build a new handler ({@link #withProviders}) when they change.
 */
public final class WebhookHandler {
    private static final int MAX_NAME_SHOWN = 100;
    private static final String DETECTION_HEADERS = "X-GitHub-Event, X-Gitlab-Event, X-Event-Key (Bitbucket),"
            + " X-Gitea-Event, X-Forgejo-Event or X-Gogs-Event, nor an Azure DevOps service hook body"
            + " (publisherId \"tfs\" and eventType)";

    private final List<ProviderSpec> providers;
    private final SecretSource secrets;
    private final JobIndex index;
    private final DeliveryDeduplicator deduplicator;
    private final Clock clock;

    /**
     * Creates a handler.
     *
     * @param providers    the configured providers, in the order administrators listed them
     * @param secrets      resolves each provider's webhook secrets
     * @param index        the jobs and what they watch
     * @param deduplicator remembers the deliveries processed
     * @param clock        tells the time of reception
     */
    public WebhookHandler(List<ProviderSpec> providers, SecretSource secrets, JobIndex index,
            DeliveryDeduplicator deduplicator, Clock clock) {
        this.providers = List.copyOf(providers);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.index = Objects.requireNonNull(index, "index");
        this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns a handler for changed providers, sharing the index and the de-duplication memory. */
    public WebhookHandler withProviders(List<ProviderSpec> changed) {
        return new WebhookHandler(changed, secrets, index, deduplicator, clock);
    }

    /**
     * Reads a request body with the {@link BodyReader#MAX_BODY} cap and answers it; a body over the cap is answered
     * 413 after reading at most one byte more than the cap. The method is checked before anything is read.
     *
     * @param providerName the provider named in the URL path ({@code /git-providers-webhook/<name>}), or {@code null}
     */
    public WebhookResponse handle(String method, Map<String, List<String>> headers, Map<String, List<String>> query,
            InputStream body, @CheckForNull String providerName) throws IOException {
        Instant now = clock.instant();
        if (!"POST".equalsIgnoreCase(method)) {
            return notPost(now);
        }
        byte[] bytes;
        try {
            bytes = readBody(body);
        } catch (BodyTooLargeException e) {
            return tooLarge(e, now);
        }
        return handle(new WebhookDelivery(method, headers, query, bytes), providerName);
    }

    /** Reads a request body, refusing one larger than {@link BodyReader#MAX_BODY} without buffering it. */
    public static byte[] readBody(InputStream body) throws IOException {
        return BodyReader.read(body, BodyReader.MAX_BODY);
    }

    /** Returns the 413 answer to a body the reader refused. */
    public WebhookResponse tooLarge(BodyTooLargeException e) {
        return tooLarge(e, clock.instant());
    }

    private static WebhookResponse tooLarge(BodyTooLargeException e, Instant now) {
        return WebhookResponse.of(413, "The delivery is larger than " + e.limit() + " bytes, the most Jenkins"
                + " accepts; reduce what the webhook sends (for example, fewer events)", now);
    }

    private static WebhookResponse notPost(Instant now) {
        return WebhookResponse.of(405, "Webhook deliveries must be sent with POST; this address accepts nothing"
                + " else", now);
    }

    /**
     * Answers one delivery.
     *
     * @param providerName the provider named in the URL path, or {@code null} to consider every provider of the
     *                     delivery's host type
     */
    public WebhookResponse handle(WebhookDelivery delivery, @CheckForNull String providerName) {
        Instant now = clock.instant();
        if (!"POST".equals(delivery.method())) {
            return notPost(now);
        }
        if (delivery.bodyLength() > BodyReader.MAX_BODY) {
            return tooLarge(new BodyTooLargeException(BodyReader.MAX_BODY), now);
        }
        Optional<WebhookFormat> detected = HostDetector.detect(delivery);
        if (detected.isEmpty()) {
            return WebhookResponse.of(400, "This is not a webhook of a supported host: it has none of the headers "
                    + DETECTION_HEADERS, now);
        }
        WebhookFormat format = detected.get();
        List<ProviderSpec> candidates;
        String name = providerName == null || providerName.isBlank() ? null : providerName.strip();
        if (name != null) {
            Optional<ProviderSpec> named = findByName(name);
            if (named.isEmpty()) {
                return WebhookResponse.of(404, "No provider named '" + shorten(name) + "' is configured in Jenkins;"
                        + " check the provider name at the end of the webhook URL", now);
            }
            if (!format.providerTypes().contains(named.get().type())) {
                return WebhookResponse.of(404, "Provider '" + named.get().name() + "' is a "
                        + named.get().type().displayName() + " provider, but this delivery comes from "
                        + describe(format) + "; point the webhook at that host's provider", now);
            }
            candidates = List.of(named.get());
        } else {
            candidates = providers.stream().filter(p -> format.providerTypes().contains(p.type())).toList();
            if (candidates.isEmpty()) {
                return WebhookResponse.of(404, "No " + describe(format) + " provider is configured in Jenkins;"
                        + " add one under Manage Jenkins > Git Providers", now);
            }
        }
        List<ProviderSpec> verified = new ArrayList<>();
        Verification refusal = null;
        for (ProviderSpec candidate : candidates) {
            Verification verification = SignatureVerifier.verify(format, delivery, secrets.secretsFor(candidate));
            if (verification.accepted()) {
                verified.add(candidate);
            } else if (refusal == null
                    || refusal.outcome() == Verification.Outcome.NO_SECRET_CONFIGURED) {
                // Tell about the signature rather than a missing secret when any candidate has a secret.
                refusal = verification;
            }
        }
        if (verified.isEmpty()) {
            return WebhookResponse.of(401, Objects.requireNonNull(refusal).message(), now);
        }
        List<ProviderSpec> active = verified.stream().filter(ProviderSpec::active).toList();
        if (active.isEmpty()) {
            return WebhookResponse.of(409, "Provider '" + verified.get(0).name() + "' is inactive, so it accepts no"
                    + " deliveries; activate it under Manage Jenkins > Git Providers", now);
        }
        try {
            return process(format, delivery, active, now);
        } catch (RuntimeException e) {
            // Parsers and routing are meant never to throw; if one does, answer without details and let the host retry.
            return WebhookResponse.of(500, "Jenkins failed to process this delivery (" + e.getClass().getSimpleName()
                    + "); it was not recorded, so redelivering it will try again", now);
        }
    }

    private WebhookResponse process(WebhookFormat format, WebhookDelivery delivery, List<ProviderSpec> active,
            Instant now) {
        String firstName = active.get(0).name();
        ParseResult parsed = WebhookParsers.forProvider(active.get(0)).parse(delivery);
        if (parsed.outcome() == ParseResult.Outcome.MALFORMED) {
            return new WebhookResponse(400, "The delivery is malformed: " + parsed.reason(), now, firstName, null, null,
                    List.of(), List.of(), false);
        }
        if (parsed.outcome() == ParseResult.Outcome.IGNORED) {
            return new WebhookResponse(202, "Ignored: " + parsed.reason(), now, firstName, null, null, List.of(),
                    List.of(), false);
        }
        WebhookEvent event = Objects.requireNonNull(parsed.event());
        if (event.kind() == EventKind.PING) {
            return new WebhookResponse(200, "Ping received: the webhook reaches Jenkins and its secret matches"
                    + " provider '" + firstName + "'", now, firstName, event, null, List.of(), List.of(), false);
        }
        Optional<RepositoryKey> key = event.repositoryInfo().flatMap(RepositoryKey::of);
        if (key.isEmpty()) {
            return new WebhookResponse(400, "The delivery names no repository that Jenkins can read ("
                    + event.repositoryInfo().map(r -> shorten(r.host() + "/" + r.fullPath())).orElse("none") + ")",
                    now, firstName, event, null, List.of(), List.of(), false);
        }
        Optional<ProviderSpec> provider = active.stream()
                .filter(p -> serverHost(p).map(host -> host.equals(key.get().hostName())).orElse(false))
                .findFirst();
        if (provider.isEmpty()) {
            String served = active.stream()
                    .map(p -> "'" + p.name() + "' serves " + serverHost(p).orElse("no host"))
                    .collect(Collectors.joining(", "));
            return new WebhookResponse(404, "No provider for host " + key.get().hostName() + " (repository "
                    + key.get() + "): " + served + "; set the provider's server URL to the host that sends this"
                    + " webhook", now, null, event, key.get(), List.of(), List.of(), false);
        }
        String providerName = provider.get().name();
        List<WebhookEvent> events = parsed.events();
        String deliveryId = event.deliveryId();
        Optional<DeliveryDeduplicator.Ticket> deliveryTicket = deliveryId == null || deliveryId.isBlank()
                ? Optional.empty()
                : deduplicator.begin(List.of(DeliveryDeduplicator.deliveryKey(providerName, deliveryId)));
        if (deliveryId != null && !deliveryId.isBlank() && deliveryTicket.isEmpty()) {
            return duplicate(now, providerName, event, key.get());
        }
        try {
            Set<String> triggered = new TreeSet<>();
            List<RoutingResult.Skip> skipped = new ArrayList<>();
            List<WebhookResponse.Dispatch> dispatches = new ArrayList<>();
            boolean routedAny = false;
            for (WebhookEvent each : events) {
                // Several events of one delivery share its id; each change is de-duplicated on its own.
                List<String> changeKeys = changeKeys(key.get(), each);
                Optional<DeliveryDeduplicator.Ticket> change =
                        changeKeys.isEmpty() ? Optional.empty() : deduplicator.begin(changeKeys);
                if (!changeKeys.isEmpty() && change.isEmpty()) {
                    continue;
                }
                try {
                    RoutingResult routed = index.route(key.get(), providerName, each);
                    change.ifPresent(DeliveryDeduplicator.Ticket::complete);
                    routedAny = true;
                    triggered.addAll(routed.triggered());
                    skipped.addAll(routed.skipped());
                    routed.triggered().forEach(job -> dispatches.add(new WebhookResponse.Dispatch(job, each)));
                } finally {
                    change.ifPresent(DeliveryDeduplicator.Ticket::abandon);
                }
            }
            deliveryTicket.ifPresent(DeliveryDeduplicator.Ticket::complete);
            if (!routedAny) {
                return duplicate(now, providerName, event, key.get());
            }
            RoutingResult all = new RoutingResult(List.copyOf(triggered), skipped);
            return new WebhookResponse(202, summary(all, key.get()), now, providerName, event, key.get(),
                    all.triggered(), all.skipped(), false, dispatches);
        } finally {
            deliveryTicket.ifPresent(DeliveryDeduplicator.Ticket::abandon);
        }
    }

    private static WebhookResponse duplicate(Instant now, String providerName, WebhookEvent event, RepositoryKey key) {
        return new WebhookResponse(200, "Already processed: this delivery (or the same change through another"
                + " webhook) was received before, so nothing was triggered again", now, providerName, event,
                key, List.of(), List.of(), true);
    }

    private static String summary(RoutingResult routed, RepositoryKey key) {
        int triggered = routed.triggered().size();
        if (triggered > 0) {
            return "Triggered " + triggered + (triggered == 1 ? " job" : " jobs");
        }
        if (routed.skipped().isEmpty()) {
            return "No job watches " + key + "; add the Git Providers trigger to a job for this repository";
        }
        return "No job triggered: " + routed.skipped().size() + " watching " + key + " did not match (see skipped)";
    }

    private static List<String> changeKeys(RepositoryKey key, WebhookEvent event) {
        String commit = event.headCommit() != null ? event.headCommit() : event.after();
        if (event.ref() != null && commit != null && !commit.chars().allMatch(c -> c == '0')) {
            return List.of(DeliveryDeduplicator.changeKey(key, event.ref(), commit, event.kind()));
        }
        return List.of();
    }

    private Optional<ProviderSpec> findByName(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .or(() -> providers.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst());
    }

    /** Returns the host name of a provider's server, as repository keys spell it; Azure's old host becomes the new. */
    public static Optional<String> serverHost(ProviderSpec provider) {
        return provider.effectiveServerUrl().flatMap(url -> {
            try {
                String host = new URI(url.strip()).getHost();
                if (host == null || host.isEmpty()) {
                    return Optional.empty();
                }
                host = host.toLowerCase(Locale.ROOT);
                return Optional.of(host.endsWith(".visualstudio.com") ? "dev.azure.com" : host);
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        });
    }

    private static String describe(WebhookFormat format) {
        return switch (format) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case BITBUCKET_CLOUD -> "Bitbucket Cloud";
            case BITBUCKET_DATA_CENTER -> "Bitbucket Data Center";
            case GITEA -> "Gitea/Forgejo";
            case AZURE_DEVOPS -> "Azure DevOps";
        };
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_NAME_SHOWN ? printable : printable.substring(0, MAX_NAME_SHOWN) + "...";
    }
}
