package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Cause;
import io.jenkins.plugins.gitproviders.core.delivery.CatchUp;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.Objects;

/**
 * Says that a webhook delivery started the build: the provider, what happened where, who did it and the commit; or
 * that catching up after a gap in deliveries found the change, in its own words.
 * Holds plain strings only, so it is stored with the build as it is and reads the same after an upgrade.
 */
public final class GitProviderCause extends Cause {
    private final String provider;
    private final String event;
    private final String what;
    private final String where;

    @CheckForNull
    private final String sender;

    @CheckForNull
    private final String commit;

    /** What catching up found, when no delivery but a catch-up after a gap started the build; else {@code null}. */
    @CheckForNull
    private final String catchUp;

    GitProviderCause(
            String provider,
            String event,
            String what,
            String where,
            @CheckForNull String sender,
            @CheckForNull String commit,
            @CheckForNull String catchUp) {
        this.provider = provider;
        this.event = event;
        this.what = what;
        this.where = where;
        this.sender = sender;
        this.commit = commit;
        this.catchUp = catchUp;
    }

    /** Describes a build started by the event, received through the named provider or found by catching up. */
    static GitProviderCause of(String provider, WebhookEvent event) {
        return new GitProviderCause(
                provider,
                event.kind().name(),
                EventEnvironment.describe(event.kind()),
                EventEnvironment.where(event),
                event.sender(),
                EventEnvironment.commit(event).orElse(null),
                CatchUp.causeOf(event).orElse(null));
    }

    /** Returns the name of the provider that received the delivery. */
    @NonNull
    public String getProvider() {
        return provider;
    }

    /** Returns the event kind's name ({@code BRANCH_PUSH}...). */
    @NonNull
    public String getEvent() {
        return event;
    }

    /** Returns the repository with the branch, tag or pull request number. */
    @NonNull
    public String getWhere() {
        return where;
    }

    /** Returns the account that caused the event, when the host told. */
    @CheckForNull
    public String getSender() {
        return sender;
    }

    /** Returns the commit built, when there is one. */
    @CheckForNull
    public String getCommit() {
        return commit;
    }

    /** Tells whether catching up after a gap in deliveries started the build, rather than a delivery. */
    public boolean isCatchUp() {
        return catchUp != null;
    }

    @Override
    public String getShortDescription() {
        if (catchUp != null) {
            return Messages.GitProviderCause_CatchUp(provider, catchUp);
        }
        String by = sender == null ? Messages.GitProviderCause_UnknownSender() : sender;
        return commit == null
                ? Messages.GitProviderCause_ShortDescription(provider, what, where, by)
                : Messages.GitProviderCause_ShortDescriptionWithCommit(
                        provider, what, where, by, EventEnvironment.shortCommit(commit));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitProviderCause other
                && provider.equals(other.provider)
                && event.equals(other.event)
                && where.equals(other.where)
                && Objects.equals(sender, other.sender)
                && Objects.equals(commit, other.commit)
                && Objects.equals(catchUp, other.catchUp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, event, where, sender, commit, catchUp);
    }
}
