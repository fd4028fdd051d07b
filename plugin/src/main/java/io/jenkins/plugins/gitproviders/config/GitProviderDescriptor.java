package io.jenkins.plugins.gitproviders.config;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.diagnostics.ConnectionDiagnostics;
import io.jenkins.plugins.gitproviders.core.model.ProviderField;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.ServerUrlPolicy;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Describes one provider type: its display name and defaults come from the core's {@link ProviderType}; its form
 * checks delegate to the core's validation, after checking Overall/Manage, and answer by POST only.
 */
public abstract class GitProviderDescriptor extends Descriptor<GitProvider> {
    private final ProviderType providerType;

    protected GitProviderDescriptor(@NonNull ProviderType providerType) {
        this.providerType = providerType;
    }

    @NonNull
    public ProviderType getProviderType() {
        return providerType;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return providerType.displayName();
    }

    /** Tells the view whether the server address is the administrator's to give (self-hosted or overridable). */
    public boolean isServerUrlEditable() {
        return providerType.serverUrlPolicy() != ServerUrlPolicy.FIXED;
    }

    /** Returns the cloud service's address shown beside a fixed server URL, or empty. */
    @NonNull
    public String getDefaultServerUrl() {
        return providerType.defaultServerUrl().orElse("");
    }

    /** Returns the label of the scope field for this type (organization, group, workspace, project key). */
    @NonNull
    public String getScopeLabel() {
        return providerType.scopeRule().label();
    }

    /** Returns the scope rule in words with an example, for the field's description. */
    @NonNull
    public String getScopeDescription() {
        return Messages.GitProviderDescriptor_ScopeDescription(
                providerType.scopeRule().rule(), providerType.scopeRule().example());
    }

    /** Tells the view whether this type uses the account email (Bitbucket Cloud API tokens). */
    public boolean isEmailUsed() {
        return providerType == ProviderType.BITBUCKET_CLOUD;
    }

    /** Returns the token scopes the plugin needs, for the credentials field's description. */
    @NonNull
    public String getRequiredScopes() {
        return String.join(", ", providerType.requiredTokenScopes().stream()
                .map(scope -> scope.name())
                .toList());
    }

    @POST
    public FormValidation doCheckName(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        // Uniqueness needs the whole list and is checked when the form is saved.
        return FieldValidation.check(ProviderField.NAME, draft(value, null, null, null, null, null), Set.of());
    }

