package io.jenkins.plugins.gitproviders.core.webhook.gitlab;

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
 * Reads GitLab.com and self-managed GitLab deliveries: {@code Push Hook}, {@code Tag Push Hook},
 * {@code Merge Request Hook}, and the same three kinds sent as {@code System Hook}. The repository path keeps nested
 * groups ({@code group/sub/project}); the merge request number is the project-scoped {@code iid}.
 * <p>
 * A merge request {@code update} counts only when it brings new commits ({@code oldrev}) or a new target branch;
 * title, label, draft or approval changes are ignored, as they change nothing to build.
 * <p>
 * A merge request's ref is {@code refs/merge-requests/IID/head}, which GitLab keeps in the target project also for
 * forks; the source is a fork when {@code source_project_id} differs from {@code target_project_id}. GitLab's
 * deliveries say nothing of the author's rights, so an author is never trusted here.
 */
public final class GitLabWebhookParser implements WebhookParser {
    @Override
    public Set<ProviderType> hostTypes() {
        return Set.of(ProviderType.GITLAB, ProviderType.GITLAB_SELF_MANAGED);
    }

    @Override
    public ParseResult parse(WebhookDelivery delivery) {
        return EventChecks.check(parseUnchecked(delivery));
    }

    private static ParseResult parseUnchecked(WebhookDelivery delivery) {
        Optional<String> event = delivery.header("X-Gitlab-Event").map(String::trim);
        if (event.isEmpty() || event.get().isEmpty()) {
            return ParseResult.malformed("The delivery has no X-Gitlab-Event header; it does not come from GitLab");
        }
        try {
            switch (event.get()) {
                case "Push Hook":
                case "Tag Push Hook":
                    return push(delivery, JsonPayload.parse(delivery));
                case "Merge Request Hook":
                    return mergeRequest(delivery, JsonPayload.parse(delivery));
                case "System Hook":
                    return systemHook(delivery, JsonPayload.parse(delivery));
                default:
                    return ParseResult.ignored("GitLab " + EventChecks.quote(event.get())
                            + " deliveries do not trigger builds; the"
                            + " plugin acts on Push Hook, Tag Push Hook and Merge Request Hook");
            }
        } catch (MalformedPayloadException e) {
            return e.toResult();
        }
    }

    private static ParseResult systemHook(WebhookDelivery delivery, JsonPayload body)
            throws MalformedPayloadException {
        String kind = WebhookUrls.firstOf(body.text("object_kind").orElse(null), body.text("event_name").orElse(null));
        if ("push".equals(kind) || "tag_push".equals(kind)) {
            return push(delivery, body);
        }
        if ("merge_request".equals(kind)) {
            return mergeRequest(delivery, body);
        }
        return ParseResult.ignored("GitLab system hook " + EventChecks.quote(kind)
                + " does not trigger builds; the plugin acts on"
                + " push, tag_push and merge_request");
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
        String headCommit = deleted ? null : body.commit("checkout_sha").orElse(after);
        String sender = WebhookUrls.firstOf(body.text("user_username").orElse(null),
                body.text("user_name").orElse(null));
        RepositoryInfo repository = repository(body);
        return ParseResult.of(new WebhookEvent(hostType(repository), kind, repository, ref, before, after, null, null,
                null, headCommit, sender, deliveryId(delivery)));
    }

