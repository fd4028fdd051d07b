package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Describable;
import io.jenkins.plugins.gitproviders.core.model.ItemPattern;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One named Git provider as configured in Manage Jenkins. Each host type is a subclass, so the type of a saved
 * provider never changes; the values are converted to the core's {@link ProviderSpec}, where every rule lives.
 * Holds credential IDs only: tokens and webhook secrets stay in Jenkins Credentials.
 */
public abstract class GitProvider implements Describable<GitProvider> {
    private final String name;

    @CheckForNull
    private String serverUrl;

    @CheckForNull
    private String apiUrl;

    @CheckForNull
    private String scope;

    @CheckForNull
    private String username;

    @CheckForNull
    private String email;

    @CheckForNull
    private String credentialsId;

    @CheckForNull
    private String sshCredentialsId;

    @CheckForNull
    private String webhookSecretCredentialsId;

    @CheckForNull
    private String previousWebhookSecretCredentialsId;

    private boolean active = true;

    /** Item full-name patterns, one per line; {@code null} or empty: every item may use the provider. */
    @CheckForNull
    private String allowedItems;

    private boolean allowOutsideScope;

    private boolean allowSha1Signatures;

    /** {@code null} means on: build status reporting is on unless an administrator turns it off. */
    @CheckForNull
    private Boolean statusReporting;

    @CheckForNull
    private String statusContextPrefix;

    @CheckForNull
    private List<RepositoryWebhookSecret> repositorySecrets;

    protected GitProvider(String name) {
        this.name = Util.fixNull(name).trim();
    }

    @NonNull
    public String getName() {
        return name;
    }

    @CheckForNull
    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(@CheckForNull String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    @CheckForNull
    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(@CheckForNull String apiUrl) {
        this.apiUrl = Util.fixEmptyAndTrim(apiUrl);
    }

    @CheckForNull
    public String getScope() {
        return scope;
    }

    @DataBoundSetter
    public void setScope(@CheckForNull String scope) {
        this.scope = Util.fixEmptyAndTrim(scope);
    }

    @CheckForNull
    public String getUsername() {
        return username;
    }

    @DataBoundSetter
    public void setUsername(@CheckForNull String username) {
        this.username = Util.fixEmptyAndTrim(username);
    }

    @CheckForNull
    public String getEmail() {
        return email;
    }

    @DataBoundSetter
    public void setEmail(@CheckForNull String email) {
        this.email = Util.fixEmptyAndTrim(email);
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @CheckForNull
    public String getSshCredentialsId() {
        return sshCredentialsId;
    }

    @DataBoundSetter
    public void setSshCredentialsId(@CheckForNull String sshCredentialsId) {
        this.sshCredentialsId = Util.fixEmptyAndTrim(sshCredentialsId);
    }

    @CheckForNull
    public String getWebhookSecretCredentialsId() {
        return webhookSecretCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookSecretCredentialsId(@CheckForNull String webhookSecretCredentialsId) {
        this.webhookSecretCredentialsId = Util.fixEmptyAndTrim(webhookSecretCredentialsId);
    }

    @CheckForNull
    public String getPreviousWebhookSecretCredentialsId() {
        return previousWebhookSecretCredentialsId;
    }

    /** A second valid webhook secret while the hosts are moved to a new one (rotation). */
    @DataBoundSetter
    public void setPreviousWebhookSecretCredentialsId(@CheckForNull String previousWebhookSecretCredentialsId) {
        this.previousWebhookSecretCredentialsId = Util.fixEmptyAndTrim(previousWebhookSecretCredentialsId);
    }

    public boolean isActive() {
        return active;
    }

    @DataBoundSetter
    public void setActive(boolean active) {
        this.active = active;
    }

    /** Returns the patterns of the jobs and folders that may use the provider, one per line; empty: every job. */
    @NonNull
    public String getAllowedItems() {
        return Util.fixNull(allowedItems);
    }

    @DataBoundSetter
    public void setAllowedItems(@CheckForNull String allowedItems) {
        this.allowedItems = Util.fixEmptyAndTrim(allowedItems);
    }

    public boolean isAllowOutsideScope() {
        return allowOutsideScope;
    }

    @DataBoundSetter
    public void setAllowOutsideScope(boolean allowOutsideScope) {
        this.allowOutsideScope = allowOutsideScope;
    }

    public boolean isAllowSha1Signatures() {
        return allowSha1Signatures;
    }

    @DataBoundSetter
    public void setAllowSha1Signatures(boolean allowSha1Signatures) {
        this.allowSha1Signatures = allowSha1Signatures;
    }

    public boolean isStatusReporting() {
        return !Boolean.FALSE.equals(statusReporting);
    }

    @DataBoundSetter
    public void setStatusReporting(boolean statusReporting) {
        this.statusReporting = statusReporting;
    }

    @CheckForNull
    public String getStatusContextPrefix() {
        return statusContextPrefix;
    }

    @DataBoundSetter
    public void setStatusContextPrefix(@CheckForNull String statusContextPrefix) {
        this.statusContextPrefix = Util.fixEmptyAndTrim(statusContextPrefix);
    }

    @NonNull
    public List<RepositoryWebhookSecret> getRepositorySecrets() {
        return repositorySecrets == null ? List.of() : List.copyOf(repositorySecrets);
    }

    @DataBoundSetter
    public void setRepositorySecrets(@CheckForNull List<RepositoryWebhookSecret> repositorySecrets) {
        this.repositorySecrets =
                repositorySecrets == null || repositorySecrets.isEmpty() ? null : new ArrayList<>(repositorySecrets);
    }

    /** Returns the host type, fixed by the subclass. */
    @NonNull
    public ProviderType getProviderType() {
        return getDescriptor().getProviderType();
    }

    /** Converts this configuration into the core's immutable specification. */
    @NonNull
    public ProviderSpec toSpec() {
        List<String> secrets = new ArrayList<>();
        if (webhookSecretCredentialsId != null) {
            secrets.add(webhookSecretCredentialsId);
        }
        if (previousWebhookSecretCredentialsId != null) {
            secrets.add(previousWebhookSecretCredentialsId);
        }
        return ProviderSpec.builder(name, getProviderType())
                .serverUrl(serverUrl)
                .apiUrl(apiUrl)
                .scope(scope)
                .username(username)
                .email(email)
                .credentialsId(credentialsId)
                .sshCredentialsId(sshCredentialsId)
                .webhookSecretCredentialsIds(secrets)
                .active(active)
                .allowedItems(ItemPattern.lines(allowedItems))
                .allowOutsideScope(allowOutsideScope)
                .allowSha1Signatures(allowSha1Signatures)
                .statusReporting(isStatusReporting())
                .statusContextPrefix(statusContextPrefix)
                .repositorySecrets(getRepositorySecrets().stream()
                        .map(RepositoryWebhookSecret::toCore)
                        .toList())
                .build();
    }

    @Override
    public GitProviderDescriptor getDescriptor() {
        return (GitProviderDescriptor) Describable.super.getDescriptor();
    }

    @Override
    public String toString() {
        return getProviderType().displayName() + " provider '" + name + "'";
    }
}
