package io.jenkins.plugins.gitproviders.core.webhook.bitbucket;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventChecks;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.MalformedPayloadException;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.PayloadNode;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Bitbucket Server / Data Center deliveries into normalised events. The event is named by the
 * {@code X-Event-Key} header: {@code repo:refs_changed} becomes one event per entry of {@code changes} (branch or tag
 * added, updated or deleted); {@code pr:opened}, {@code pr:from_ref_updated}, {@code pr:modified}, {@code pr:merged},
 * {@code pr:declined} and {@code pr:deleted} become pull request events; {@code diagnostics:ping} (the "Test
 * connection" button) becomes a ping. Comments, reviewers, forks, mirror synchronisation and other keys are ignored.
 *
 * <p>The repository's host comes from the addresses in {@code repository.links} (the host name, without port); its
 * full path is {@code PROJECT_KEY/slug} as the server spells them ({@code ~user/slug} for personal repositories).
 * Older servers send no links; for them, create the parser with the server's address
 * ({@link #forServer(String)}), or the delivery is malformed because nothing tells which server sent it.
 *
 * <p>Dates are never read, so payloads with epoch milliseconds and with ISO-8601 dates (Data Center 10.3+) parse alike.
 *
 * <p>A pull request's ref is {@code refs/pull-requests/N/from}, which the server keeps in the target repository also
 * for forks; the source is a fork when {@code fromRef.repository} differs from {@code toRef.repository}. The
 * deliveries say nothing of the author's rights, so an author is never trusted here. {@code pr:modified} counts as an
 * update only when its {@code previousTarget} differs from the target ({@code toRef}: another branch or commit), as
 * the other hosts' parsers count only changes to what is built; a title, description or reviewer edit is ignored.
 */
public final class BitbucketDataCenterWebhookParser implements WebhookParser {
    private static final Map<String, EventKind> PULL_REQUEST_KINDS = Map.of(
            "pr:opened", EventKind.PULL_REQUEST_OPENED,
            "pr:from_ref_updated", EventKind.PULL_REQUEST_UPDATED,
            "pr:modified", EventKind.PULL_REQUEST_UPDATED,
            "pr:merged", EventKind.PULL_REQUEST_MERGED,
            "pr:declined", EventKind.PULL_REQUEST_CLOSED,
            "pr:deleted", EventKind.PULL_REQUEST_CLOSED);

    @CheckForNull
    private final URI server;

    /** Creates a parser that takes the server from the repository links each delivery carries. */
    public BitbucketDataCenterWebhookParser() {
        this.server = null;
    }

    private BitbucketDataCenterWebhookParser(URI server) {
        this.server = server;
    }

    /**
     * Creates a parser that falls back to the given server address for deliveries without repository links.
     *
     * @param serverUrl the server's address, such as {@code https://bitbucket.example.com/bitbucket}
     * @throws IllegalArgumentException when it is not an absolute http or https address
     */
    public static BitbucketDataCenterWebhookParser forServer(String serverUrl) {
        URI uri;
        try {
            uri = new URI(serverUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Bitbucket server address is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Bitbucket server address must be an absolute http or https URL, such as https://bitbucket.example.com");
        }
        return new BitbucketDataCenterWebhookParser(uri);
    }

    @Override
    public Set<ProviderType> hostTypes() {
        return Set.of(ProviderType.BITBUCKET_DATA_CENTER);
    }

    @Override
    public ParseResult parse(WebhookDelivery delivery) {
        return EventChecks.check(parseUnchecked(delivery));
    }

    private ParseResult parseUnchecked(WebhookDelivery delivery) {
        Optional<String> key = delivery.header("X-Event-Key").map(String::trim).filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            return ParseResult.malformed("header X-Event-Key is missing; Bitbucket Data Center names the event there");
        }
        String eventKey = key.get();
        String shown = EventChecks.quote(eventKey);
        boolean refsChanged = eventKey.equals("repo:refs_changed");
        boolean ping = eventKey.equals("diagnostics:ping");
        EventKind pullRequestKind = PULL_REQUEST_KINDS.get(eventKey);
        if (!refsChanged && !ping && pullRequestKind == null) {
            return ParseResult.ignored("Bitbucket Data Center event " + shown
                    + " does not change code; only repo:refs_changed, pr:opened, pr:from_ref_updated, pr:modified,"
                    + " pr:merged, pr:declined and pr:deleted trigger builds");
        }
        String deliveryId = delivery.header("X-Request-Id").filter(id -> !id.isBlank()).orElse(null);
        try {
            PayloadNode root = PayloadNode.parse(delivery);
            if (ping) {
                return ParseResult.of(new WebhookEvent(ProviderType.BITBUCKET_DATA_CENTER, EventKind.PING,
                        null, null, null, null, null, null, null, null, null, deliveryId));
            }
            String sender = sender(root);
            if (refsChanged) {
                return refsChanged(root, sender, deliveryId);
            }
            if (eventKey.equals("pr:modified") && !targetChanged(root)) {
                return ParseResult.ignored("Bitbucket Data Center pr:modified without a new target branch or target"
                        + " commit (title, description or reviewers only) does not trigger builds");
            }
            return ParseResult.of(pullRequest(root, pullRequestKind, sender, deliveryId));
        } catch (MalformedPayloadException e) {
            return ParseResult.malformed("Bitbucket Data Center " + shown + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // The contract forbids throwing; a 400 is better than a 500 the host would retry.
            return ParseResult.malformed("Bitbucket Data Center " + shown + ": could not read the delivery"
                    + " (internal error " + e.getClass().getSimpleName() + ")");
        }
    }

    private ParseResult refsChanged(PayloadNode root, @CheckForNull String sender, @CheckForNull String deliveryId)
            throws MalformedPayloadException {
        RepositoryInfo repository = repository(root.object("repository"));
        List<PayloadNode> changes = root.array("changes");
        List<WebhookEvent> events = new ArrayList<>(changes.size());
        for (PayloadNode element : changes) {
            PayloadNode change = element.asObject();
            PayloadNode ref = change.object("ref");
            String refId = EventChecks.ref(ref.text("id"), ref.path() + ".id");
            boolean tag = isTag(ref, refId);
            String type = change.text("type");
            String before = change.commit("fromHash").orElse(null);
            String after = change.commit("toHash").orElse(null);
            EventKind kind = switch (type) {
                case "ADD" -> tag ? EventKind.TAG_PUSH : EventKind.BRANCH_CREATED;
                case "UPDATE" -> tag ? EventKind.TAG_PUSH : EventKind.BRANCH_PUSH;
                case "DELETE" -> tag ? EventKind.TAG_DELETED : EventKind.BRANCH_DELETED;
                default -> throw new MalformedPayloadException(
                        "field '" + change.path() + ".type' must be ADD, UPDATE or DELETE");
            };
            if (after == null && !type.equals("DELETE")) {
                throw new MalformedPayloadException(
                        "field '" + change.path() + ".toHash' is the all-zero id, but the change is " + type);
            }
            events.add(new WebhookEvent(ProviderType.BITBUCKET_DATA_CENTER, kind, repository, refId,
                    before, after, null, null, null, after, sender, deliveryId));
        }
        if (events.isEmpty()) {
            return ParseResult.ignored("Bitbucket Data Center repo:refs_changed lists no changes");
        }
        return ParseResult.ofAll(events);
    }

    private static boolean isTag(PayloadNode ref, String refId) throws MalformedPayloadException {
        Optional<String> type = ref.optionalText("type");
        if (type.isEmpty()) {
            return refId.startsWith("refs/tags/");
        }
        return switch (type.get()) {
            case "TAG" -> true;
            case "BRANCH" -> false;
            default -> throw new MalformedPayloadException(
                    "field '" + ref.path() + ".type' must be BRANCH or TAG");
        };
    }

    /** Tells whether a {@code pr:modified} moved the pull request to another target branch or target commit. */
    private static boolean targetChanged(PayloadNode root) throws MalformedPayloadException {
        Optional<PayloadNode> previous = root.optionalObject("previousTarget");
        if (previous.isEmpty()) {
            return false;
        }
        PayloadNode to = root.object("pullRequest").object("toRef");
        return !previous.get().optionalText("id").equals(to.optionalText("id"))
                || !previous.get().commit("latestCommit").equals(to.commit("latestCommit"));
    }

    private WebhookEvent pullRequest(
            PayloadNode root, EventKind kind, @CheckForNull String sender, @CheckForNull String deliveryId)
            throws MalformedPayloadException {
        PayloadNode pullRequest = root.object("pullRequest");
        int number = pullRequest.positiveInt("id");
        PayloadNode from = pullRequest.object("fromRef");
        PayloadNode to = pullRequest.object("toRef");
        String head = from.commit("latestCommit").orElseThrow(() -> new MalformedPayloadException(
                "field 'pullRequest.fromRef.latestCommit' is the all-zero id; expected the pull request's head"));
        String before = root.isAbsent("previousFromHash") ? null : root.commit("previousFromHash").orElse(null);
        RepositoryInfo target = repository(to.object("repository"));
        Optional<PayloadNode> fromRepository = from.optionalObject("repository");
        String source = fromRepository.isPresent() ? projectPath(fromRepository.get()) : null;
        return new WebhookEvent(
                ProviderType.BITBUCKET_DATA_CENTER,
                kind,
                target,
                "refs/pull-requests/" + number + "/from",
                before,
                head,
                number,
                EventChecks.branch(from.text("displayId"), from.path() + ".displayId"),
                EventChecks.branch(to.text("displayId"), to.path() + ".displayId"),
                head,
                sender,
                deliveryId,
                PullRequestSource.of(source, target.fullPath(), false, null));
    }

    /** Returns {@code PROJECT_KEY/slug}, the path of a repository object without its links. */
    private static String projectPath(PayloadNode repository) throws MalformedPayloadException {
        return repository.object("project").text("key") + "/" + repository.text("slug");
    }

    private RepositoryInfo repository(PayloadNode repository) throws MalformedPayloadException {
        String slug = repository.text("slug");
        String projectKey = repository.object("project").text("key");
        if (slug.contains("/") || projectKey.contains("/")) {
            throw new MalformedPayloadException("fields '" + repository.path() + ".slug' and '.project.key' must"
                    + " not contain '/'");
        }
        String httpClone = null;
        String sshClone = null;
        String webUrl = null;
        Optional<PayloadNode> links = repository.optionalObject("links");
        if (links.isPresent()) {
            for (PayloadNode clone : links.get().optionalArray("clone").orElse(List.of())) {
                String name = clone.asObject().optionalText("name").orElse("");
                if (name.equals("http") && httpClone == null) {
                    httpClone = clone.text("href");
                } else if (name.equals("ssh") && sshClone == null) {
                    sshClone = clone.text("href");
                }
            }
            List<PayloadNode> self = links.get().optionalArray("self").orElse(List.of());
            if (!self.isEmpty()) {
                webUrl = self.get(0).asObject().text("href");
            }
        }
        String host = firstHost(repository.path() + ".links", httpClone, webUrl, sshClone);
        if (host == null) {
            if (server == null) {
                throw new MalformedPayloadException("field '" + repository.path() + ".links' is missing, so the"
                        + " delivery does not tell which server sent it; upgrade Bitbucket or configure the"
                        + " provider's server URL");
            }
            host = server.getHost().toLowerCase(Locale.ROOT);
            String base = server.toString().replaceAll("/+$", "");
            httpClone = base + "/scm/" + projectKey.toLowerCase(Locale.ROOT) + "/" + slug + ".git";
            webUrl = base + "/projects/" + projectKey + "/repos/" + slug + "/browse";
        }
        return new RepositoryInfo(host, projectKey + "/" + slug, httpClone, sshClone, webUrl);
    }

    /** Returns the lowercase host of the first address given, or {@code null} when none is given. */
    @CheckForNull
    private static String firstHost(String path, @CheckForNull String... addresses) throws MalformedPayloadException {
        for (String address : addresses) {
            if (address != null) {
                try {
                    String host = new URI(address).getHost();
                    if (host == null) {
                        throw new MalformedPayloadException("field '" + path + "' holds an address without a host");
                    }
                    return host.toLowerCase(Locale.ROOT);
                } catch (URISyntaxException e) {
                    throw new MalformedPayloadException("field '" + path + "' holds an address that is not a URL");
                }
            }
        }
        return null;
    }

    @CheckForNull
    private static String sender(PayloadNode root) throws MalformedPayloadException {
        Optional<PayloadNode> actor = root.optionalObject("actor");
        if (actor.isEmpty()) {
            return null;
        }
        Optional<String> name = actor.get().optionalText("name");
        return name.isPresent() ? name.get() : actor.get().optionalText("slug").orElse(null);
    }
}
