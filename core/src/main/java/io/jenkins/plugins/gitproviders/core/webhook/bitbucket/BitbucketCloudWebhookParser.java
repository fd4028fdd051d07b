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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Bitbucket Cloud deliveries into normalised events. The event is named by the {@code X-Event-Key} header:
 * {@code repo:push} becomes one event per entry of {@code push.changes} (branch or tag created, pushed or deleted), and
 * {@code pullrequest:created}, {@code :updated}, {@code :fulfilled} and {@code :rejected} become pull request opened,
 * updated, merged and closed. Every other key (issues, comments, approvals, forks, commit statuses) is ignored.
 *
 * <p>Bitbucket Cloud sends only abbreviated commit ids (12 digits) in pull request events; those cannot name a commit
 * safely, so such events carry no head commit and the consumer resolves the pull request's head itself.
 *
 * <p>The delivery id is the {@code X-Request-UUID} header. {@code X-Hook-UUID} names the webhook, not the delivery,
 * so it is never used as the delivery id: it would make every later delivery look like a duplicate.
 *
 * <p>Bitbucket Cloud publishes no pull request refs: a pull request's ref is its source branch when the source is the
 * repository itself, and none when it is a fork ({@code source.repository} differs), whose branch lives elsewhere.
 * The deliveries say nothing of the author's rights, so an author is never trusted here.
 */
public final class BitbucketCloudWebhookParser implements WebhookParser {
    /** The host of every Bitbucket Cloud repository. */
    public static final String HOST = "bitbucket.org";

    private static final Pattern FULL_NAME = Pattern.compile("[^/\\s]+/[^/\\s]+");
    private static final Map<String, EventKind> PULL_REQUEST_KINDS = Map.of(
            "pullrequest:created", EventKind.PULL_REQUEST_OPENED,
            "pullrequest:updated", EventKind.PULL_REQUEST_UPDATED,
            "pullrequest:fulfilled", EventKind.PULL_REQUEST_MERGED,
            "pullrequest:rejected", EventKind.PULL_REQUEST_CLOSED);

    @Override
    public Set<ProviderType> hostTypes() {
        return Set.of(ProviderType.BITBUCKET_CLOUD);
    }

    @Override
    public ParseResult parse(WebhookDelivery delivery) {
        return EventChecks.check(parseUnchecked(delivery));
    }

    private static ParseResult parseUnchecked(WebhookDelivery delivery) {
        Optional<String> key = delivery.header("X-Event-Key").map(String::trim).filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            return ParseResult.malformed("header X-Event-Key is missing; Bitbucket Cloud names the event there");
        }
        String eventKey = key.get();
        String shown = EventChecks.quote(eventKey);
        boolean push = eventKey.equals("repo:push");
        EventKind pullRequestKind = PULL_REQUEST_KINDS.get(eventKey);
        if (!push && pullRequestKind == null) {
            return ParseResult.ignored("Bitbucket Cloud event " + shown
                    + " does not change code; only repo:push and pullrequest:created, :updated, :fulfilled and"
                    + " :rejected trigger builds");
        }
        try {
            PayloadNode root = PayloadNode.parse(delivery);
            Context context = new Context(
                    repository(root.object("repository")),
                    sender(root),
                    delivery.header("X-Request-UUID").filter(id -> !id.isBlank()).orElse(null));
            return push ? push(root, context) : ParseResult.of(pullRequest(root, pullRequestKind, context));
        } catch (MalformedPayloadException e) {
            return ParseResult.malformed("Bitbucket Cloud " + shown + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // The contract forbids throwing; a 400 is better than a 500 the host would retry.
            return ParseResult.malformed("Bitbucket Cloud " + shown + ": could not read the delivery (internal"
                    + " error " + e.getClass().getSimpleName() + ")");
        }
    }

    private record Context(RepositoryInfo repository, @CheckForNull String sender, @CheckForNull String deliveryId) {}

