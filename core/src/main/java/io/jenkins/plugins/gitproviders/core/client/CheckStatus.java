package io.jenkins.plugins.gitproviders.core.client;

/**
 * Rates one check of a diagnosis.
 */
public enum CheckStatus {
    PASS,
    WARN,
    FAIL,
    /** Not run, because an earlier check failed (no point asking for scopes with a rejected token). */
    SKIPPED
}
