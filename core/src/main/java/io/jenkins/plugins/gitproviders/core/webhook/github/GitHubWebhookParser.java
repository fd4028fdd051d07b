package io.jenkins.plugins.gitproviders.core.webhook.github;

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
import java.util.Optional;
import java.util.Set;

/**
 * Reads GitHub.com and GitHub Enterprise Server deliveries, JSON or form-encoded ({@code payload=}).
 * <p>
 * Acts on {@code push} (branch and tag pushes, creations and deletions), {@code pull_request} ({@code opened},
 * {@code reopened}, {@code synchronize}, {@code ready_for_review}, {@code edited} with a new base branch,
 * {@code closed}) and {@code ping}. {@code create} and {@code delete} are ignored: GitHub sends a {@code push}
 * for the same change, and acting on both would build twice. Any other event is ignored with the reason.
 * <p>
 * A pull request's ref is {@code refs/pull/N/head}, which GitHub keeps in the base repository also for forks; the
 * source is a fork when {@code head.repo} differs from the repository (or is gone), and the author is trusted when
 * {@code author_association} is {@code OWNER}, {@code MEMBER} or {@code COLLABORATOR}.
 */
public final class GitHubWebhookParser implements WebhookParser {
    @Override
    public Set<ProviderType> hostTypes() {
        return Set.of(ProviderType.GITHUB, ProviderType.GITHUB_ENTERPRISE);
    }

    @Override
    public ParseResult parse(WebhookDelivery delivery) {
        return EventChecks.check(parseUnchecked(delivery));
    }

    private static ParseResult parseUnchecked(WebhookDelivery delivery) {
        Optional<String> event = delivery.header("X-GitHub-Event").map(String::trim);
        if (event.isEmpty() || event.get().isEmpty()) {
            return ParseResult.malformed("The delivery has no X-GitHub-Event header; it does not come from GitHub");
        }
        try {
            switch (event.get()) {
                case "push":
                    return push(delivery, JsonPayload.parse(delivery));
                case "pull_request":
                    return pullRequest(delivery, JsonPayload.parse(delivery));
                case "ping":
                    return ping(delivery, JsonPayload.parse(delivery));
                case "create":
                case "delete":
                    return ParseResult.ignored("GitHub " + EventChecks.quote(event.get())
                            + " events are ignored: GitHub also sends"
                            + " a 'push' event for the same change, which the plugin acts on");
                default:
                    return ParseResult.ignored("GitHub " + EventChecks.quote(event.get())
                            + " events do not trigger builds; the"
                            + " plugin acts on push, pull_request and ping");
            }
        } catch (MalformedPayloadException e) {
            return e.toResult();
        }
    }

