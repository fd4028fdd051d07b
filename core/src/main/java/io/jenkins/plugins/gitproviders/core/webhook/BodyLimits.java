package io.jenkins.plugins.gitproviders.core.webhook;

/**
 * Caps each host's delivery bodies near what the host itself sends at most, so that a forged body costs Jenkins
 * little and a refusal by {@code Content-Length} needs no reading at all. Each cap is at or above the host's own
 * documented limit, with headroom, so no genuine delivery is refused; where a host documents none, the cap is a
 * generous estimate of its largest payload and stays below GitHub's 25 MiB.
 */
public final class BodyLimits {
    private static final long MIB = 1024L * 1024;

    /**
     * GitHub and GitHub Enterprise Server: "Payloads are capped at 25 MB" (docs.github.com, "Webhook events and
     * payloads", Payload cap); larger events are not delivered at all. Also the most any host gets.
     */
    public static final long GITHUB = 25 * MIB;
    /**
     * GitLab: webhook JSON larger than 25 MB is not sent (gitlab-org/gitlab merge request 38687, "Limit webhook
     * payload size to 25MB"); push payloads list at most 20 commits.
     */
    public static final long GITLAB = 25 * MIB;
    /**
     * Bitbucket Cloud: "Webhook payload is limited to 256 KB" (Atlassian support, "Troubleshoot webhooks";
     * BCLOUD-22312); four times that leaves room for a future raise.
     */
    public static final long BITBUCKET_CLOUD = MIB;
    /**
     * Bitbucket Data Center documents no limit. Its payloads list no commits: {@code repo:refs_changed} grows by about
     * 250 bytes per changed ref (10 MiB is some 40,000 refs in one push) and pull request payloads carry one
     * description.
     */
    public static final long BITBUCKET_DATA_CENTER = 10 * MIB;
    /**
     * Gitea, Forgejo and Gogs document no limit; their push payloads keep at most {@code [ui] FEED_MAX_COMMIT_NUM}
     * commits (5 by default), so they stay small.
     */
    public static final long GITEA = 10 * MIB;
    /**
     * Azure DevOps documents no limit for service hook payloads; they describe one push or one pull request, with
     * its ref updates and a few commits.
     */
    public static final long AZURE_DEVOPS = 10 * MIB;
    /** The largest cap of all, for requests whose host is not known. */
    public static final long MAX = GITHUB;

    private BodyLimits() {}

    /** Returns the most bytes a delivery in the format may carry. */
    public static long capFor(WebhookFormat format) {
        return switch (format) {
            case GITHUB -> GITHUB;
            case GITLAB -> GITLAB;
            case BITBUCKET_CLOUD -> BITBUCKET_CLOUD;
            case BITBUCKET_DATA_CENTER -> BITBUCKET_DATA_CENTER;
            case GITEA -> GITEA;
            case AZURE_DEVOPS -> AZURE_DEVOPS;
        };
    }
}
