package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the secret a host client authenticates with, as an opaque value: it never appears in {@link #toString()},
 * and callers obtain it only to put it into a request header.
 */
public final class ApiCredential {
    private final CredentialForm form;
    @CheckForNull
    private final String username;
    private final char[] secret;

    private ApiCredential(CredentialForm form, @CheckForNull String username, char[] secret) {
        this.form = form;
        this.username = username;
        this.secret = secret.clone();
    }

    /** A bare token (secret text credential). */
    public static ApiCredential token(char[] token) {
        return new ApiCredential(CredentialForm.TOKEN, null, Objects.requireNonNull(token, "token"));
    }

    /** A username with a password, token or app password. */
    public static ApiCredential usernamePassword(String username, char[] password) {
        return new ApiCredential(CredentialForm.USERNAME_PASSWORD, Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(password, "password"));
    }

    public CredentialForm form() {
        return form;
    }

    /** Returns the username of a username/password credential. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Returns the secret itself; use it only to build an authentication header. */
    public String secret() {
        return new String(secret);
    }

    /** Tells whether the secret is empty. */
    public boolean isEmpty() {
        return secret.length == 0;
    }

    @Override
    public String toString() {
        return "ApiCredential[" + form + (username == null ? "" : ", username=" + username) + ", secret=****]";
    }

    /** The shapes a credential comes in. */
    public enum CredentialForm {
        TOKEN,
        USERNAME_PASSWORD
    }
}
