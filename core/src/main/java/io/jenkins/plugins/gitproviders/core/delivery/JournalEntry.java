package io.jenkins.plugins.gitproviders.core.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Holds one accepted delivery whose builds are not all in the queue yet: the jobs to schedule, each with its event.
 * Holds no secret and no body, only the normalised events.
 *
 * @param id         the journal's sequence number: increasing in the order of acceptance, also across restarts
 * @param acceptedAt when the delivery was accepted
 * @param provider   the name of the provider that accepted it
 * @param repository the repository concerned, when known
 * @param deliveryId the host's identifier of the delivery, when it sent one
 * @param dispatches the jobs still to schedule, each with the event that triggered it
 */
public record JournalEntry(
        long id,
        Instant acceptedAt,
        String provider,
        @CheckForNull RepositoryKey repository,
        @CheckForNull String deliveryId,
        List<WebhookResponse.Dispatch> dispatches) {
    public JournalEntry {
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(provider, "provider");
        dispatches = List.copyOf(dispatches);
    }

    /** Returns this entry without the dispatches of one job (it was scheduled). */
    JournalEntry without(String job) {
        return new JournalEntry(id, acceptedAt, provider, repository, deliveryId,
                dispatches.stream().filter(dispatch -> !dispatch.job().equals(job)).toList());
    }
}
