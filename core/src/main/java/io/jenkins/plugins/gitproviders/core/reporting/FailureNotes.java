package io.jenkins.plugins.gitproviders.core.reporting;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;

/**
 * Words the failures of reporting that no host answered, and decides when two failures are the same note: a build's
 * log says each note once, however many of its statuses fail the same way (the pending and the final state with a
 * rejected token, say).
 */
public final class FailureNotes {
    private FailureNotes() {}

    /** Returns the key under which a build says a failure once: the provider, what happened and the fix. */
    public static String key(String provider, StatusFailure failure) {
        return ProviderSpec.nameKey(provider) + "\n" + failure.kind() + "\n" + failure.message() + "\n"
                + failure.fix();
    }

    /** Describes a provider whose API credential cannot be resolved; nothing was sent. */
    public static StatusFailure missingCredential(ProviderSpec provider, StatusTarget target) {
        String where = target.repositoryPath() + "@" + target.commit().substring(0, Math.min(12,
                target.commit().length()));
        if (provider.credentialsId() == null) {
            return new StatusFailure(StatusFailure.Kind.UNAUTHORIZED, 0, "Build status for " + where
                    + " not reported to " + provider.type().displayName() + ": provider '" + provider.name()
                    + "' has no API credential.", "Choose the provider's API credentials in Manage Jenkins > Git"
                    + " Providers, or clear its Report build status.", null);
        }
        return new StatusFailure(StatusFailure.Kind.UNAUTHORIZED, 0, "Build status for " + where
                + " not reported to " + provider.type().displayName() + ": Jenkins has no usable credential with the"
                + " ID '" + provider.credentialsId() + "' of provider '" + provider.name() + "'.", "Open Manage"
                + " Jenkins > Credentials and check the credential '" + provider.credentialsId() + "' (it must be"
                + " a secret text or username with password credential, in the system or global scope, with a"
                + " domain that matches the API address), or choose another one.", null);
    }
}
