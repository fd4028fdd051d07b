package io.jenkins.plugins.gitproviders.core.webhook.azure;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Azure DevOps service hook deliveries (the "Web Hooks" consumer) into normalised events. Azure names the event
 * in the body's {@code eventType}: {@code git.push} becomes one event per entry of {@code resource.refUpdates} (branch
 * or tag created, pushed or deleted); {@code git.pullrequest.created}, {@code .updated} and {@code .merged} become
 * pull request events, the pull request's {@code status} deciding: {@code completed} is merged, {@code abandoned} is
 * closed, otherwise created is opened and the others are updated (Azure's "merged" event is a merge <em>attempt</em>,
 * sent while the pull request is still active). Every other type ({@code build.complete}, work items...) is ignored.
 *
 * <p>The repository is {@code resource.repository}: host as given in {@code remoteUrl} ({@code dev.azure.com} or
 * {@code org.visualstudio.com}), full path {@code organization/project/repository}.
 * The delivery id is the body's {@code id}, else its {@code notificationId}. The sender is the pusher or the pull
 * request's creator (Azure does not say who updated a pull request).
 *
 * <p>A pull request's ref is {@code refs/pull/N/merge}, the only pull request ref Azure DevOps publishes (the
 * prospective merge; the head commit is in {@code lastMergeSourceCommit}); the source is a fork when the pull request
 * has a {@code forkSource}. The deliveries say nothing of the author's rights, so an author is never trusted here.
 */
public final class AzureDevOpsWebhookParser implements WebhookParser {
    private static final String CLOUD_HOST = "dev.azure.com";
    private static final String LEGACY_HOST_SUFFIX = ".visualstudio.com";

    @Override
    public Set<ProviderType> hostTypes() {
        return Set.of(ProviderType.AZURE_DEVOPS);
    }

    @Override
    public ParseResult parse(WebhookDelivery delivery) {
        return EventChecks.check(parseUnchecked(delivery));
    }

