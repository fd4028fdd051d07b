package io.jenkins.plugins.gitproviders.core.client.http;

import io.jenkins.plugins.gitproviders.core.client.Check;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects what the calls of a diagnosis proved about a token's scopes, for hosts that do not list a token's
 * scopes: a call that succeeded confirms a scope, a refusal naming a scope proves it missing, and the rest cannot
 * be known without changing data (creating a webhook to see whether that is allowed is not a test).
 */
public final class ScopeEvidence {
    private static final Pattern NAMED_SCOPES = Pattern.compile("required scope\\(s\\)[^\\[]*\\[([^\\]]*)\\]");
    /** Gitea's scope names; a refusal is believed only for names of this fixed vocabulary. */
    private static final Pattern SCOPE_NAME = Pattern.compile(
            "(?:read|write):(?:activitypub|admin|issue|misc|notification|organization|package|repository|user)");

    private final Set<String> confirmed = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();
    private final Set<String> refusals = new LinkedHashSet<>();

    /** Records that a call needing the scope succeeded. */
    public void confirmed(String scope) {
        confirmed.add(scope);
    }

    /**
     * Records that the host refused a call for lack of the scope.
     *
     * @param scope the scope, one of the host's fixed scope names
     * @param call  the call refused, in the plugin's words ({@code GET /user}); the host's own words are never kept
     */
    public void missing(String scope, String call) {
        missing.add(scope);
        refusals.add(call);
    }

    /**
     * Reads scope names out of a refusal such as Gitea's "token does not have at least one of required scope(s):
     * [read:user]", keeping only names of Gitea's fixed scope vocabulary.
     */
    public static List<String> namedScopes(String message) {
        Matcher matcher = NAMED_SCOPES.matcher(message);
        List<String> names = new ArrayList<>();
        if (matcher.find()) {
            for (String name : matcher.group(1).split("[,\\s]+")) {
                if (SCOPE_NAME.matcher(name.trim()).matches() && !names.contains(name.trim())) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    public boolean hasMissing() {
        return !missing.isEmpty();
    }

    /**
     * Rates the evidence against the scopes the plugin needs.
     *
     * @param required   the scopes the plugin needs, from the provider type
     * @param hostName   the host's name
     * @param whyUnknown why the host cannot tell the rest
     * @param fix        how to give the token the missing scopes
     */
    public Check toCheck(List<TokenScope> required, String hostName, String whyUnknown, String fix) {
        if (!missing.isEmpty()) {
            StringBuilder message = new StringBuilder("The token lacks ");
            message.append(missing.size() == 1 ? "the scope " : "the scopes ").append(String.join(", ", missing));
            for (TokenScope scope : required) {
                if (missing.contains(scope.name())) {
                    message.append(" (").append(scope.purpose()).append(')');
                }
            }
            message.append("; ").append(hostName).append(" refused ").append(String.join(", ", refusals))
                    .append(" for lack of it.");
            return Check.fail(CheckId.SCOPES, message.toString(), fix);
        }
        List<String> unknown = new ArrayList<>();
        for (TokenScope scope : required) {
            if (!confirmed.contains(scope.name())) {
                unknown.add(scope.name() + " (" + scope.purpose() + ")");
            }
        }
        String seen = confirmed.isEmpty() ? "No scope confirmed yet" : "Confirmed by the calls: "
                + String.join(", ", confirmed);
        String rest = unknown.isEmpty() ? "" : ". Cannot be known: " + String.join("; ", unknown) + " — "
                + whyUnknown;
        return Check.pass(CheckId.SCOPES, seen + rest + ".");
    }
}
