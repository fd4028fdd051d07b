package io.jenkins.plugins.gitproviders.core.webhook.gitea;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventChecks;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.JsonPayload;
import io.jenkins.plugins.gitproviders.core.webhook.MalformedPayloadException;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookParser;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookUrls;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Gitea, Forgejo and Gogs deliveries (one format family; Forgejo and Gitea name their headers after themselves,
 * Gogs and Gitea also send {@code X-Gogs-*}).
 * <p>
 * Acts on {@code push}, {@code pull_request} ({@code opened}, {@code reopened}, {@code synchronized}, {@code closed},
 * a merge being {@code closed} with {@code merged: true}) and {@code delete} (the only notice of a deleted branch or
 * tag). {@code create} is ignored: the {@code push} sent with it carries the same change.
 * <p>
 * A pull request's ref is {@code refs/pull/N/head}, which Gitea keeps in the base repository also for forks; the
 * source is a fork when the head repository ({@code head.repo}, Gogs {@code head_repo}) differs from the repository.
 * The deliveries say nothing of the author's rights, so an author is never trusted here.
 */
public final class GiteaWebhookParser implements WebhookParser {
    private static final List<String> EVENT_HEADERS = List.of("X-Forgejo-Event", "X-Gitea-Event", "X-Gogs-Event");
    private static final List<String> DELIVERY_HEADERS =
            List.of("X-Forgejo-Delivery", "X-Gitea-Delivery", "X-Gogs-Delivery", "X-GitHub-Delivery");

    @Override
    public Set<ProviderType> hostTypes() {
        return Set.of(ProviderType.GITEA);
    }

    @Override
    public ParseResult parse(WebhookDelivery delivery) {
        return EventChecks.check(parseUnchecked(delivery));
    }

    private static ParseResult parseUnchecked(WebhookDelivery delivery) {
        String event = firstHeader(delivery, EVENT_HEADERS);
        if (event == null) {
            return ParseResult.malformed("The delivery has no X-Gitea-Event, X-Forgejo-Event or X-Gogs-Event"
                    + " header; it does not come from Gitea, Forgejo or Gogs");
        }
        try {
            switch (event) {
                case "push":
                    return push(delivery, JsonPayload.parse(delivery));
                case "pull_request":
                    return pullRequest(delivery, JsonPayload.parse(delivery));
                case "delete":
                    return delete(delivery, JsonPayload.parse(delivery));
                case "create":
                    return ParseResult.ignored("'create' events are ignored: the 'push' event sent with it carries"
                            + " the same change, which the plugin acts on");
                default:
                    return ParseResult.ignored(EventChecks.quote(event) + " events do not trigger builds; the plugin"
                            + " acts on"
                            + " push, pull_request and delete");
            }
        } catch (MalformedPayloadException e) {
            return e.toResult();
        }
    }

    private static ParseResult push(WebhookDelivery delivery, JsonPayload body) throws MalformedPayloadException {
        String ref = EventChecks.ref(body.requireText("ref"), "$.ref");
        String before = body.commit("before").orElse(null);
        String after = body.commit("after").orElse(null);
        boolean deleted = after != null && JsonPayload.isZeroCommit(after);
        boolean created = before != null && JsonPayload.isZeroCommit(before);
        EventKind kind;
        if (ref.startsWith("refs/heads/")) {
            kind = deleted ? EventKind.BRANCH_DELETED : created ? EventKind.BRANCH_CREATED : EventKind.BRANCH_PUSH;
        } else if (ref.startsWith("refs/tags/")) {
            kind = deleted ? EventKind.TAG_DELETED : EventKind.TAG_PUSH;
        } else {
            return ParseResult.ignored("A push to " + EventChecks.quote(ref) + " is neither a branch nor a tag");
        }
        String headCommit = null;
        if (!deleted) {
            // Older Gitea and Gogs send no head_commit; the last listed commit is the head.
            Optional<JsonPayload> head = body.object("head_commit");
            if (head.isEmpty()) {
                head = body.lastOf("commits");
            }
            headCommit = head.isPresent() ? head.get().commit("id").orElse(after) : after;
        }
        String sender = WebhookUrls.firstOf(account(body, "sender"), account(body, "pusher"));
        RepositoryInfo repository = repository(body.requireObject("repository"));
        return ParseResult.of(new WebhookEvent(ProviderType.GITEA, kind, repository, ref, before, after, null, null,
                null, headCommit, sender, deliveryId(delivery)));
    }