    @POST
    public FormValidation doCheckServerUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(ProviderField.SERVER_URL, draft(null, value, null, null, null, null), Set.of());
    }

    @POST
    public FormValidation doCheckApiUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return FieldValidation.check(ProviderField.API_URL,
                draft(null, null, null, null, null, null).toBuilder().apiUrl(value).build(), Set.of());
    }

    @POST
    public FormValidation doCheckScope(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(ProviderField.SCOPE, draft(null, null, value, null, null, null), Set.of());
    }

    @POST
    public FormValidation doCheckUsername(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(ProviderField.USERNAME,
                draft(null, null, null, null, null, null).toBuilder().username(value).build(), Set.of());
    }

    @POST
    public FormValidation doCheckEmail(@QueryParameter String value, @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(ProviderField.EMAIL, draft(null, null, null, value, credentialsId, null), Set.of());
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String serverUrl) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) != null
                && ProviderCredentials.findSystem(value, effectiveServer(serverUrl)).isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_CredentialNotFound(value));
        }
        return FieldValidation.check(ProviderField.CREDENTIALS_ID,
                draft(null, serverUrl, null, null, value, null), Set.of());
    }

    @POST
    public FormValidation doCheckSshCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok(Messages.GitProviderDescriptor_CloneOverHttps());
        }
        Optional<StandardCredentials> found = ProviderCredentials.findSystem(value, null);
        if (found.isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_CredentialNotFound(value));
        }
        return FieldValidation.check(ProviderField.SSH_CREDENTIALS_ID,
                draft(null, null, null, null, null, value), Set.of());
    }

    @POST
    public FormValidation doCheckWebhookSecretCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.warning(Messages.GitProviderDescriptor_NoWebhookSecret());
        }
        if (ProviderCredentials.findSystem(value, null).isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_CredentialNotFound(value));
        }
        return FormValidation.ok();
    }

    /**
     * Diagnoses the values in the form, saved or not ("Test connection"): reach, token owner, scopes, expiry,
     * organization access and rate limit. Needs Overall/Manage before any request leaves Jenkins. A field this type
     * does not show is ignored, because the button would otherwise pick it up from a provider above in the list.
     */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String name,
            @QueryParameter String serverUrl,
            @QueryParameter String apiUrl,
            @QueryParameter String scope,
            @QueryParameter String username,
            @QueryParameter String email,
            @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        ProviderSpec spec = ProviderSpec.builder(Util.fixNull(name), providerType)
                .serverUrl(isServerUrlEditable() ? serverUrl : null)
                .apiUrl(apiUrl)
                .scope(scope)
                .username(username)
                .email(isEmailUsed() ? email : null)
                .credentialsId(credentialsId)
                .build();
        return ConnectionDiagnostics.testConnection(spec);
    }

    /** Checks the secret kept valid during a rotation: optional, but when given it must exist. */
    @POST
    public FormValidation doCheckPreviousWebhookSecretCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) != null && ProviderCredentials.findSystem(value, null).isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_CredentialNotFound(value));
        }
        return FormValidation.ok();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String serverUrl, @QueryParameter String credentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.MANAGE)) {
            return new ListBoxModel().add(Util.fixNull(credentialsId));
        }
        return ProviderCredentials.listSystem(
                ProviderCredentials.apiKinds(providerType), effectiveServer(serverUrl), credentialsId);
    }

    @POST
    public ListBoxModel doFillSshCredentialsIdItems(@QueryParameter String sshCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.MANAGE)) {
            return new ListBoxModel().add(Util.fixNull(sshCredentialsId));
        }
        return ProviderCredentials.listSystem(EnumSet.of(CredentialKind.SSH_PRIVATE_KEY), null, sshCredentialsId);
    }

    @POST
    public ListBoxModel doFillWebhookSecretCredentialsIdItems(@QueryParameter String webhookSecretCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.MANAGE)) {
            return new ListBoxModel().add(Util.fixNull(webhookSecretCredentialsId));
        }
        return ProviderCredentials.listSystem(EnumSet.of(CredentialKind.SECRET_TEXT), null, webhookSecretCredentialsId);
    }

    @POST
    public ListBoxModel doFillPreviousWebhookSecretCredentialsIdItems(
            @QueryParameter String previousWebhookSecretCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.MANAGE)) {
            return new ListBoxModel().add(Util.fixNull(previousWebhookSecretCredentialsId));
        }
        return ProviderCredentials.listSystem(
                EnumSet.of(CredentialKind.SECRET_TEXT), null, previousWebhookSecretCredentialsId);
    }

    @CheckForNull
    private String effectiveServer(@CheckForNull String serverUrl) {
        String given = Util.fixEmptyAndTrim(serverUrl);
        return given != null ? given : providerType.defaultServerUrl().orElse(null);
    }

    /**
     * A specification holding only the fields a form check looks at; the other fields get harmless placeholders so
     * that only the checked field's problems matter.
     */
    private ProviderSpec draft(
            @CheckForNull String name,
            @CheckForNull String serverUrl,
            @CheckForNull String scope,
            @CheckForNull String email,
            @CheckForNull String credentialsId,
            @CheckForNull String sshCredentialsId) {
        return ProviderSpec.builder(Util.fixNull(name), providerType)
                .serverUrl(serverUrl)
                .scope(scope)
                .email(email)
                .credentialsId(credentialsId)
                .sshCredentialsId(sshCredentialsId)
                .build();
    }
}
