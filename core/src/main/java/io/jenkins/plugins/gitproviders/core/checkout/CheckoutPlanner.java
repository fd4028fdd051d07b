package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Computes checkout plans for the {@code gitProviderCheckout} step: from a resolved provider and what the Pipeline
 * asked for, or from the webhook event that started the build. Pure and stateless; every input is validated and
 * refused with a message naming the field and what to write instead.
 */
public final class CheckoutPlanner {
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern ZEROS = Pattern.compile("0+");

    /**
     * Plans a checkout of a repository at a ref.
     *
     * @param provider   the resolved provider
     * @param repository the repository path in the host's form, or its URL on the provider's host
     * @param ref        a branch, tag, full commit id, {@code PR-<n>}, {@code refs/heads/…}, {@code refs/tags/…}, or
     *                   {@code null} for the default branch (see {@link RefRequest})
     * @param depth      the number of commits to fetch (1 or more), or {@code null} for the full history
     * @throws CheckoutException when an input is refused, or a Bitbucket Cloud pull request is asked for (use
     *                           {@link #plan(ProviderSpec, String, String, Integer, String)} with its source branch)
     */
    public CheckoutPlan plan(ProviderSpec provider, @CheckForNull String repository, @CheckForNull String ref,
                             @CheckForNull Integer depth) {
        return plan(provider, repository, ref, depth, null);
    }

    /**
     * Plans a checkout, knowing the source branch of the pull request asked for. Bitbucket Cloud publishes no pull
     * request refs, so its pull requests are fetched from their source branch (in the same repository); other
     * hosts ignore it.
     *
     * @param pullRequestSourceBranch the source branch of the pull request in {@code ref}, or {@code null}
     */
    public CheckoutPlan plan(ProviderSpec provider, @CheckForNull String repository, @CheckForNull String ref,
                             @CheckForNull Integer depth, @CheckForNull String pullRequestSourceBranch) {
        Integer checkedDepth = checkDepth(depth);
        RepositoryReference repo = RepositoryReference.parse(provider, repository);
        RefRequest request = RefRequest.parse(ref);
        List<String> warnings = new ArrayList<>(repo.warnings());
        CheckoutTarget target;
        List<String> refspecs;
        if (request instanceof RefRequest.Branch branch) {
            target = new CheckoutTarget(CheckoutTarget.Kind.BRANCH, branch.name(),
                    Refspecs.remoteBranch(branch.name()), null);
            refspecs = List.of(Refspecs.branch(branch.name()));
        } else if (request instanceof RefRequest.Tag tag) {
            target = new CheckoutTarget(CheckoutTarget.Kind.TAG, tag.name(), Refspecs.TAGS + tag.name(), null);
            refspecs = List.of(Refspecs.tag(tag.name()));
        } else if (request instanceof RefRequest.Commit commit) {
            target = new CheckoutTarget(CheckoutTarget.Kind.COMMIT, commit.id(), commit.id(), commit.id());
            refspecs = List.of(commit.id());
        } else if (request instanceof RefRequest.PullRequest pr) {
            target = new CheckoutTarget(CheckoutTarget.Kind.PULL_REQUEST, "PR-" + pr.number(),
                    Refspecs.pullRequestLocal(pr.number()), null);
            refspecs = List.of(pullRequestRefspec(provider, pr.number(), pullRequestSourceBranch, warnings));
        } else if (request instanceof RefRequest.BranchOrTag name) {
            target = new CheckoutTarget(CheckoutTarget.Kind.BRANCH_OR_TAG, name.name(), null, null);
            refspecs = List.of();
        } else {
            target = new CheckoutTarget(CheckoutTarget.Kind.DEFAULT_BRANCH, null, null, null);
            refspecs = List.of();
        }
        return assemble(provider, repo, target, refspecs, checkedDepth, warnings);
    }

