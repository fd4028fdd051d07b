package io.jenkins.plugins.gitproviders.core.model;

import java.util.List;

/**
 * Names the fields of a provider as the plugin's forms and configuration as code spell them, so that a problem found
 * here can be shown beside the field it belongs to.
 */
public final class ProviderField {
    /** The provider's unique name. */
    public static final String NAME = "name";
    /** The host type; fixed once a provider exists. */
    public static final String TYPE = "type";
    /** The web address of the host. */
    public static final String SERVER_URL = "serverUrl";
    /** The override of the derived REST API address. */
    public static final String API_URL = "apiUrl";
    /** The organization, group, workspace or project. */
    public static final String SCOPE = "scope";
    /** The account name used beside the token (Bitbucket Cloud: the clone user). */
    public static final String USERNAME = "username";
    /** The Atlassian account email (Bitbucket Cloud API tokens). */
    public static final String EMAIL = "email";
    /** The ID of the API credential. */
    public static final String CREDENTIALS_ID = "credentialsId";
    /** The ID of the SSH private key used for cloning. */
    public static final String SSH_CREDENTIALS_ID = "sshCredentialsId";
    /** The IDs of the webhook secret credentials. */
    public static final String WEBHOOK_SECRET_CREDENTIALS_IDS = "webhookSecretCredentialsIds";
    /** Whether the provider may be used. */
    public static final String ACTIVE = "active";
    /** The item full-name patterns of the jobs and folders that may use the provider. */
    public static final String ALLOWED_ITEMS = "allowedItems";
    /** Whether repositories outside the scope may be used. */
    public static final String ALLOW_OUTSIDE_SCOPE = "allowOutsideScope";
    /** Whether SHA-1 webhook signatures are accepted. */
    public static final String ALLOW_SHA1_SIGNATURES = "allowSha1Signatures";
    /** Whether builds report their status to the host. */
    public static final String STATUS_REPORTING = "statusReporting";
    /** The prefix of the build status context. */
    public static final String STATUS_CONTEXT_PREFIX = "statusContextPrefix";
    /** The webhook secrets of particular repositories or namespaces. */
    public static final String REPOSITORY_SECRETS = "repositorySecrets";
    /** The registry-level choice of the default provider, not a field of one provider. */
    public static final String DEFAULT_PROVIDER = "defaultProvider";

    /** Lists the fields of one provider specification, in form order. */
    public static final List<String> SPEC_FIELDS = List.of(NAME, TYPE, SERVER_URL, API_URL, SCOPE, USERNAME, EMAIL,
            CREDENTIALS_ID, SSH_CREDENTIALS_ID, WEBHOOK_SECRET_CREDENTIALS_IDS, ACTIVE, ALLOWED_ITEMS, ALLOW_OUTSIDE_SCOPE,
            ALLOW_SHA1_SIGNATURES, STATUS_REPORTING, STATUS_CONTEXT_PREFIX, REPOSITORY_SECRETS);

    private ProviderField() {}

    /** Returns the label a person sees for the field, for messages that are shown away from the form. */
    public static String label(String field) {
        return switch (field) {
            case NAME -> "Name";
            case TYPE -> "Type";
            case SERVER_URL -> "Server URL";
            case API_URL -> "API URL";
            case SCOPE -> "Scope";
            case USERNAME -> "Username";
            case EMAIL -> "Email";
            case CREDENTIALS_ID -> "API credentials";
            case SSH_CREDENTIALS_ID -> "SSH credentials";
            case WEBHOOK_SECRET_CREDENTIALS_IDS -> "Webhook secrets";
            case ACTIVE -> "Active";
            case ALLOWED_ITEMS -> "Allowed jobs and folders";
            case ALLOW_OUTSIDE_SCOPE -> "Allow repositories outside the scope";
            case ALLOW_SHA1_SIGNATURES -> "Accept SHA-1 webhook signatures";
            case STATUS_REPORTING -> "Report build status";
            case STATUS_CONTEXT_PREFIX -> "Status context prefix";
            case REPOSITORY_SECRETS -> "Repository webhook secrets";
            case DEFAULT_PROVIDER -> "Default provider";
            default -> field;
        };
    }
}