    private static ParseResult mergeRequest(WebhookDelivery delivery, JsonPayload body)
            throws MalformedPayloadException {
        JsonPayload attributes = body.requireObject("object_attributes");
        Optional<String> action = attributes.text("action");
        if (action.isEmpty()) {
            return ParseResult.ignored("Merge request event without an action (older system hooks) does not"
                    + " trigger builds");
        }
        EventKind kind;
        switch (action.get()) {
            case "open":
            case "reopen":
                kind = EventKind.PULL_REQUEST_OPENED;
                break;
            case "update":
                boolean newCommits = attributes.has("oldrev");
                boolean newTarget = body.object("changes").map(changes -> changes.has("target_branch")).orElse(false);
                if (!newCommits && !newTarget) {
                    return ParseResult.ignored("Merge request update without new commits or a new target branch"
                            + " (title, labels, draft or reviewers only) does not trigger builds");
                }
                kind = EventKind.PULL_REQUEST_UPDATED;
                break;
            case "merge":
                kind = EventKind.PULL_REQUEST_MERGED;
                break;
            case "close":
                kind = EventKind.PULL_REQUEST_CLOSED;
                break;
            default:
                return ParseResult.ignored("Merge request action " + EventChecks.quote(action.get())
                        + " does not trigger builds;"
                        + " the plugin acts on open, reopen, update (new commits or target), merge and close");
        }
        int iid = attributes.integer("iid").orElseThrow(() -> new MalformedPayloadException(
                "'" + attributes.path() + ".iid' is missing; expected the merge request number"));
        String sourceBranch = EventChecks.branch(attributes.requireText("source_branch"),
                attributes.path() + ".source_branch");
        String headCommit = attributes.object("last_commit").isPresent()
                ? attributes.requireObject("last_commit").commit("id").orElse(null) : null;
        RepositoryInfo repository = repository(body);
        return ParseResult.of(new WebhookEvent(hostType(repository), kind, repository,
                "refs/merge-requests/" + iid + "/head", attributes.commit("oldrev").orElse(null), headCommit, iid,
                sourceBranch, EventChecks.branch(attributes.requireText("target_branch"),
                        attributes.path() + ".target_branch"), headCommit,
                body.textIn("user", "username").orElse(null), deliveryId(delivery), source(attributes, repository)));
    }

    /** Compares the source and target projects by id (paths change on renames); unknown ids count as a fork. */
    private static PullRequestSource source(JsonPayload attributes, RepositoryInfo target)
            throws MalformedPayloadException {
        String sourcePath = attributes.textIn("source", "path_with_namespace").orElse(null);
        Optional<Integer> sourceId = attributes.integer("source_project_id");
        Optional<Integer> targetId = attributes.integer("target_project_id");
        if (sourceId.isPresent() && targetId.isPresent()) {
            boolean fork = !sourceId.get().equals(targetId.get());
            return new PullRequestSource(fork ? sourcePath : target.fullPath(), fork, false, null);
        }
        return PullRequestSource.of(sourcePath, target.fullPath(), false, null);
    }

    /** Reads {@code project}, or the older {@code repository} object when a delivery has no project. */
    private static RepositoryInfo repository(JsonPayload body) throws MalformedPayloadException {
        Optional<JsonPayload> project = body.object("project");
        if (project.isPresent()) {
            JsonPayload p = project.get();
            return repository(p, p.requireText("path_with_namespace"), p.text("git_http_url").orElse(null),
                    p.text("git_ssh_url").orElse(null), p.text("web_url").orElse(null));
        }
        JsonPayload repo = body.requireObject("repository");
        String webUrl = repo.text("homepage").orElse(null);
        String path = webUrl == null ? null : pathOf(webUrl);
        if (path == null) {
            throw new MalformedPayloadException("'$.project' is missing; expected the project with its"
                    + " path_with_namespace");
        }
        return repository(repo, path, repo.text("git_http_url").orElse(null), repo.text("git_ssh_url").orElse(null),
                webUrl);
    }

    private static RepositoryInfo repository(
            JsonPayload origin, String path, @CheckForNull String http, @CheckForNull String ssh,
            @CheckForNull String web) throws MalformedPayloadException {
        String host = WebhookUrls.host(web)
                .or(() -> WebhookUrls.host(http))
                .or(() -> WebhookUrls.host(ssh))
                .orElseThrow(() -> new MalformedPayloadException("'" + origin.path() + ".web_url' is missing or not"
                        + " an address; expected the project's web address"));
        return new RepositoryInfo(host, path, http, ssh, web);
    }

    @CheckForNull
    private static String pathOf(String webUrl) {
        int scheme = webUrl.indexOf("://");
        int slash = scheme < 0 ? -1 : webUrl.indexOf('/', scheme + 3);
        if (slash < 0 || slash == webUrl.length() - 1) {
            return null;
        }
        String path = webUrl.substring(slash + 1);
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static ProviderType hostType(RepositoryInfo repository) {
        return "gitlab.com".equals(repository.host()) ? ProviderType.GITLAB : ProviderType.GITLAB_SELF_MANAGED;
    }

    /**
     * Returns {@code X-Gitlab-Event-UUID}, which names the event (the same for a retry and for every hook the event
     * fires), or else {@code Idempotency-Key}, which names one hook's delivery and its retries.
     */
    @CheckForNull
    private static String deliveryId(WebhookDelivery delivery) {
        return WebhookUrls.firstOf(delivery.header("X-Gitlab-Event-UUID").orElse(null),
                delivery.header("Idempotency-Key").orElse(null));
    }
}
