package io.jenkins.plugins.gitproviders.core.status;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;

/**
 * Spells a {@link BuildState} the way each host's status API takes it. Hosts without an "aborted" state get the
 * nearest one that does not pass a merge check ({@code error} on GitHub, Azure DevOps and Gitea, which have no
 * cancelled state for commit statuses); running builds are pending where the host has no running state.
 */
public final class HostStates {
    private HostStates() {}

    /**
     * Returns the host's spelling of the state.
     *
     * <ul>
     *   <li>GitHub / GHE {@code state}: error, failure, pending, success (REST "Create a commit status").</li>
     *   <li>GitLab {@code state}: pending, running, success, failed, canceled (skipped is not used).</li>
     *   <li>Bitbucket Cloud {@code state}: INPROGRESS, SUCCESSFUL, FAILED, STOPPED.</li>
     *   <li>Bitbucket Data Center builds resource {@code state}: INPROGRESS, SUCCESSFUL, FAILED, CANCELLED (and
     *       UNKNOWN, not used); see {@link #legacyBitbucketDataCenter} for the old build-status resource.</li>
     *   <li>Azure DevOps {@code GitStatusState}: pending, succeeded, failed, error (notSet, notApplicable,
     *       partiallySucceeded are not used).</li>
     *   <li>Gitea / Forgejo {@code state}: pending, success, error, failure (warning is not used).</li>
     * </ul>
     */
    public static String of(ProviderType type, BuildState state) {
        return switch (type) {
            case GITHUB, GITHUB_ENTERPRISE, GITEA -> switch (state) {
                case PENDING, RUNNING -> "pending";
                case SUCCESS -> "success";
                case FAILURE -> "failure";
                case ABORTED, ERROR -> "error";
            };
            case GITLAB, GITLAB_SELF_MANAGED -> switch (state) {
                case PENDING -> "pending";
                case RUNNING -> "running";
                case SUCCESS -> "success";
                case FAILURE, ERROR -> "failed";
                case ABORTED -> "canceled";
            };
            case BITBUCKET_CLOUD -> switch (state) {
                case PENDING, RUNNING -> "INPROGRESS";
                case SUCCESS -> "SUCCESSFUL";
                case FAILURE, ERROR -> "FAILED";
                case ABORTED -> "STOPPED";
            };
            case BITBUCKET_DATA_CENTER -> switch (state) {
                case PENDING, RUNNING -> "INPROGRESS";
                case SUCCESS -> "SUCCESSFUL";
                case FAILURE, ERROR -> "FAILED";
                case ABORTED -> "CANCELLED";
            };
            case AZURE_DEVOPS -> switch (state) {
                case PENDING, RUNNING -> "pending";
                case SUCCESS -> "succeeded";
                case FAILURE -> "failed";
                case ABORTED, ERROR -> "error";
            };
        };
    }

    /**
     * Spells the state for Bitbucket's old {@code /rest/build-status/1.0} resource, which knows only INPROGRESS,
     * SUCCESSFUL and FAILED: an aborted build is reported as failed.
     */
    public static String legacyBitbucketDataCenter(BuildState state) {
        return switch (state) {
            case PENDING, RUNNING -> "INPROGRESS";
            case SUCCESS -> "SUCCESSFUL";
            case FAILURE, ABORTED, ERROR -> "FAILED";
        };
    }
}