    private static ParseResult push(WebhookDelivery delivery, JsonPayload body) throws MalformedPayloadException {
        String ref = EventChecks.ref(body.requireText("ref"), "$.ref");
        String before = body.commit("before").orElse(null);
        String after = body.commit("after").orElse(null);
        boolean deleted = body.bool("deleted").orElse(false) || after != null && JsonPayload.isZeroCommit(after);
        boolean created = body.bool("created").orElse(false) || before != null && JsonPayload.isZeroCommit(before);
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
            Optional<JsonPayload> head = body.object("head_commit");
            headCommit = head.isPresent() ? head.get().commit("id").orElse(after) : after;
        }
        String sender = WebhookUrls.firstOf(login(body, "sender"), body.textIn("pusher", "name").orElse(null));
        RepositoryInfo repository = repository(body.requireObject("repository"));
        return ParseResult.of(new WebhookEvent(hostType(delivery, repository), kind, repository, ref, before, after,
                null, null, null, headCommit, sender, deliveryId(delivery)));
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
            case "synchronize":
            case "ready_for_review":
                kind = EventKind.PULL_REQUEST_UPDATED;
                break;
            case "edited":
                if (!body.object("changes").map(changes -> changes.has("base")).orElse(false)) {
                    return ParseResult.ignored("Pull request 'edited' without a new base branch (title or"
                            + " description only) does not trigger builds");
                }
                kind = EventKind.PULL_REQUEST_UPDATED;
                break;
            case "closed":
                kind = pull.bool("merged").orElse(false) ? EventKind.PULL_REQUEST_MERGED
                        : EventKind.PULL_REQUEST_CLOSED;
                break;
            default:
                return ParseResult.ignored("Pull request action " + EventChecks.quote(action)
                        + " does not trigger builds; the"
                        + " plugin acts on opened, reopened, synchronize, ready_for_review, edited (new base)"
                        + " and closed");
        }
        Integer number = body.integer("number").isPresent() ? body.integer("number").get()
                : pull.integer("number").orElseThrow(() -> new MalformedPayloadException(
                        "'$.number' is missing; expected the pull request number"));
        JsonPayload head = pull.requireObject("head");
        JsonPayload base = pull.requireObject("base");
        String sourceBranch = EventChecks.branch(head.requireText("ref"), "$.pull_request.head.ref");
        String headCommit = head.commit("sha").orElse(null);
        RepositoryInfo repository = repository(body.requireObject("repository"));
        // head.repo is null once the fork is deleted: an unknown source counts as a fork.
        String sourceRepository = head.textIn("repo", "full_name").orElse(null);
        String association = pull.text("author_association").orElse(null);
        PullRequestSource source = PullRequestSource.of(sourceRepository, repository.fullPath(),
                association != null && PullRequestSource.TRUSTED_GITHUB_ASSOCIATIONS.contains(association),
                association);
        return ParseResult.of(new WebhookEvent(hostType(delivery, repository), kind, repository,
                "refs/pull/" + number + "/head", body.commit("before").orElse(null),
                body.commit("after").orElse(headCommit), number, sourceBranch,
                EventChecks.branch(base.requireText("ref"), "$.pull_request.base.ref"), headCommit,
                login(body, "sender"), deliveryId(delivery), source));
    }

    private static ParseResult ping(WebhookDelivery delivery, JsonPayload body) throws MalformedPayloadException {
        Optional<JsonPayload> repo = body.object("repository");
        RepositoryInfo repository = repo.isPresent() ? repository(repo.get()) : null;
        ProviderType type = repository != null ? hostType(delivery, repository)
                : delivery.header("X-GitHub-Enterprise-Host").isPresent() ? ProviderType.GITHUB_ENTERPRISE
                : ProviderType.GITHUB;
        return ParseResult.of(new WebhookEvent(type, EventKind.PING, repository, null, null, null, null, null, null,
                null, login(body, "sender"), deliveryId(delivery)));
    }

    /** Reads a GitHub repository object; GitHub Enterprise Server uses the same fields. */
    static RepositoryInfo repository(JsonPayload repo) throws MalformedPayloadException {
        String fullName = repo.requireText("full_name");
        String webUrl = repo.text("html_url").orElse(null);
        String cloneUrl = repo.text("clone_url").orElse(null);
        String sshUrl = repo.text("ssh_url").orElse(null);
        String host = WebhookUrls.host(webUrl)
                .or(() -> WebhookUrls.host(cloneUrl))
                .or(() -> WebhookUrls.host(sshUrl))
                .orElseThrow(() -> new MalformedPayloadException("'" + repo.path() + ".html_url' is missing or not"
                        + " an address; expected the repository's web address"));
        return new RepositoryInfo(host, fullName, cloneUrl, sshUrl, webUrl);
    }

    private static ProviderType hostType(WebhookDelivery delivery, RepositoryInfo repository) {
        return delivery.header("X-GitHub-Enterprise-Host").isPresent() || !"github.com".equals(repository.host())
                ? ProviderType.GITHUB_ENTERPRISE : ProviderType.GITHUB;
    }

    @CheckForNull
    private static String login(JsonPayload body, String field) throws MalformedPayloadException {
        return body.textIn(field, "login").orElse(null);
    }

    @CheckForNull
    private static String deliveryId(WebhookDelivery delivery) {
        return delivery.header("X-GitHub-Delivery").map(String::trim).filter(id -> !id.isEmpty()).orElse(null);
    }
}
