package io.jenkins.plugins.gitproviders.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Describes a provider type's scope field (organization, group, workspace, project): its label, whether it is
 * required, and the syntax the host accepts.
 *
 * @param label    the field's label for this type, for example "GitLab group"
 * @param required whether a provider of this type needs a scope at all
 * @param syntax   the whole-value pattern the host accepts
 * @param example  a valid example shown in messages
 * @param rule     the host's rule in words, shown when a value does not match
 */
public record ScopeRule(String label, boolean required, Pattern syntax, String example, String rule) {
    public ScopeRule {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(rule, "rule");
    }

    /** Tells whether the value is spelled as the host allows. */
    public boolean accepts(String value) {
        return syntax.matcher(value).matches();
    }
}