    /** Plans the checkout of the ref of the webhook event that started the build (see the next method). */
    public CheckoutPlan planForEvent(ProviderSpec provider, WebhookEvent event) {
        return planForEvent(provider, event, null);
    }

    /**
     * Plans the checkout of a webhook event: fetches the event's branch, tag or pull request ref (the host's published
     * pull request ref) and checks out what it points to. The commit the event announced is recorded in
     * {@link CheckoutTarget#announcedCommit()} and compared after the fetch, never fetched by id: a payload can name
     * any commit, and GitHub serves fork-only commits by id through the parent repository (see {@link CommitTrust}).
     *
     * @throws CheckoutException for events with nothing to check out (ping, deletions), events of another host, or
     *                           events missing what the plan needs
     */
    public CheckoutPlan planForEvent(ProviderSpec provider, WebhookEvent event, @CheckForNull Integer depth) {
        Integer checkedDepth = checkDepth(depth);
        EventKind kind = event.kind();
        if (kind == EventKind.PING) {
            throw new CheckoutException("The build was started by a webhook ping, which names no commit: give"
                    + " gitProviderCheckout a repository (and a ref).");
        }
        if (kind == EventKind.BRANCH_DELETED || kind == EventKind.TAG_DELETED) {
            throw new CheckoutException("The build was started by the deletion of " + event.shortRef()
                    .map(Texts::quote).orElse("a branch or tag") + "; there is nothing to check out: give"
                    + " gitProviderCheckout a repository and a ref.");
        }
        if (family(event.hostType()) != family(provider.type())) {
            throw new CheckoutException("The webhook event comes from " + event.hostType().displayName()
                    + " but provider " + Texts.quote(provider.name()) + " is " + provider.type().displayName()
                    + ": name the provider the event came from.");
        }
        RepositoryInfo info = event.repositoryInfo().orElseThrow(() -> new CheckoutException(
                "The webhook event names no repository: give gitProviderCheckout a repository."));
        ProviderAddress address = ProviderAddress.of(provider);
        String eventHost = info.host().toLowerCase(Locale.ROOT);
        if (!eventHost.equals(address.host())) {
            throw new CheckoutException("The webhook event's repository is on " + Texts.quote(eventHost)
                    + " but provider " + Texts.quote(provider.name()) + " is on " + Texts.quote(address.host())
                    + ": name the provider the event came from.");
        }
        RepositoryReference repo = RepositoryReference.parse(provider, info.fullPath());
        List<String> warnings = new ArrayList<>(repo.warnings());
        String commit = eventCommit(event);

        CheckoutTarget.Kind targetKind;
        String name;
        String localRef;
        String refspec;
        if (kind.isPullRequest()) {
            Integer number = event.pullRequestNumber();
            if (number == null || number < 1) {
                throw new CheckoutException("The pull request event carries no pull request number: give"
                        + " gitProviderCheckout a repository and a ref.");
            }
            targetKind = CheckoutTarget.Kind.PULL_REQUEST;
            name = "PR-" + number;
            localRef = Refspecs.pullRequestLocal(number);
            refspec = pullRequestRefspec(provider, number, event.sourceBranch(), warnings);
        } else if (kind.isTag()) {
            name = eventRefName(event, Refspecs.TAGS, "tag");
            targetKind = CheckoutTarget.Kind.TAG;
            localRef = Refspecs.TAGS + name;
            refspec = Refspecs.tag(name);
        } else {
            name = eventRefName(event, Refspecs.HEADS, "branch");
            targetKind = CheckoutTarget.Kind.BRANCH;
            localRef = Refspecs.remoteBranch(name);
            refspec = Refspecs.branch(name);
        }
        if (commit == null) {
            warnings.add("The webhook event carries no commit id; checking out " + name + " as it is now.");
        }
        CheckoutTarget target = new CheckoutTarget(targetKind, name, localRef, null, commit);
        return assemble(provider, repo, target, List.of(refspec), checkedDepth, warnings);
    }

