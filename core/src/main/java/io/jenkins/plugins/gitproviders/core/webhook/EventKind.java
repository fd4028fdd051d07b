package io.jenkins.plugins.gitproviders.core.webhook;

/**
 * Classifies a normalised webhook event.
 */
public enum EventKind {
    BRANCH_PUSH,
    BRANCH_CREATED,
    BRANCH_DELETED,
    TAG_PUSH,
    TAG_DELETED,
    PULL_REQUEST_OPENED,
    PULL_REQUEST_UPDATED,
    PULL_REQUEST_MERGED,
    PULL_REQUEST_CLOSED,
    PING;

    /** Tells whether the event concerns a pull or merge request. */
    public boolean isPullRequest() {
        return name().startsWith("PULL_REQUEST_");
    }

    /** Tells whether the event concerns a tag. */
    public boolean isTag() {
        return this == TAG_PUSH || this == TAG_DELETED;
    }

    /** Tells whether the event concerns a branch (push, creation, deletion). */
    public boolean isBranch() {
        return this == BRANCH_PUSH || this == BRANCH_CREATED || this == BRANCH_DELETED;
    }
}
