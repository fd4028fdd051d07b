package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import java.io.IOException;
import java.util.List;

/**
 * Takes the jobs an accepted delivery triggers before {@link WebhookHandler} answers it, so that they outlive the
 * answer: the plugin writes them to its delivery journal and hands them to its scheduler.
 *
 * <p>The handler calls the sink while it still holds the delivery's de-duplication tickets, and records the delivery
 * (and each change in it) as processed only once the sink returned. When the sink fails, the handler abandons the
 * tickets and answers 503 with {@code Retry-After}: the host's retry is then processed, not taken for a duplicate of
 * a delivery whose builds were never recorded.
 */
@FunctionalInterface
public interface DispatchSink {
    /** Keeps nothing: for the command-line tool and tests, where nothing is scheduled. */
    DispatchSink NONE = (provider, repository, deliveryId, dispatches) -> { };

    /**
     * Takes the dispatches of one accepted delivery.
     *
     * @param provider   the provider that accepted the delivery
     * @param repository the repository concerned
     * @param deliveryId the host's identifier of the delivery, when it sent one
     * @param dispatches the jobs to schedule, each with its event; never empty
     * @throws IOException when they cannot be kept (the journal is full, or the disk refused the write); the message
     *                     is shown to Jenkins administrators only, never sent to the host, and holds no secret
     */
    void accept(String provider, RepositoryKey repository, @CheckForNull String deliveryId,
            List<WebhookResponse.Dispatch> dispatches) throws IOException;
}
