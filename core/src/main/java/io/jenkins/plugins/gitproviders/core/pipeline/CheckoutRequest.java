package io.jenkins.plugins.gitproviders.core.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlanner;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;

/**
 * Holds what a {@code gitProviderCheckout} step asked for and decides what it means: which provider to resolve,
 * whether the build's webhook event is checked out, and the plan. Blank values count as not given.
 *
 * @param provider       the provider's name, or {@code null} for the default (or the webhook event's) provider
 * @param repository     the repository, or {@code null} to check out the build's webhook event
 * @param ref            the ref, or {@code null} for the default branch
 * @param depth          the number of commits to fetch, or {@code null} for the full history
 * @param timeoutMinutes the time limit of each git command in minutes, or {@code null} for the Git client's default
 */
public record CheckoutRequest(
        @CheckForNull String provider,
        @CheckForNull String repository,
        @CheckForNull String ref,
        @CheckForNull Integer depth,
        @CheckForNull Integer timeoutMinutes) {
    /** The longest time limit accepted: one day, far above any real fetch, to catch a unit mistake (seconds). */
    public static final int MAX_TIMEOUT_MINUTES = 24 * 60;

    public CheckoutRequest {
        provider = clean(provider);
        repository = clean(repository);
        ref = clean(ref);
    }

    /** Tells whether the step checks out the build's webhook event: it names no repository. */
    public boolean usesBuildEvent() {
        return repository == null;
    }

    /**
     * Returns the provider name to resolve: the step's, else, when the build's webhook event is checked out, the
     * provider that received it; an empty string asks the registry for the default provider.
     *
     * @param eventProviderName the name of the provider that received the build's webhook event, if there is one
     */
    public String providerToResolve(@CheckForNull String eventProviderName) {
        if (provider != null) {
            return provider;
        }
        String fromEvent = clean(eventProviderName);
        return usesBuildEvent() && fromEvent != null ? fromEvent : "";
    }

    /**
     * Checks the values that need no provider, so that a mistake is reported before anything is looked up.
     *
     * @throws CheckoutException for a timeout out of range
     */
    public void check() {
        if (timeoutMinutes != null && (timeoutMinutes < 1 || timeoutMinutes > MAX_TIMEOUT_MINUTES)) {
            throw new CheckoutException("timeout must be a number of minutes from 1 to " + MAX_TIMEOUT_MINUTES
                    + ", or left out for the Git client's default; got " + timeoutMinutes + ".");
        }
    }

    /**
     * Plans the checkout: of the repository when one is given, else of the build's webhook event.
     *
     * @param event the webhook event that started the build, or {@code null} if none did
     * @throws CheckoutException when an input is refused, a ref is given without a repository, or no repository is
     *                           given outside a build started by a webhook
     */
    public CheckoutPlan plan(CheckoutPlanner planner, ProviderSpec resolved, @CheckForNull WebhookEvent event) {
        check();
        if (!usesBuildEvent() || event == null) {
            // Without a repository and without an event, the planner explains what to give.
            return planner.plan(resolved, repository, ref, depth);
        }
        if (ref != null) {
            throw new CheckoutException("ref '" + ref + "' is given without a repository: give the repository too,"
                    + " or leave ref out to check out the commit of the webhook event that started this build.");
        }
        return planner.planForEvent(resolved, event, depth);
    }

    @CheckForNull
    private static String clean(@CheckForNull String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
