package io.jenkins.plugins.gitproviders.core.model;

/**
 * Describes the kinds of Jenkins credentials a provider can use, independent of the Credentials plugin's classes.
 */
public enum CredentialKind {
    /** A token held as secret text (personal access token, HTTP access token, API token). */
    SECRET_TEXT,
    /** A username with a password, token or app password. */
    USERNAME_PASSWORD,
    /** An SSH private key, used only for cloning over SSH. */
    SSH_PRIVATE_KEY
}
