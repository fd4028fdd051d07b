package io.jenkins.plugins.gitproviders.core.checkout;

/**
 * Spells the refspecs of a plan. Branches land in {@code refs/remotes/origin/}, tags in {@code refs/tags/}, pull
 * requests in {@code refs/remotes/origin/PR-<n>} whatever the host calls them.
 */
final class Refspecs {
    static final String HEADS = "refs/heads/";
    static final String TAGS = "refs/tags/";
    static final String REMOTES = "refs/remotes/origin/";

    private Refspecs() {}

    static String branch(String name) {
        return "+" + HEADS + name + ":" + remoteBranch(name);
    }

    static String remoteBranch(String name) {
        return REMOTES + name;
    }

    static String tag(String name) {
        return "+" + TAGS + name + ":" + TAGS + name;
    }

    static String pullRequestLocal(int number) {
        return REMOTES + "PR-" + number;
    }

    static String pullRequest(String remoteRef, int number) {
        return "+" + remoteRef + ":" + pullRequestLocal(number);
    }
}
