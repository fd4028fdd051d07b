package io.jenkins.plugins.gitproviders.config;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.ItemPattern;
import io.jenkins.plugins.gitproviders.core.model.ProviderField;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.ServerUrlPolicy;
import io.jenkins.plugins.gitproviders.diagnostics.ConnectionDiagnostics;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Describes one provider type: its display name and defaults come from the core's {@link ProviderType}; its form
 * checks delegate to the core's validation and answer by POST only. Overall/Manage configures providers; choosing,
 * listing or looking up credentials and testing unsaved values needs Overall/Administer, because they decide where a
 * token is sent.
 */
public abstract class GitProviderDescriptor extends Descriptor<GitProvider> {
    /** Stands for the credential being chosen, to ask the core where it would be sent. */
    private static final String CHOSEN = "chosen";

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
        return String.join(
                ", ",
                providerType.requiredTokenScopes().stream()
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
        return FieldValidation.check(
                ProviderField.API_URL,
                draft(null, null, null, null, null, null).toBuilder()
                        .apiUrl(value)
                        .build(),
                Set.of());
    }

    @POST
    public FormValidation doCheckScope(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(ProviderField.SCOPE, draft(null, null, value, null, null, null), Set.of());
    }

    @POST
    public FormValidation doCheckUsername(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(
                ProviderField.USERNAME,
                draft(null, null, null, null, null, null).toBuilder()
                        .username(value)
                        .build(),
                Set.of());
    }

    @POST
    public FormValidation doCheckEmail(@QueryParameter String value, @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(
                ProviderField.EMAIL, draft(null, null, null, value, credentialsId, null), Set.of());
    }

