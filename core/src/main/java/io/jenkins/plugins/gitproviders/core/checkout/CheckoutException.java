package io.jenkins.plugins.gitproviders.core.checkout;

/**
 * Signals that a checkout cannot be planned as asked; the message says what is wrong and what to do, and never holds
 * a secret.
 */
public class CheckoutException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CheckoutException(String message) {
        super(message);
    }
}
