package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells whether a provider's token needs the administrator now, from its last diagnosis: the token has expired,
 * expires within {@link ExpiryRule#WARNING_PERIOD}, or the host rejected it. The expiry date is rated against the
 * clock at the time of asking, not at the time of the diagnosis, so a daily check warns on the right day. An
 * unreachable host or a missing scope is not a token emergency and is left to the provider's page.
 *
 * @param providerName the provider concerned
 * @param reason       why it needs attention
 * @param message      what is wrong, for people; never a secret
 * @param fix          what to do about it
 */
public record TokenAttention(String providerName, Reason reason, String message, String fix) {
    /** Why a token needs attention, most urgent first. */
    public enum Reason {
        /** The expiry date has passed. */
        EXPIRED,
        /** The host rejected the token, or no usable credential is configured. */
        AUTHENTICATION_FAILED,
        /** The token expires within the warning period. */
        EXPIRES_SOON
    }

    public TokenAttention {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * Rates a provider's last diagnosis now.
     *
     * @param provider  the provider as it was diagnosed (its type names the host in messages)
     * @param diagnosis its last diagnosis
     * @param clock     the clock the expiry date is compared with
     * @return what needs attention, or empty when the token is fine as far as is known
     */
    public static Optional<TokenAttention> of(ProviderSpec provider, Diagnosis diagnosis, Clock clock) {
        String name = diagnosis.providerName();
        String host = provider.type().displayName();
        Optional<Instant> expiry = diagnosis.expiry();
        if (expiry.isPresent() && !expiry.get().isAfter(clock.instant())) {
            Check rated = ExpiryRule.evaluate(expiry.get(), false, host, clock);
            return Optional.of(new TokenAttention(name, Reason.EXPIRED, rated.message(), fixOf(rated, host)));
        }
        Optional<Check> authentication = diagnosis.check(CheckId.AUTHENTICATION)
                .filter(check -> check.status() == CheckStatus.FAIL);
        if (authentication.isPresent()) {
            return Optional.of(new TokenAttention(name, Reason.AUTHENTICATION_FAILED, authentication.get().message(),
                    fixOf(authentication.get(), host)));
        }
        if (expiry.isPresent() && ExpiryRule.needsAttention(expiry.get(), clock)) {
            Check rated = ExpiryRule.evaluate(expiry.get(), false, host, clock);
            return Optional.of(new TokenAttention(name, Reason.EXPIRES_SOON, rated.message(), fixOf(rated, host)));
        }
        return Optional.empty();
    }

    private static String fixOf(Check check, String host) {
        return check.fixValue().orElse("Create a new token in " + host + " and update the provider's credential.");
    }
}