    private static ParseResult push(PayloadNode root, Context context) throws MalformedPayloadException {
        List<PayloadNode> changes = root.object("push").array("changes");
        List<WebhookEvent> events = new ArrayList<>(changes.size());
        List<String> skipped = new ArrayList<>();
        for (PayloadNode element : changes) {
            PayloadNode change = element.asObject();
            Optional<PayloadNode> before = change.optionalObject("old");
            Optional<PayloadNode> after = change.optionalObject("new");
            if (before.isEmpty() && after.isEmpty()) {
                throw new MalformedPayloadException(
                        "fields '" + change.path() + ".old' and '.new' are both missing; one must name the ref");
            }
            PayloadNode ref = after.orElseGet(before::get);
            String type = ref.text("type");
            boolean tag = type.equals("tag") || type.equals("annotated_tag");
            if (!tag && !type.equals("branch") && !type.equals("named_branch")) {
                skipped.add(type);
                continue;
            }
            String name = EventChecks.ref((tag ? "refs/tags/" : "refs/heads/") + ref.text("name"),
                    ref.path() + ".name");
            String beforeCommit = before.isPresent() ? targetCommit(before.get()) : null;
            String afterCommit = after.isPresent() ? targetCommit(after.get()) : null;
            EventKind kind;
            if (tag) {
                kind = after.isEmpty() ? EventKind.TAG_DELETED : EventKind.TAG_PUSH;
            } else if (before.isEmpty()) {
                kind = EventKind.BRANCH_CREATED;
            } else {
                kind = after.isEmpty() ? EventKind.BRANCH_DELETED : EventKind.BRANCH_PUSH;
            }
            events.add(new WebhookEvent(
                    ProviderType.BITBUCKET_CLOUD,
                    kind,
                    context.repository(),
                    name,
                    beforeCommit,
                    afterCommit,
                    null,
                    null,
                    null,
                    afterCommit,
                    context.sender(),
                    context.deliveryId()));
        }
        if (events.isEmpty()) {
            return ParseResult.ignored(changes.isEmpty()
                    ? "Bitbucket Cloud repo:push lists no changes"
                    : "Bitbucket Cloud repo:push changes only refs of type "
                            + EventChecks.quote(String.join(", ", skipped)) + ", neither branches nor tags");
        }
        return ParseResult.ofAll(events);
    }

    private static String targetCommit(PayloadNode ref) throws MalformedPayloadException {
        return ref.object("target")
                .commit("hash")
                .orElseThrow(() -> new MalformedPayloadException(
                        "field '" + ref.path() + ".target.hash' is the all-zero id; expected a commit"));
    }

    private static WebhookEvent pullRequest(PayloadNode root, EventKind kind, Context context)
            throws MalformedPayloadException {
        PayloadNode pullRequest = root.object("pullrequest");
        int number = pullRequest.positiveInt("id");
        PayloadNode source = pullRequest.object("source");
        String sourceBranch = EventChecks.branch(source.object("branch").text("name"),
                source.path() + ".branch.name");
        PayloadNode destination = pullRequest.object("destination");
        String targetBranch = EventChecks.branch(destination.object("branch").text("name"),
                destination.path() + ".branch.name");
        Optional<PayloadNode> sourceCommit = source.optionalObject("commit");
        String head = sourceCommit.isPresent()
                ? sourceCommit.get().fullCommitIfAny("hash").orElse(null)
                : null;
        Optional<PayloadNode> sourceRepository = source.optionalObject("repository");
        PullRequestSource origin = PullRequestSource.of(
                sourceRepository.isPresent() ? sourceRepository.get().optionalText("full_name").orElse(null) : null,
                context.repository().fullPath(), false, null);
        return new WebhookEvent(
                ProviderType.BITBUCKET_CLOUD,
                kind,
                context.repository(),
                origin.fork() ? null : "refs/heads/" + sourceBranch,
                null,
                head,
                number,
                sourceBranch,
                targetBranch,
                head,
                context.sender(),
                context.deliveryId(),
                origin);
    }

    private static RepositoryInfo repository(PayloadNode repository) throws MalformedPayloadException {
        String fullName = repository.text("full_name");
        if (!FULL_NAME.matcher(fullName).matches()) {
            throw new MalformedPayloadException("field '" + repository.path()
                    + ".full_name' must be 'workspace/repository'");
        }
        String webUrl = null;
        Optional<PayloadNode> links = repository.optionalObject("links");
        if (links.isPresent()) {
            Optional<PayloadNode> html = links.get().optionalObject("html");
            if (html.isPresent()) {
                webUrl = html.get().optionalText("href").orElse(null);
            }
        }
        return new RepositoryInfo(
                HOST,
                fullName,
                "https://" + HOST + "/" + fullName + ".git",
                "git@" + HOST + ":" + fullName + ".git",
                webUrl);
    }

    @CheckForNull
    private static String sender(PayloadNode root) throws MalformedPayloadException {
        Optional<PayloadNode> actor = root.optionalObject("actor");
        if (actor.isEmpty()) {
            return null;
        }
        // Bitbucket dropped user names in 2019; the nickname replaced them, the display name is the last resort.
        for (String field : List.of("username", "nickname", "display_name")) {
            Optional<String> value = actor.get().optionalText(field);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }
}