    private static CheckoutPlan assemble(ProviderSpec provider, RepositoryReference repo, CheckoutTarget target,
                                         List<String> refspecs, @CheckForNull Integer depth, List<String> warnings) {
        ProviderAddress address = ProviderAddress.of(provider);
        boolean ssh = provider.sshCredentialsId() != null;
        String url = ssh
                ? CloneUrls.ssh(provider.type(), address, repo.segments())
                : CloneUrls.https(provider.type(), address, repo.segments());
        return new CheckoutPlan(provider.name(), provider.type(), repo.path(), url,
                ssh ? Transport.SSH : Transport.HTTPS, ssh ? provider.sshCredentialsId() : provider.credentialsId(),
                target, refspecs, depth, warnings);
    }

    /** Spells the refspec of a pull request in the host's layout. */
    private static String pullRequestRefspec(ProviderSpec provider, int number, @CheckForNull String sourceBranch,
                                             List<String> warnings) {
        String remote = PullRequestRefs.published(provider.type(), number).orElse(null);
        if (remote != null) {
            return Refspecs.pullRequest(remote, number);
        }
        if (sourceBranch == null || sourceBranch.isBlank()) {
            throw new CheckoutException("Bitbucket Cloud publishes no pull request refs, so PR-" + number
                    + " cannot be fetched by number: give its source branch as ref, or run the step in a build"
                    + " started by the pull request's webhook.");
        }
        String branch = sourceBranch.strip();
        String problem = RefNames.problem(branch).or(() -> RefNames.problem(Refspecs.HEADS + branch)).orElse(null);
        if (problem != null) {
            throw new CheckoutException("The source branch " + Texts.quote(branch) + " of PR-" + number
                    + " is not a valid Git ref: it " + problem + ".");
        }
        warnings.add("Bitbucket Cloud publishes no pull request refs: PR-" + number + " is checked out from its source"
                + " branch " + Texts.quote(branch) + ".");
        return Refspecs.pullRequest(Refspecs.HEADS + branch, number);
    }

    @CheckForNull
    private static String eventCommit(WebhookEvent event) {
        String given = event.headCommit() != null ? event.headCommit() : event.after();
        if (given == null) {
            return null;
        }
        String commit = given.strip().toLowerCase(Locale.ROOT);
        if (!FULL_COMMIT.matcher(commit).matches() || ZEROS.matcher(commit).matches()) {
            throw new CheckoutException("The webhook event's commit id " + Texts.quote(given) + " is not a full"
                    + " commit id: give gitProviderCheckout a repository and a ref.");
        }
        return commit;
    }

    private static String eventRefName(WebhookEvent event, String prefix, String what) {
        String ref = event.ref();
        if (ref == null) {
            throw new CheckoutException("The webhook event names no " + what + ": give gitProviderCheckout a"
                    + " repository and a ref.");
        }
        String name = ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
        if (name.startsWith("refs/")) {
            throw new CheckoutException("The webhook event's ref " + Texts.quote(ref) + " is not a " + what + ".");
        }
        String problem = RefNames.problem(name).or(() -> RefNames.problem(prefix + name)).orElse(null);
        if (problem != null) {
            throw new CheckoutException("The webhook event's " + what + " " + Texts.quote(name) + " is not a valid"
                    + " Git ref: it " + problem + ".");
        }
        return name;
    }

    /** Groups the cloud and self-hosted editions of one product, whose events look alike. */
    private static ProviderType family(ProviderType type) {
        if (type.isGitHub()) {
            return ProviderType.GITHUB;
        }
        if (type.isGitLab()) {
            return ProviderType.GITLAB;
        }
        return type;
    }

    @CheckForNull
    private static Integer checkDepth(@CheckForNull Integer depth) {
        if (depth != null && depth < 1) {
            throw new CheckoutException("depth must be a positive number of commits (1 fetches only the latest), or"
                    + " left out for the full history; got " + depth + ".");
        }
        return depth;
    }
}
