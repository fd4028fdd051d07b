package io.jenkins.plugins.gitproviders.core.client;

/**
 * Names the checks of a diagnosis, in the order they run.
 */
public enum CheckId {
    REACHABILITY("Reachability"),
    AUTHENTICATION("Authentication"),
    SCOPES("Token scopes"),
    EXPIRY("Token expiry"),
    SCOPE_ACCESS("Organization access"),
    RATE_LIMIT("Rate limit");

    private final String title;

    CheckId(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
