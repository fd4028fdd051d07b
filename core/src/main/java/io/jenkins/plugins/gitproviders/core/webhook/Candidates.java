package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.RepositoryScope;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the providers whose secrets may verify a delivery, from what the request names before its body is read: the
 * provider in the address, the host type its headers tell, and the host headers some hosts send
 * ({@code X-GitHub-Enterprise-Host} from GitHub Enterprise Server, {@code X-Gitlab-Instance} from GitLab). Inactive
 * providers and providers without a webhook secret are left out, as they accept nothing. Bitbucket, Gitea and Azure
 * DevOps send no host header; when more candidates remain than the handler verifies, the repository named in the body
 * ({@link RepositoryHint}) narrows them by host and scope.
 *
 * @param providers the candidates, in the order to try them
 * @param notes     why providers were left out, for the deliveries page
 */
record Candidates(List<ProviderSpec> providers, List<String> notes) {
    Candidates {
        providers = List.copyOf(providers);
        notes = List.copyOf(notes);
    }

    /**
     * Selects the candidates of a delivery.
     *
     * @param head     the delivery, whose body need not be read yet
     * @param pathName the provider named in the address, or {@code null}
     */
    static Candidates select(List<ProviderSpec> configured, WebhookFormat format, WebhookDelivery head,
            @CheckForNull String pathName) {
        List<String> notes = new ArrayList<>();
        List<ProviderSpec> candidates = new ArrayList<>();
        if (pathName != null) {
            String key = ProviderSpec.nameKey(pathName);
            Optional<ProviderSpec> named = configured.stream().filter(p -> p.nameKey().equals(key)).findFirst();
            if (named.isEmpty()) {
                notes.add("No provider named " + EventChecks.quote(pathName) + " is configured; check the provider"
                        + " name at the end of the webhook address");
            } else if (!format.providerTypes().contains(named.get().type())) {
                notes.add("Provider '" + named.get().name() + "' is a " + named.get().type().displayName()
                        + " provider, but the delivery comes from " + describe(format) + "; point the webhook at"
                        + " that host's provider");
            } else {
                candidates.add(named.get());
            }
        } else {
            configured.stream().filter(p -> format.providerTypes().contains(p.type())).forEach(candidates::add);
            if (candidates.isEmpty()) {
                notes.add("No " + describe(format) + " provider is configured; add one under Manage Jenkins > Git"
                        + " Providers");
            }
        }
        candidates = usable(candidates, notes);
        candidates = byHostHeader(candidates, format, head, notes);
        return new Candidates(candidates, notes);
    }

    private static List<ProviderSpec> usable(List<ProviderSpec> candidates, List<String> notes) {
        List<ProviderSpec> usable = new ArrayList<>();
        for (ProviderSpec candidate : candidates) {
            if (!candidate.active()) {
                notes.add("Provider '" + candidate.name() + "' is inactive, so it accepts no deliveries; activate it"
                        + " under Manage Jenkins > Git Providers");
            } else if (candidate.webhookSecretCredentialsIds().isEmpty()) {
                notes.add("Provider '" + candidate.name() + "' has no webhook secret, so it accepts no deliveries;"
                        + " add a webhook secret to the provider and the same secret to the webhook at the host");
            } else {
                usable.add(candidate);
            }
        }
        return usable;
    }

    /** Keeps the providers serving the host that the host headers name, when the delivery carries such a header. */
    private static List<ProviderSpec> byHostHeader(List<ProviderSpec> candidates, WebhookFormat format,
            WebhookDelivery head, List<String> notes) {
        String header;
        Optional<String> host;
        if (format == WebhookFormat.GITHUB) {
            header = "X-GitHub-Enterprise-Host";
            host = head.header(header).map(Candidates::hostOnly);
        } else if (format == WebhookFormat.GITLAB) {
            header = "X-Gitlab-Instance";
            host = head.header(header).flatMap(WebhookUrls::host);
        } else {
            return candidates;
        }
        if (host.isEmpty() || host.get().isEmpty() || candidates.isEmpty()) {
            return candidates;
        }
        List<ProviderSpec> serving = candidates.stream()
                .filter(p -> WebhookHandler.serverHost(p).map(host.get()::equals).orElse(false)).toList();
        if (serving.isEmpty()) {
            notes.add("The delivery comes from " + EventChecks.quote(host.get()) + " (" + header + "), which none of "
                    + names(candidates) + " serves; set the provider's server URL to that host");
        }
        return serving;
    }

    /**
     * Narrows the candidates by the repository the body names: those on another host are left out, and so are those
     * that would only ignore the repository as outside their scope; those whose scope holds it come first, then
     * those without a scope, then those that allow repositories outside their scope.
     */
    Candidates preferring(RepositoryHint hint) {
        List<ProviderSpec> onHost = new ArrayList<>();
        List<String> moreNotes = new ArrayList<>(notes);
        for (ProviderSpec provider : providers) {
            if (hint.host() == null || WebhookHandler.serverHost(provider).map(hint.host()::equals).orElse(false)) {
                onHost.add(provider);
            }
        }
        if (onHost.isEmpty()) {
            moreNotes.add("The delivery names a repository on " + EventChecks.quote(hint.host()) + ", which none of "
                    + names(providers) + " serves");
            return new Candidates(onHost, moreNotes);
        }
        List<ProviderSpec> ordered = new ArrayList<>();
        if (hint.fullPath() != null) {
            onHost.stream().filter(p -> p.scope() != null && RepositoryScope.contains(p, hint.fullPath()))
                    .forEach(ordered::add);
        }
        onHost.stream().filter(p -> p.scope() == null).forEach(ordered::add);
        for (ProviderSpec provider : onHost) {
            if (!ordered.contains(provider)) {
                if (provider.allowOutsideScope() || hint.fullPath() == null) {
                    ordered.add(provider);
                } else {
                    moreNotes.add("Provider '" + provider.name() + "' was not tried: the delivery names repository "
                            + EventChecks.quote(hint.fullPath()) + ", outside its scope '" + provider.scope() + "'");
                }
            }
        }
        return new Candidates(ordered, moreNotes);
    }

    static String names(List<ProviderSpec> providers) {
        List<String> names = providers.stream().map(p -> "'" + p.name() + "'").toList();
        return names.size() == 1 ? "provider " + names.get(0) : "providers " + String.join(", ", names);
    }

    private static String hostOnly(String value) {
        String host = value.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    static String describe(WebhookFormat format) {
        return switch (format) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case BITBUCKET_CLOUD -> "Bitbucket Cloud";
            case BITBUCKET_DATA_CENTER -> "Bitbucket Data Center";
            case GITEA -> "Gitea/Forgejo";
            case AZURE_DEVOPS -> "Azure DevOps";
        };
    }
}
