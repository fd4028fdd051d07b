package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RefNames;
import java.util.Optional;

/**
 * Checks the names a delivery hands to builds, de-duplication keys and logs, before they are kept anywhere: refs and
 * branch names follow git's ref rules ({@link RefNames}, at most {@value RefNames#MAX_LENGTH} characters); repository
 * paths, delivery ids, senders and addresses are at most {@value #MAX_NAME} characters without control characters.
 * A value that fails makes the delivery malformed (400); messages name the field, never its value.
 */
public final class EventChecks {
    /** Longest repository path, delivery id, sender or address accepted. */
    public static final int MAX_NAME = 1024;
    /** Longest text quoted from a delivery in a message. */
    static final int MAX_QUOTED = 100;

    private EventChecks() {}

    /** Returns a full ref ({@code refs/heads/main}) after checking it by git's rules. */
    public static String ref(String value, String field) throws MalformedPayloadException {
        Optional<String> problem = RefNames.problem(value);
        if (problem.isPresent()) {
            throw new MalformedPayloadException("'" + field + "' is not a valid Git ref: it " + problem.get());
        }
        return value;
    }

    /** Returns a branch or tag name ({@code main}, {@code feature/x}) after checking it by git's rules. */
    public static String branch(String value, String field) throws MalformedPayloadException {
        Optional<String> problem = RefNames.problem(value).or(() -> RefNames.problem("refs/heads/" + value));
        if (problem.isPresent()) {
            throw new MalformedPayloadException("'" + field + "' is not a valid branch name: it " + problem.get());
        }
        return value;
    }

    /** Returns a name (repository path, delivery id, sender, address) after checking its length and characters. */
    public static String name(String value, String field) throws MalformedPayloadException {
        if (value.length() > MAX_NAME) {
            throw new MalformedPayloadException("'" + field + "' is longer than " + MAX_NAME + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new MalformedPayloadException("'" + field + "' contains a control character");
            }
        }
        return value;
    }

    /** Checks an optional name, as {@link #name}. */
    @CheckForNull
    public static String optionalName(@CheckForNull String value, String field) throws MalformedPayloadException {
        return value == null ? null : name(value, field);
    }

    /** Checks every name an event carries; parsers call it on each event they return. */
    public static WebhookEvent check(WebhookEvent event) throws MalformedPayloadException {
        if (event.ref() != null) {
            ref(event.ref(), "ref");
        }
        if (event.sourceBranch() != null) {
            branch(event.sourceBranch(), "source branch");
        }
        if (event.targetBranch() != null) {
            branch(event.targetBranch(), "target branch");
        }
        RepositoryInfo repository = event.repository();
        if (repository != null) {
            name(repository.host(), "repository host");
            name(repository.fullPath(), "repository name");
            optionalName(repository.httpsCloneUrl(), "repository clone address");
            optionalName(repository.sshCloneUrl(), "repository SSH address");
            optionalName(repository.webUrl(), "repository web address");
        }
        PullRequestSource source = event.pullRequestSource();
        if (source != null) {
            optionalName(source.repository(), "source repository");
            optionalName(source.authorRole(), "author association");
        }
        optionalName(event.sender(), "sender");
        optionalName(event.deliveryId(), "delivery id");
        return event;
    }

    /** Checks every event of a parse result, turning the first failure into a malformed result. */
    public static ParseResult check(ParseResult result) {
        try {
            for (WebhookEvent event : result.events()) {
                check(event);
            }
            return result;
        } catch (MalformedPayloadException e) {
            return e.toResult();
        }
    }

    /**
     * Quotes a value from a delivery in a message: at most {@value #MAX_QUOTED} characters, control characters
     * replaced, so that no delivery can make a message (and the deliveries log) large or multi-line.
     */
    public static String quote(@CheckForNull String value) {
        if (value == null) {
            return "'null'";
        }
        String cut = value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
        StringBuilder quoted = new StringBuilder(cut.length() + 2).append('\'');
        cut.codePoints().forEach(c -> quoted.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return quoted.append('\'').toString();
    }
}
