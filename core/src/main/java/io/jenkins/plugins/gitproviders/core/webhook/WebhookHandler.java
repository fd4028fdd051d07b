package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.RepositoryScope;
import io.jenkins.plugins.gitproviders.core.model.RepositorySecrets;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers webhook deliveries, spending as little as possible on requests it will refuse:
 * <ol>
 *   <li>from the request line and headers alone, before reading the body: the method, the host type (its event
 *       headers), the declared {@code Content-Length} against that host's cap ({@link BodyLimits}), and the candidate
 *       providers ({@link Candidates}: the provider named in the address, host headers, active providers with a
 *       secret); GitLab and Azure DevOps deliveries, whose secret travels in a header, are verified here too;</li>
 *   <li>the body, read once into one array bounded by the cap and never copied;</li>
 *   <li>signatures over that array, at most {@value #MAX_BODY_HMACS} HMACs per delivery, candidates narrowed by the
 *       repository the body names when more could have signed it ({@link RepositoryHint});</li>
 *   <li>after verification: parsing, the repository's host, the provider's scope, de-duplication and routing.</li>
 * </ol>
 * It schedules nothing itself: the answer lists the jobs to trigger, and the {@link DispatchSink} gets them before the
 * answer is given (the plugin journals them there), while the delivery's de-duplication tickets are still held.
 *
 * <p>Statuses. Decided from the request alone: 405 not a POST; 413 a declared {@code Content-Length} over the host
 * type's cap (nothing read). Every other refusal before verification is 401 with one identical body
 * ({@link WebhookResponse#UNVERIFIED_MESSAGE}): no host headers, unknown provider name, provider of another type,
 * inactive provider, no secret, missing, wrong or SHA-1 signature, a body without {@code Content-Length} over the cap,
 * or one shorter than declared; the reason stays in {@link WebhookResponse#detail()} for Jenkins. After verification:
 * 202 routed (also when nothing matched, when the event type is ignored, and when the repository is outside the
 * provider's scope), 200 ping or duplicate, 400 malformed (including refs, names and ids that fail
 * {@link EventChecks}), 404 no verifying provider serves the repository's host, 413 a chunked body over the cap of a
 * GitLab or Azure DevOps delivery verified by its header, 503 the sink could not keep the jobs to trigger (journal
 * full or not writable; {@code Retry-After} is set, and the delivery is not recorded as processed, so the host's retry
 * is processed), 500 unexpected failure (not recorded as processed either). Every authenticated, well-formed delivery gets a 2xx, because GitLab,
 * Bitbucket and Azure DevOps disable webhooks that keep failing.
 *
 * <p>Thread-safe; holds a snapshot of the providers: build a new handler ({@link #withProviders}) when they change.
 */
public final class WebhookHandler {
    /** The most HMACs over a delivery's whole body that verifying it may cost, whatever the providers configured. */
    public static final int MAX_BODY_HMACS = 4;

    private static final String DETECTION_HEADERS = "X-GitHub-Event, X-Gitlab-Event, X-Event-Key (Bitbucket),"
            + " X-Gitea-Event, X-Forgejo-Event or X-Gogs-Event, nor for Azure DevOps "
            + SignatureVerifier.AZURE_TOKEN_HEADER + " or basic authentication";

    private final List<ProviderSpec> providers;
    private final SecretSource secrets;
    private final JobIndex index;
    private final DeliveryDeduplicator deduplicator;
    private final Clock clock;
    private final DispatchSink sink;

    /**
     * Creates a handler whose accepted dispatches are kept nowhere ({@link DispatchSink#NONE}): for the command-line
     * tool and tests, where the answer is all that matters.
     *
     * @param providers    the configured providers, in the order administrators listed them
     * @param secrets      resolves each provider's webhook secrets
     * @param index        the jobs and what they watch
     * @param deduplicator remembers the deliveries processed
     * @param clock        tells the time of reception
     */
    public WebhookHandler(List<ProviderSpec> providers, SecretSource secrets, JobIndex index,
            DeliveryDeduplicator deduplicator, Clock clock) {
        this(providers, secrets, index, deduplicator, clock, DispatchSink.NONE);
    }

    /**
     * Creates a handler.
     *
     * @param providers    the configured providers, in the order administrators listed them
     * @param secrets      resolves each provider's webhook secrets
     * @param index        the jobs and what they watch
     * @param deduplicator remembers the deliveries processed
     * @param clock        tells the time of reception
     * @param sink         takes each accepted delivery's dispatches before it is answered
     */
    public WebhookHandler(List<ProviderSpec> providers, SecretSource secrets, JobIndex index,
            DeliveryDeduplicator deduplicator, Clock clock, DispatchSink sink) {
        this.providers = List.copyOf(providers);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.index = Objects.requireNonNull(index, "index");
        this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Returns a handler for changed providers, sharing the index, the de-duplication memory and the sink. */
    public WebhookHandler withProviders(List<ProviderSpec> changed) {
        return new WebhookHandler(changed, secrets, index, deduplicator, clock, sink);
    }

    /**
     * Answers a request as the receiver gets it: decides all it can from the method, the headers and the provider
     * named in the address before reading the body, then reads the body bounded by the host type's cap.
     *
     * @param headers      the request headers, including {@code Content-Length} when the request declares it
     * @param providerName the provider named in the URL path ({@code /git-providers-webhook/<name>}), or {@code null}
     * @throws IOException when reading the body fails for another reason than its size
     */
    public WebhookResponse handle(String method, Map<String, List<String>> headers, Map<String, List<String>> query,
            InputStream body, @CheckForNull String providerName) throws IOException {
        Instant now = clock.instant();
        if (!"POST".equalsIgnoreCase(method)) {
            return notPost(now);
        }
        WebhookDelivery head = WebhookDelivery.head(method, headers, query);
        Admission admission = admit(head, head.declaredLength(), providerName, now);
        if (admission.answer() != null) {
            return admission.answer();
        }
        Verified verified = null;
        if (SignatureVerifier.verifiesWithoutBody(admission.format())) {
            Verified byHeader = verifyTokens(admission, head, now);
            if (byHeader.answer() != null) {
                return byHeader.answer();
            }
            verified = byHeader;
        }
        byte[] bytes;
        try {
            bytes = BodyReader.read(body, admission.cap(), head.declaredLength());
        } catch (BodyTooLargeException e) {
            // A declared length over the cap was answered 413 above; this body came without one (chunked).
            return verified != null ? tooLarge(admission.cap(), now).asVerified() : WebhookResponse.unverified("The"
                    + " body, sent"
                    + " without Content-Length, grew beyond " + admission.cap() + " bytes, the most "
                    + Candidates.describe(admission.format()) + " sends; it was not read further", now);
        } catch (IncompleteBodyException e) {
            return verified != null ? WebhookResponse.of(400, e.getMessage(), now).asVerified()
                    : WebhookResponse.unverified(e.getMessage(), now);
        }
        return verifyAndProcess(admission, head.withBody(bytes), verified, now);
    }

    /**
     * Answers a delivery whose body was read already (the command-line tool, tests), by the same steps as
     * {@link #handle(String, Map, Map, InputStream, String)}.
     *
     * @param providerName the provider named in the URL path, or {@code null} to consider every provider of the
     *                     delivery's host type
     */
    public WebhookResponse handle(WebhookDelivery delivery, @CheckForNull String providerName) {
        Instant now = clock.instant();
        if (!"POST".equals(delivery.method())) {
            return notPost(now);
        }
        Admission admission = admit(delivery, delivery.bodyLength(), providerName, now);
        if (admission.answer() != null) {
            return admission.answer();
        }
        Verified verified = null;
        if (SignatureVerifier.verifiesWithoutBody(admission.format())) {
            Verified byHeader = verifyTokens(admission, delivery, now);
            if (byHeader.answer() != null) {
                return byHeader.answer();
            }
            verified = byHeader;
        }
        return verifyAndProcess(admission, delivery, verified, now);
    }

    /**
     * Routes an event Jenkins made up itself, such as a push it missed while no delivery reached it (found by
     * catching up), as a verified delivery through the named provider would be routed: the provider's scope applies,
     * the event is de-duplicated by its delivery id and its change (so the same change caught up twice, or caught up
     * and also delivered, is built once) and the {@link DispatchSink} gets the dispatches.
     *
     * @param providerName the provider serving the repository
     * @param repository   the repository
     * @param event        the event, with a delivery id that is the same for the same change
     */
    public WebhookResponse routeSynthesised(String providerName, RepositoryKey repository, WebhookEvent event) {
        Instant now = clock.instant();
        String key = ProviderSpec.nameKey(providerName);
        Optional<ProviderSpec> named = providers.stream().filter(p -> p.nameKey().equals(key)).findFirst();
        if (named.isEmpty() || !named.get().active()) {
            return verifiedAnswer(404, "No active provider named '" + providerName + "' is configured", now, null,
                    event, repository, List.of(), List.of(), false, List.of(), List.of(event), null);
        }
        ProviderSpec provider = named.get();
        String path = event.repositoryInfo().map(RepositoryInfo::fullPath).orElse(repository.path());
        if (!provider.allowOutsideScope() && !RepositoryScope.contains(provider, path)) {
            return verifiedAnswer(202, "Ignored: repository " + repository + " is outside the scope '"
                    + provider.scope() + "' of provider '" + provider.name() + "'", now, provider.name(), event,
                    repository, List.of(), List.of(), false, List.of(), List.of(event), null);
        }
        try {
            return route(provider, repository, event, List.of(event), now);
        } catch (RuntimeException e) {
            return verifiedAnswer(500, "Jenkins failed to route the event (" + e.getClass().getSimpleName() + ")",
                    now, provider.name(), event, repository, List.of(), List.of(), false, List.of(), List.of(event),
                    null);
        }
    }

    /**
     * Returns the refusal of a request whose address cannot name a provider (more than one path segment, broken
     * percent-encoding): the same 401 as every refusal before verification.
     *
     * @param detail why, for the deliveries page
     */
    public WebhookResponse refuse(String detail) {
        return WebhookResponse.unverified(detail, clock.instant());
    }

    /**
     * Returns the refusal of a request whose address cannot name a provider, by its method: 405 for anything but a
     * POST (as at every address of the receiver), else {@link #refuse(String)}.
     */
    public WebhookResponse refuse(String method, String detail) {
        return "POST".equalsIgnoreCase(method) ? refuse(detail) : notPost(clock.instant());
    }

    /** What the request line and headers decided: a refusal, or the host type, its cap and the candidates. */
    private record Admission(@CheckForNull WebhookResponse answer, @CheckForNull WebhookFormat format, long cap,
            Candidates candidates) {
        static Admission refused(WebhookResponse answer) {
            return new Admission(answer, null, 0, new Candidates(List.of(), List.of()));
        }
    }

    /**
     * The providers that verified a delivery, with the secret selections that verified it per provider name (checked
     * against the repository once the body is parsed), or the refusal.
     */
    private record Verified(@CheckForNull WebhookResponse answer, List<ProviderSpec> providers,
            Map<String, List<RepositorySecrets.Selection>> selections) {
        static Verified refused(WebhookResponse answer) {
            return new Verified(answer, List.of(), Map.of());
        }
    }

    /** Resolves the secrets of one selection of a provider: the plugin resolves the IDs a specification names. */
    private List<byte[]> secretsOf(ProviderSpec provider, RepositorySecrets.Selection selection) {
        return secrets.secretsFor(provider.toBuilder().webhookSecretCredentialsIds(selection.credentialsIds()).build());
    }

    private Admission admit(WebhookDelivery head, long length, @CheckForNull String providerName, Instant now) {
        Optional<WebhookFormat> detected = HostDetector.detectFromHeaders(head);
        if (detected.isEmpty()) {
            return Admission.refused(WebhookResponse.unverified("The request carries none of the headers of a"
                    + " supported host: no " + DETECTION_HEADERS, now));
        }
        WebhookFormat format = detected.get();
        long cap = BodyLimits.capFor(format);
        if (length > cap) {
            // Decided from the request alone, before any provider is looked at: it tells nothing of the configuration.
            return Admission.refused(tooLarge(cap, now));
        }
        String name = providerName == null || providerName.isBlank() ? null : providerName.strip();
        Candidates candidates = Candidates.select(providers, format, head, name);
        if (candidates.providers().isEmpty()) {
            return Admission.refused(WebhookResponse.unverified(String.join("; ", candidates.notes()), now));
        }
        return new Admission(null, format, cap, candidates);
    }

    /**
     * Verifies a GitLab or Azure DevOps delivery by the secret in its headers; the body is not needed. The repository
     * is not known yet, so each of a provider's secret selections is tried (comparing a header costs next to nothing)
     * and those that match are checked against the repository after parsing.
     */
    private Verified verifyTokens(Admission admission, WebhookDelivery head, Instant now) {
        List<ProviderSpec> verified = new ArrayList<>();
        Map<String, List<RepositorySecrets.Selection>> selections = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>(admission.candidates().notes());
        for (ProviderSpec candidate : admission.candidates().providers()) {
            String refusal = null;
            for (RepositorySecrets.Selection selection : RepositorySecrets.candidates(candidate, null)) {
                Verification verification = SignatureVerifier.verify(admission.format(), head,
                        secretsOf(candidate, selection), candidate.allowSha1Signatures());
                if (verification.accepted()) {
                    selections.computeIfAbsent(candidate.name(), name -> new ArrayList<>()).add(selection);
                } else if (refusal == null) {
                    refusal = verification.message();
                }
            }
            if (selections.containsKey(candidate.name())) {
                verified.add(candidate);
            } else {
                refusals.add("Provider '" + candidate.name() + "': " + refusal);
            }
        }
        return verified.isEmpty()
                ? Verified.refused(WebhookResponse.unverified(String.join("; ", refusals), now))
                : new Verified(null, verified, selections);
    }

    /** Verifies the body's signature with at most {@link #MAX_BODY_HMACS} HMACs, then processes the delivery. */
    private WebhookResponse verifyAndProcess(Admission admission, WebhookDelivery delivery,
            @CheckForNull Verified verifiedByHeader, Instant now) {
        WebhookFormat format = Objects.requireNonNull(admission.format());
        Verified verified = verifiedByHeader;
        if (verified == null) {
            verified = verifySignatures(format, admission.candidates(), delivery, now);
            if (verified.answer() != null) {
                return verified.answer();
            }
        }
        try {
            return process(delivery, verified.providers(), verified.selections(), now);
        } catch (RuntimeException e) {
            // Parsers and routing are meant never to throw; if one does, answer without details and let the host retry.
            return verifiedAnswer(500, "Jenkins failed to process this delivery (" + e.getClass().getSimpleName()
                    + "); it was not recorded, so redelivering it will try again", now, null, null, null, List.of(),
                    List.of(), false, List.of(), List.of(), null);
        }
    }

    private Verified verifySignatures(WebhookFormat format, Candidates candidates, WebhookDelivery delivery,
            Instant now) {
        int perSecret = SignatureVerifier.bodyHmacsPerSecret(format, delivery);
        Candidates chosen = candidates;
        int estimate = chosen.providers().stream()
                .mapToInt(p -> p.webhookSecretCredentialsIds().size() + p.repositorySecrets().size()).sum()
                * perSecret;
        boolean repositorySecrets = chosen.providers().stream().anyMatch(p -> !p.repositorySecrets().isEmpty());
        // The repository a body claims picks the candidates and their secrets; it is checked again after parsing.
        Optional<RepositoryHint> hint = estimate > MAX_BODY_HMACS || repositorySecrets
                ? RepositoryHint.peek(format, delivery) : Optional.empty();
        if (estimate > MAX_BODY_HMACS && hint.isPresent()) {
            chosen = chosen.preferring(hint.get());
        }
        String claimed = hint.map(RepositoryHint::fullPath).orElse(null);
        List<ProviderSpec> verified = new ArrayList<>();
        Map<String, List<RepositorySecrets.Selection>> selections = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>(chosen.notes());
        int budget = MAX_BODY_HMACS;
        List<String> untried = new ArrayList<>();
        for (ProviderSpec candidate : chosen.providers()) {
            String refusal = null;
            for (RepositorySecrets.Selection selection : RepositorySecrets.candidates(candidate, claimed)) {
                if (budget < perSecret) {
                    // Not even looked up: resolving a secret is work too.
                    if (!untried.contains(candidate.name())) {
                        untried.add(candidate.name());
                    }
                    continue;
                }
                List<byte[]> candidateSecrets = secretsOf(candidate, selection);
                int affordable = Math.min(candidateSecrets.size(), budget / perSecret);
                budget -= affordable * perSecret;
                Verification verification = SignatureVerifier.verify(format, delivery,
                        candidateSecrets.subList(0, affordable), candidate.allowSha1Signatures());
                if (verification.accepted()) {
                    selections.computeIfAbsent(candidate.name(), name -> new ArrayList<>()).add(selection);
                } else if (refusal == null) {
                    refusal = verification.message();
                }
            }
            if (selections.containsKey(candidate.name())) {
                verified.add(candidate);
            } else if (refusal != null) {
                refusals.add("Provider '" + candidate.name() + "': " + refusal);
            }
        }
        if (!untried.isEmpty()) {
            refusals.add("Not tried, as Jenkins checks at most " + MAX_BODY_HMACS + " signatures per delivery: "
                    + Candidates.names(chosen.providers().stream().filter(p -> untried.contains(p.name())).toList())
                    + "; name the provider at the end of the webhook address (git-providers-webhook/<name>)");
        }
        return verified.isEmpty()
                ? Verified.refused(WebhookResponse.unverified(String.join("; ", refusals), now))
                : new Verified(null, verified, selections);
    }

    private WebhookResponse process(WebhookDelivery delivery, List<ProviderSpec> verified,
            Map<String, List<RepositorySecrets.Selection>> selections, Instant now) {
        String firstName = verified.get(0).name();
        ParseResult parsed = WebhookParsers.forProvider(verified.get(0)).parse(delivery);
        if (parsed.outcome() == ParseResult.Outcome.MALFORMED) {
            return verifiedAnswer(400, "The delivery is malformed: " + parsed.reason(), now, firstName, null, null,
                    List.of(), List.of(), false, List.of(), List.of(), null);
        }
        if (parsed.outcome() == ParseResult.Outcome.IGNORED) {
            return verifiedAnswer(202, "Ignored: " + parsed.reason(), now, firstName, null, null, List.of(),
                    List.of(), false, List.of(), List.of(), null);
        }
        WebhookEvent event = Objects.requireNonNull(parsed.event());
        if (event.kind() == EventKind.PING) {
            return verifiedAnswer(200, "Ping received: the webhook reaches Jenkins and its secret matches provider '"
                    + firstName + "'", now, firstName, event, null, List.of(), List.of(), false, List.of(),
                    parsed.events(), null);
        }
        Optional<RepositoryKey> key = event.repositoryInfo().flatMap(RepositoryKey::of);
        if (key.isEmpty()) {
            return verifiedAnswer(400, "The delivery names no repository that Jenkins can read ("
                    + event.repositoryInfo().map(r -> EventChecks.quote(r.host() + "/" + r.fullPath())).orElse("none")
                    + ")", now, firstName, event, null, List.of(), List.of(), false, List.of(), parsed.events(), null);
        }
        Optional<ProviderSpec> serving = verified.stream()
                .filter(p -> serverHost(p).map(host -> host.equals(key.get().hostName())).orElse(false))
                .findFirst();
        if (serving.isEmpty()) {
            String served = verified.stream()
                    .map(p -> "'" + p.name() + "' serves " + serverHost(p).orElse("no host"))
                    .collect(Collectors.joining(", "));
            // The host learns no provider's name; Jenkins' page gets them all.
            return verifiedAnswer(404, "No provider whose secret verified this delivery serves host "
                    + key.get().hostName() + " (repository " + key.get() + "); set the provider's server URL to the"
                    + " host that sends this webhook", now, null, event, key.get(), List.of(), List.of(), false,
                    List.of(), parsed.events(), "No provider for host " + key.get().hostName() + " (repository "
                    + key.get() + "): " + served + "; set the provider's server URL to the host that sends this"
                    + " webhook");
        }
        ProviderSpec provider = serving.get();
        String providerName = provider.name();
        String repositoryPath = event.repositoryInfo().map(RepositoryInfo::fullPath).orElse("");
        List<RepositorySecrets.Selection> used = selections.getOrDefault(providerName, List.of());
        if (used.stream().noneMatch(selection -> selection.covers(provider, repositoryPath))) {
            // A secret of one repository or owner never authenticates a delivery for another: as if unsigned.
            return WebhookResponse.unverified("Provider '" + providerName + "': the delivery for repository "
                    + key.get() + " was signed with " + used.stream().map(RepositorySecrets.Selection::describe)
                            .collect(Collectors.joining(" or ")) + ", which do not cover that repository ("
                    + RepositorySecrets.select(provider, repositoryPath).describe() + " do)", now);
        }
        if (!provider.allowOutsideScope() && !RepositoryScope.contains(provider, repositoryPath)) {
            return verifiedAnswer(202, "Ignored: repository " + key.get() + " is outside the scope of provider '"
                    + providerName + "', which therefore triggers nothing for it", now, providerName, event,
                    key.get(), List.of(), List.of(), false, List.of(), parsed.events(), "Ignored: repository "
                    + key.get() + " is outside the scope '" + provider.scope() + "' of provider '" + providerName
                    + "'; widen the scope, or allow repositories outside the scope on the provider");
        }
        return route(provider, key.get(), event, parsed.events(), now);
    }

    private WebhookResponse route(ProviderSpec provider, RepositoryKey key, WebhookEvent event,
            List<WebhookEvent> events, Instant now) {
        String providerName = provider.name();
        String deliveryId = event.deliveryId();
        boolean hasId = deliveryId != null && !deliveryId.isBlank();
        Optional<DeliveryDeduplicator.Ticket> deliveryTicket = hasId
                ? deduplicator.begin(List.of(DeliveryDeduplicator.deliveryKey(providerName, deliveryId)))
                : Optional.empty();
        if (hasId && deliveryTicket.isEmpty()) {
            return duplicate(now, providerName, event, key, events);
        }
        // Every ticket is held until the sink has kept the dispatches: completed only then, abandoned otherwise.
        List<DeliveryDeduplicator.Ticket> changes = new ArrayList<>();
        try {
            Set<String> triggered = new TreeSet<>();
            List<RoutingResult.Skip> skipped = new ArrayList<>();
            List<WebhookResponse.Dispatch> dispatches = new ArrayList<>();
            boolean routedAny = false;
            for (WebhookEvent each : events) {
                // Several events of one delivery share its id; each change is de-duplicated on its own.
                List<String> changeKeys = changeKeys(key, each);
                Optional<DeliveryDeduplicator.Ticket> change =
                        changeKeys.isEmpty() ? Optional.empty() : deduplicator.begin(changeKeys);
                if (!changeKeys.isEmpty() && change.isEmpty()) {
                    continue;
                }
                change.ifPresent(changes::add);
                RoutingResult routed = index.route(key, providerName, each);
                routedAny = true;
                triggered.addAll(routed.triggered());
                skipped.addAll(routed.skipped());
                routed.triggered().forEach(job -> dispatches.add(new WebhookResponse.Dispatch(job, each)));
            }
            if (!routedAny) {
                deliveryTicket.ifPresent(DeliveryDeduplicator.Ticket::complete);
                return duplicate(now, providerName, event, key, events);
            }
            if (!dispatches.isEmpty()) {
                try {
                    sink.accept(providerName, key, hasId ? deliveryId : null, dispatches);
                } catch (IOException e) {
                    // The finally block abandons the tickets: the host's retry is processed, not taken for a duplicate.
                    return verifiedAnswer(503, "Jenkins could not record this delivery, so it triggered nothing;"
                            + " deliver it again (after " + WebhookResponse.RETRY_AFTER_SECONDS + " seconds) and it"
                            + " is processed", now, providerName, event, key, List.of(), List.of(), false,
                            List.of(), events, "Not recorded, nothing triggered (the host may retry): "
                            + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
                }
            }
            changes.forEach(DeliveryDeduplicator.Ticket::complete);
            deliveryTicket.ifPresent(DeliveryDeduplicator.Ticket::complete);
            RoutingResult all = new RoutingResult(List.copyOf(triggered), skipped);
            return verifiedAnswer(202, summary(all, key), now, providerName, event, key, all.triggered(),
                    all.skipped(), false, dispatches, events, null);
        } finally {
            changes.forEach(DeliveryDeduplicator.Ticket::abandon);
            deliveryTicket.ifPresent(DeliveryDeduplicator.Ticket::abandon);
        }
    }

    private static WebhookResponse duplicate(Instant now, String providerName, WebhookEvent event, RepositoryKey key,
            List<WebhookEvent> events) {
        return verifiedAnswer(200, "Already processed: this delivery (or the same change through another webhook)"
                + " was received before, so nothing was triggered again", now, providerName, event, key, List.of(),
                List.of(), true, List.of(), events, null);
    }

    private static WebhookResponse verifiedAnswer(int status, String message, Instant now,
            @CheckForNull String provider, @CheckForNull WebhookEvent event, @CheckForNull RepositoryKey key,
            List<String> triggered, List<RoutingResult.Skip> skipped, boolean duplicate,
            List<WebhookResponse.Dispatch> dispatches, List<WebhookEvent> events, @CheckForNull String detail) {
        return new WebhookResponse(status, message, now, provider, event, key, triggered, skipped, duplicate,
                dispatches, events, true, detail);
    }

    private static WebhookResponse tooLarge(long cap, Instant now) {
        return WebhookResponse.of(413, "The delivery is larger than " + cap + " bytes, the most Jenkins accepts from"
                + " this host; reduce what the webhook sends (for example, fewer events)", now);
    }

    private static WebhookResponse notPost(Instant now) {
        return WebhookResponse.of(405, "Webhook deliveries must be sent with POST; this address accepts nothing"
                + " else", now);
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

    /**
     * Returns the change key of an event: the commit it brings to its ref, or for a deletion the commit the ref held
     * before, so that a replay under a fresh delivery id is recognised either way. None when the event names no
     * such commit (a Gitea {@code delete} event, a Bitbucket Cloud pull request).
     */
    private static List<String> changeKeys(RepositoryKey key, WebhookEvent event) {
        if (event.ref() == null) {
            return List.of();
        }
        String commit = event.headCommit() != null ? event.headCommit() : event.after();
        if (commit != null && !JsonPayload.isZeroCommit(commit)) {
            return List.of(DeliveryDeduplicator.changeKey(key, event.ref(), commit, event.kind()));
        }
        boolean deletion = event.kind() == EventKind.BRANCH_DELETED || event.kind() == EventKind.TAG_DELETED;
        if (deletion && event.before() != null && !JsonPayload.isZeroCommit(event.before())) {
            return List.of(DeliveryDeduplicator.changeKey(key, event.ref(), event.before(), event.kind()));
        }
        return List.of();
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
}
