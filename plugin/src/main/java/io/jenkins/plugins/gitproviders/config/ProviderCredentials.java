package io.jenkins.plugins.gitproviders.config;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.core.access.CredentialDestination;
import io.jenkins.plugins.gitproviders.core.access.CredentialDestinations;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Lists and resolves a provider's credentials in the controller's context as SYSTEM, following the Credentials
 * consumer guide. Used for controller-side work only (forms, connection tests, webhook secrets); builds resolve
 * their clone credentials against the Run instead, so that SYSTEM-scoped credentials never reach a build.
 */
public final class ProviderCredentials {
    private ProviderCredentials() {}

    /** The Credentials plugin type that holds a credential of the given kind. */
    static Class<? extends StandardCredentials> classOf(CredentialKind kind) {
        return switch (kind) {
            case SECRET_TEXT -> StringCredentials.class;
            case USERNAME_PASSWORD -> StandardUsernamePasswordCredentials.class;
            case SSH_PRIVATE_KEY -> SSHUserPrivateKey.class;
        };
    }

    /** Tells which kind a credential is, if it is one the plugin knows. */
    public static Optional<CredentialKind> kindOf(@CheckForNull StandardCredentials credentials) {
        if (credentials instanceof StringCredentials) {
            return Optional.of(CredentialKind.SECRET_TEXT);
        }
        if (credentials instanceof StandardUsernamePasswordCredentials) {
            return Optional.of(CredentialKind.USERNAME_PASSWORD);
        }
        if (credentials instanceof SSHUserPrivateKey) {
            return Optional.of(CredentialKind.SSH_PRIVATE_KEY);
        }
        return Optional.empty();
    }

    /**
     * Fills a drop-down with the credentials of the given kinds whose domain matches every address they would be sent
     * to; callers have checked Overall/Administer.
     *
     * @param destinations the addresses the chosen credential goes to (none: a webhook secret, which goes nowhere)
     */
    static ListBoxModel listSystem(Set<CredentialKind> kinds, List<String> destinations, @CheckForNull String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        List<DomainRequirement> requirements = requirements(destinations);
        for (CredentialKind kind : kinds) {
            model.includeMatchingAs(
                    ACL.SYSTEM2, Jenkins.get(), classOf(kind), requirements, CredentialsMatchers.always());
        }
        if (current != null && !current.isBlank()) {
            model.includeCurrentValue(current);
        }
        return model;
    }

    /**
     * Looks a credential up by ID in the controller's context as SYSTEM, if its domain matches every address given.
     *
     * @param destinations the addresses the credential would be sent to; none for a credential sent nowhere
     */
    public static Optional<StandardCredentials> findSystem(@CheckForNull String id, List<String> destinations) {
        if (Util.fixEmptyAndTrim(id) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(CredentialsProvider.findCredentialByIdInItemGroup(
                id.trim(), StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirements(destinations)));
    }

    /** Returns the addresses a provider sends the credential with this ID to (the core decides them). */
    public static List<String> destinations(@NonNull ProviderSpec spec, @CheckForNull String credentialsId) {
        return credentialsId == null
                ? List.of()
                : CredentialDestinations.of(spec, credentialsId.trim()).stream()
                        .map(CredentialDestination::url)
                        .toList();
    }

    /**
     * Turns the provider's API credential into the core's opaque form, or empty when it is missing or unusable. The
     * credential's domain must match the addresses the token goes to, the API address first.
     */
    public static Optional<ApiCredential> apiCredential(@NonNull ProviderSpec spec) {
        return findSystem(spec.credentialsId(), destinations(spec, spec.credentialsId()))
                .flatMap(ProviderCredentials::toApi);
    }

    /** Converts a secret text or username/password credential; other kinds are not API credentials. */
    static Optional<ApiCredential> toApi(StandardCredentials credentials) {
        if (credentials instanceof StringCredentials text) {
            return Optional.of(
                    ApiCredential.token(text.getSecret().getPlainText().toCharArray()));
        }
        if (credentials instanceof StandardUsernamePasswordCredentials user) {
            return Optional.of(ApiCredential.usernamePassword(
                    user.getUsername(), user.getPassword().getPlainText().toCharArray()));
        }
        return Optional.empty();
    }

    /** Returns the webhook secrets currently valid for a provider (the current one and, during rotation, the previous). */
    public static List<byte[]> webhookSecrets(@NonNull ProviderSpec spec) {
        List<byte[]> secrets = new ArrayList<>();
        for (String id : spec.webhookSecretCredentialsIds()) {
            findSystem(id, List.of())
                    .filter(StringCredentials.class::isInstance)
                    .map(StringCredentials.class::cast)
                    .map(text -> text.getSecret().getPlainText())
                    .filter(secret -> !secret.isEmpty())
                    .ifPresent(secret -> secrets.add(secret.getBytes(StandardCharsets.UTF_8)));
        }
        return secrets;
    }

    /** Requirements that a credential's domain must meet for each of the addresses (all of them). */
    private static List<DomainRequirement> requirements(List<String> destinations) {
        List<DomainRequirement> requirements = new ArrayList<>();
        for (String url : destinations) {
            requirements.addAll(URIRequirementBuilder.fromUri(url).build());
        }
        return requirements;
    }

    /** The kinds accepted for API access by a type, as the drop-down offers them. */
    static Set<CredentialKind> apiKinds(ProviderType type) {
        return type.apiCredentialKinds();
    }
}