    private static ParseResult pullRequest(WebhookDelivery delivery, JsonPayload body)
            throws MalformedPayloadException {
        String action = body.requireText("action");
        JsonPayload pull = body.requireObject("pull_request");
        EventKind kind;
        switch (action) {
            case "opened":
            case "reopened":
                kind = EventKind.PULL_REQUEST_OPENED;
                break;
            case "synchronized":
            case "synchronize":
                kind = EventKind.PULL_REQUEST_UPDATED;
                break;
            case "closed":
                kind = pull.bool("merged").orElse(false) ? EventKind.PULL_REQUEST_MERGED
                        : EventKind.PULL_REQUEST_CLOSED;
                break;
            default:
                return ParseResult.ignored("Pull request action " + EventChecks.quote(action)
                        + " does not trigger builds; the"
                        + " plugin acts on opened, reopened, synchronized and closed");
        }
        Optional<Integer> number = body.integer("number");
        int pullNumber = number.isPresent() ? number.get() : pull.integer("number").orElseThrow(() ->
                new MalformedPayloadException("'$.number' is missing; expected the pull request number"));
        // Gitea and Forgejo describe the branches as head/base objects; Gogs as head_branch/base_branch.
        String sourceBranch = WebhookUrls.firstOf(pull.textIn("head", "ref").orElse(null),
                pull.text("head_branch").orElse(null));
        String targetBranch = WebhookUrls.firstOf(pull.textIn("base", "ref").orElse(null),
                pull.text("base_branch").orElse(null));
        if (sourceBranch != null) {
            EventChecks.branch(sourceBranch, "$.pull_request.head.ref");
        }
        if (targetBranch != null) {
            EventChecks.branch(targetBranch, "$.pull_request.base.ref");
        }
        Optional<JsonPayload> head = pull.object("head");
        String headCommit = head.isPresent() ? head.get().commit("sha").orElse(null) : null;
        RepositoryInfo repository = repository(body.requireObject("repository"));
        String sourceRepository = WebhookUrls.firstOf(
                head.isPresent() ? head.get().textIn("repo", "full_name").orElse(null) : null,
                pull.textIn("head_repo", "full_name").orElse(null));
        return ParseResult.of(new WebhookEvent(ProviderType.GITEA, kind, repository,
                "refs/pull/" + pullNumber + "/head", null, headCommit, pullNumber, sourceBranch, targetBranch,
                headCommit, account(body, "sender"), deliveryId(delivery),
                PullRequestSource.of(sourceRepository, repository.fullPath(), false, null)));
    }

    private static ParseResult delete(WebhookDelivery delivery, JsonPayload body) throws MalformedPayloadException {
        String refType = body.requireText("ref_type");
        String name = body.requireText("ref");
        EventKind kind;
        String prefix;
        if ("branch".equals(refType)) {
            kind = EventKind.BRANCH_DELETED;
            prefix = "refs/heads/";
        } else if ("tag".equals(refType)) {
            kind = EventKind.TAG_DELETED;
            prefix = "refs/tags/";
        } else {
            return ParseResult.ignored("Deleting a ref of type " + EventChecks.quote(refType)
                    + " does not trigger builds");
        }
        // Gitea sends the short name, Gogs sometimes the full ref.
        String ref = EventChecks.ref(name.startsWith("refs/") ? name : prefix + name, "$.ref");
        RepositoryInfo repository = repository(body.requireObject("repository"));
        return ParseResult.of(new WebhookEvent(ProviderType.GITEA, kind, repository, ref, null, null, null, null,
                null, null, account(body, "sender"), deliveryId(delivery)));
    }

    private static RepositoryInfo repository(JsonPayload repo) throws MalformedPayloadException {
        String fullName = repo.requireText("full_name");
        String webUrl = repo.text("html_url").orElse(null);
        String cloneUrl = repo.text("clone_url").orElse(null);
        String sshUrl = repo.text("ssh_url").orElse(null);
        String host = WebhookUrls.host(webUrl)
                .or(() -> WebhookUrls.host(cloneUrl))
                .orElseThrow(() -> new MalformedPayloadException("'" + repo.path() + ".html_url' is missing or not"
                        + " an address; expected the repository's web address"));
        return new RepositoryInfo(host, fullName, cloneUrl, sshUrl, webUrl);
    }

    /** Returns the account's name: Gitea sends {@code login}, Gogs {@code username}. */
    @CheckForNull
    private static String account(JsonPayload body, String field) throws MalformedPayloadException {
        return WebhookUrls.firstOf(body.textIn(field, "login").orElse(null),
                body.textIn(field, "username").orElse(null));
    }

    @CheckForNull
    private static String deliveryId(WebhookDelivery delivery) {
        return firstHeader(delivery, DELIVERY_HEADERS);
    }

    @CheckForNull
    private static String firstHeader(WebhookDelivery delivery, List<String> names) {
        for (String name : names) {
            Optional<String> value = delivery.header(name).map(String::trim).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }
}