    /**
     * Checks the API credential: that it exists for the addresses its token would go to. Only administrators choose
     * credentials (a credential paired with an address decides where a token goes), so for anyone else nothing is
     * looked up and nothing is told.
     */
    @POST
    public FormValidation doCheckCredentialsId(
            @QueryParameter String value,
            @QueryParameter String serverUrl,
            @QueryParameter String apiUrl,
            @QueryParameter String sshCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        ProviderSpec draft = draft(null, serverUrl, null, null, value, sshCredentialsId).toBuilder()
                .apiUrl(apiUrl)
                .build();
        if (Util.fixEmptyAndTrim(value) != null
                && ProviderCredentials.findSystem(value, ProviderCredentials.destinations(draft, value))
                        .isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_CredentialNotFound(value));
        }
        return FieldValidation.check(ProviderField.CREDENTIALS_ID, draft, Set.of());
    }

    @POST
    public FormValidation doCheckSshCredentialsId(@QueryParameter String value, @QueryParameter String serverUrl) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok(Messages.GitProviderDescriptor_CloneOverHttps());
        }
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        ProviderSpec draft = draft(null, serverUrl, null, null, null, value);
        Optional<StandardCredentials> found =
                ProviderCredentials.findSystem(value, ProviderCredentials.destinations(draft, value));
        if (found.isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_CredentialNotFound(value));
        }
        return FieldValidation.check(ProviderField.SSH_CREDENTIALS_ID, draft, Set.of());
    }

    @POST
    public FormValidation doCheckWebhookSecretCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.warning(Messages.GitProviderDescriptor_NoWebhookSecret());
        }
        return secretExists(value);
    }

    /**
     * Diagnoses a provider ("Test connection"): reach, token owner, scopes, expiry, organization access and rate
     * limit. An administrator tests the values in the form, saved or not. Anyone else with Overall/Manage tests the
     * saved provider of that name only: sending a credential to an address typed into a form is an administrator's
     * decision. A field this type does not show is ignored, because the button would otherwise pick it up from a
     * provider above in the list.
     */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String name,
            @QueryParameter String serverUrl,
            @QueryParameter String apiUrl,
            @QueryParameter String scope,
            @QueryParameter String username,
            @QueryParameter String email,
            @QueryParameter String credentialsId,
            @QueryParameter String statusReporting) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return testSaved(name);
        }
        ProviderSpec spec = ProviderSpec.builder(Util.fixNull(name), providerType)
                .serverUrl(isServerUrlEditable() ? serverUrl : null)
                .apiUrl(apiUrl)
                .scope(scope)
                .username(username)
                .email(isEmailUsed() ? email : null)
                .credentialsId(credentialsId)
                .statusReporting(!"false".equals(statusReporting))
                .build();
        return ConnectionDiagnostics.testConnection(spec);
    }

    private FormValidation testSaved(@CheckForNull String name) {
        Optional<ProviderSpec> saved = GitProvidersConfiguration.get()
                .findProvider(name)
                .map(GitProvider::toSpec)
                .filter(spec -> spec.type() == providerType);
        if (saved.isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_TestSavedOnly(Util.fixNull(name)));
        }
        return FormValidation.aggregate(List.of(
                FormValidation.ok(
                        Messages.GitProviderDescriptor_TestedSaved(saved.get().name())),
                ConnectionDiagnostics.testConnection(saved.get())));
    }

    /** Checks the secret kept valid during a rotation: optional, but when given it must exist. */
    @POST
    public FormValidation doCheckPreviousWebhookSecretCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return secretExists(value);
    }

    /** Checks the item patterns of the jobs and folders allowed to use the provider. */
    @POST
    public FormValidation doCheckAllowedItems(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.MANAGE);
        return FieldValidation.check(
                ProviderField.ALLOWED_ITEMS,
                draft(null, null, null, null, null, null).toBuilder()
                        .allowedItems(ItemPattern.lines(value))
                        .build(),
                Set.of());
    }

    private static FormValidation secretExists(String id) {
        if (Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                && ProviderCredentials.findSystem(id, List.of()).isEmpty()) {
            return FormValidation.error(Messages.GitProviderDescriptor_CredentialNotFound(id));
        }
        return FormValidation.ok();
    }

    /**
     * Lists the API credentials whose domain matches every address the token would be sent to. Listing credentials
     * needs Overall/Administer; anyone else sees the current value only, as the Credentials consumer guide says.
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(
            @QueryParameter String serverUrl,
            @QueryParameter String apiUrl,
            @QueryParameter String sshCredentialsId,
            @QueryParameter String credentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel().add(Util.fixNull(credentialsId));
        }
        ProviderSpec draft = draft(null, serverUrl, null, null, CHOSEN, sshCredentialsId).toBuilder()
                .apiUrl(apiUrl)
                .build();
        return ProviderCredentials.listSystem(
                ProviderCredentials.apiKinds(providerType),
                ProviderCredentials.destinations(draft, CHOSEN),
                credentialsId);
    }

    @POST
    public ListBoxModel doFillSshCredentialsIdItems(
            @QueryParameter String serverUrl, @QueryParameter String sshCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel().add(Util.fixNull(sshCredentialsId));
        }
        ProviderSpec draft = draft(null, serverUrl, null, null, null, CHOSEN);
        return ProviderCredentials.listSystem(
                EnumSet.of(CredentialKind.SSH_PRIVATE_KEY),
                ProviderCredentials.destinations(draft, CHOSEN),
                sshCredentialsId);
    }

    @POST
    public ListBoxModel doFillWebhookSecretCredentialsIdItems(@QueryParameter String webhookSecretCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel().add(Util.fixNull(webhookSecretCredentialsId));
        }
        return ProviderCredentials.listSystem(
                EnumSet.of(CredentialKind.SECRET_TEXT), List.of(), webhookSecretCredentialsId);
    }

    @POST
    public ListBoxModel doFillPreviousWebhookSecretCredentialsIdItems(
            @QueryParameter String previousWebhookSecretCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel().add(Util.fixNull(previousWebhookSecretCredentialsId));
        }
        return ProviderCredentials.listSystem(
                EnumSet.of(CredentialKind.SECRET_TEXT), List.of(), previousWebhookSecretCredentialsId);
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
