package io.jenkins.plugins.gitproviders.core.model;

/**
 * Tells whether a provider type has a server URL of its own or needs the administrator to give one.
 */
public enum ServerUrlPolicy {
    /** A cloud service with one fixed address (GitHub.com, GitLab.com, Bitbucket Cloud). */
    FIXED,
    /** A default address that an administrator may replace (Azure DevOps Services versus Server). */
    DEFAULT_OVERRIDABLE,
    /** A self-hosted product: the administrator must give the address. */
    REQUIRED
}