    private static ParseResult parseUnchecked(WebhookDelivery delivery) {
        String eventType = "delivery";
        try {
            PayloadNode root = PayloadNode.parse(delivery);
            eventType = EventChecks.quote(root.text("eventType"));
            String type = root.text("eventType");
            boolean push = type.equals("git.push");
            boolean pullRequest = type.startsWith("git.pullrequest.");
            if (!push && !(pullRequest && List.of("created", "updated", "merged")
                    .contains(type.substring("git.pullrequest.".length())))) {
                return ParseResult.ignored("Azure DevOps event " + eventType + " does not change code; only"
                        + " git.push and git.pullrequest.created, .updated and .merged trigger builds");
            }
            if (root.isAbsent("resource")) {
                return ParseResult.malformed("Azure DevOps " + eventType + ": field 'resource' is missing; set"
                        + " 'Resource details to send' to 'All' in the service hook");
            }
            PayloadNode resource = root.object("resource");
            Context context = new Context(repository(resource.object("repository")), deliveryId(root));
            return push ? push(resource, context) : ParseResult.of(pullRequest(resource, type, context));
        } catch (MalformedPayloadException e) {
            return ParseResult.malformed("Azure DevOps " + eventType + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // The contract forbids throwing; a 400 is better than a 500 the host would retry.
            return ParseResult.malformed("Azure DevOps " + eventType + ": could not read the delivery (internal"
                    + " error " + e.getClass().getSimpleName() + ")");
        }
    }

    private record Context(RepositoryInfo repository, @CheckForNull String deliveryId) {}

    private static ParseResult push(PayloadNode resource, Context context) throws MalformedPayloadException {
        String sender = identity(resource, "pushedBy");
        List<PayloadNode> updates = resource.array("refUpdates");
        List<WebhookEvent> events = new ArrayList<>(updates.size());
        List<String> skipped = new ArrayList<>();
        for (PayloadNode element : updates) {
            PayloadNode update = element.asObject();
            String ref = EventChecks.ref(update.text("name"), update.path() + ".name");
            boolean tag = ref.startsWith("refs/tags/");
            if (!tag && !ref.startsWith("refs/heads/")) {
                skipped.add(ref);
                continue;
            }
            String before = update.commit("oldObjectId").orElse(null);
            String after = update.commit("newObjectId").orElse(null);
            if (before == null && after == null) {
                throw new MalformedPayloadException("fields '" + update.path()
                        + ".oldObjectId' and '.newObjectId' are both the all-zero id");
            }
            EventKind kind;
            if (tag) {
                kind = after == null ? EventKind.TAG_DELETED : EventKind.TAG_PUSH;
            } else if (before == null) {
                kind = EventKind.BRANCH_CREATED;
            } else {
                kind = after == null ? EventKind.BRANCH_DELETED : EventKind.BRANCH_PUSH;
            }
            events.add(new WebhookEvent(ProviderType.AZURE_DEVOPS, kind, context.repository(), ref, before, after,
                    null, null, null, after, sender, context.deliveryId()));
        }
        if (events.isEmpty()) {
            return ParseResult.ignored(updates.isEmpty()
                    ? "Azure DevOps git.push lists no ref updates"
                    : "Azure DevOps git.push updates neither branches nor tags: "
                            + EventChecks.quote(String.join(", ", skipped)));
        }
        return ParseResult.ofAll(events);
    }

    private static WebhookEvent pullRequest(PayloadNode resource, String eventType, Context context)
            throws MalformedPayloadException {
        int number = resource.positiveInt("pullRequestId");
        String status = resource.text("status");
        EventKind kind = switch (status) {
            case "completed" -> EventKind.PULL_REQUEST_MERGED;
            case "abandoned" -> EventKind.PULL_REQUEST_CLOSED;
            default -> eventType.equals("git.pullrequest.created")
                    ? EventKind.PULL_REQUEST_OPENED
                    : EventKind.PULL_REQUEST_UPDATED;
        };
        String sourceRef = EventChecks.ref(resource.text("sourceRefName"), resource.path() + ".sourceRefName");
        String targetRef = EventChecks.ref(resource.text("targetRefName"), resource.path() + ".targetRefName");
        Optional<PayloadNode> sourceCommit = resource.optionalObject("lastMergeSourceCommit");
        String head = sourceCommit.isPresent() ? sourceCommit.get().commit("commitId").orElse(null) : null;
        return new WebhookEvent(
                ProviderType.AZURE_DEVOPS,
                kind,
                context.repository(),
                "refs/pull/" + number + "/merge",
                null,
                head,
                number,
                shortBranch(sourceRef),
                shortBranch(targetRef),
                head,
                identity(resource, "createdBy"),
                context.deliveryId(),
                source(resource, context.repository()));
    }

    /**
     * Reads {@code forkSource}, which only pull requests from forks carry; a fork lives in the same organization, so
     * its path is the target's organization with the fork's project and name.
     */
    private static PullRequestSource source(PayloadNode resource, RepositoryInfo target)
            throws MalformedPayloadException {
        Optional<PayloadNode> fork = resource.optionalObject("forkSource");
        if (fork.isEmpty()) {
            return PullRequestSource.sameRepository(target.fullPath());
        }
        Optional<PayloadNode> repository = fork.get().optionalObject("repository");
        String path = null;
        if (repository.isPresent() && !repository.get().isAbsent("name")) {
            Optional<PayloadNode> project = repository.get().optionalObject("project");
            String organization = target.fullPath().substring(0, target.fullPath().indexOf('/'));
            path = organization + "/" + (project.isPresent() ? project.get().text("name") + "/" : "")
                    + repository.get().text("name");
        }
        return new PullRequestSource(path, true, false, null);
    }

    private static String shortBranch(String ref) {
        return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }

    private static RepositoryInfo repository(PayloadNode repository) throws MalformedPayloadException {
        String name = repository.text("name");
        String project = repository.object("project").text("name");
        String remoteUrl = repository.text("remoteUrl");
        URI uri;
        try {
            uri = new URI(remoteUrl);
        } catch (URISyntaxException e) {
            throw new MalformedPayloadException("field '" + repository.path() + ".remoteUrl' is not a URL");
        }
        if (uri.getHost() == null || uri.getRawPath() == null) {
            throw new MalformedPayloadException("field '" + repository.path() + ".remoteUrl' has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String organization = organization(host, uri.getPath(), project);
        if (organization == null) {
            throw new MalformedPayloadException("field '" + repository.path() + ".remoteUrl' does not name the"
                    + " organization (expected https://dev.azure.com/ORG/PROJECT/_git/REPO)");
        }
        // Azure puts the user in the address (https://org@dev.azure.com/...); the clone address must not carry it.
        String httpsClone = uri.getUserInfo() == null ? remoteUrl : remoteUrl.replace(uri.getRawUserInfo() + "@", "");
        return new RepositoryInfo(
                host,
                organization + "/" + project + "/" + name,
                httpsClone,
                repository.optionalText("sshUrl").orElse(null),
                repository.optionalText("webUrl").orElse(httpsClone));
    }

    /**
     * Finds the organization: the subdomain of {@code org.visualstudio.com}, the first path segment on
     * {@code dev.azure.com}, and on Azure DevOps Server the collection (the last segment before the project).
     */
    @CheckForNull
    private static String organization(String host, String path, String project) {
        if (host.endsWith(LEGACY_HOST_SUFFIX) && host.length() > LEGACY_HOST_SUFFIX.length()) {
            return host.substring(0, host.length() - LEGACY_HOST_SUFFIX.length());
        }
        List<String> segments = new ArrayList<>(Arrays.asList(path.split("/")));
        segments.removeIf(String::isEmpty);
        int git = segments.indexOf("_git");
        List<String> before = git < 0 ? segments : segments.subList(0, git);
        if (host.equals(CLOUD_HOST)) {
            return before.isEmpty() ? null : before.get(0);
        }
        List<String> collection = new ArrayList<>(before);
        if (!collection.isEmpty() && collection.get(collection.size() - 1).equals(project)) {
            collection.remove(collection.size() - 1);
        }
        return collection.isEmpty() ? null : collection.get(collection.size() - 1);
    }

    @CheckForNull
    private static String identity(PayloadNode resource, String field) throws MalformedPayloadException {
        Optional<PayloadNode> identity = resource.optionalObject(field);
        if (identity.isEmpty()) {
            return null;
        }
        Optional<String> unique = identity.get().optionalText("uniqueName");
        return unique.isPresent() ? unique.get() : identity.get().optionalText("displayName").orElse(null);
    }

    @CheckForNull
    private static String deliveryId(PayloadNode root) throws MalformedPayloadException {
        Optional<String> id = root.optionalText("id");
        if (id.isPresent()) {
            return id.get();
        }
        return root.isAbsent("notificationId") ? null : Integer.toString(root.positiveInt("notificationId"));
    }
}
