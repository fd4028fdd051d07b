package io.jenkins.plugins.gitproviders.core.status;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a host's refusal of a status into a {@link StatusFailure} with the precise fix: which scope the token lacks,
 * which permission its account lacks, where to look when the repository or commit is unknown.
 *
 * <p>What each host requires to write a status, from its documentation:
 * <ul>
 *   <li>GitHub / GHE, "Create a commit status" (docs.github.com/rest/commits/statuses): users with push access;
 *       classic tokens {@code repo:status} (or {@code repo}, which includes it); fine-grained tokens and GitHub Apps
 *       the repository permission "Commit statuses" (write).</li>
 *   <li>GitLab, "Set the pipeline status of a commit" (docs.gitlab.com/api/commits): the {@code api} scope, and at
 *       least the Developer role in the project (the {@code create_commit_status} permission).</li>
 *   <li>Bitbucket Cloud, change notice "Updating commit status permissions"
 *       (developer.atlassian.com/cloud/bitbucket/bitbucket-api-changes-commit-status): creating a status needs only
 *       the repository read scope ({@code read:repository:bitbucket}); since May 2021 only the account that created a
 *       status, or a repository admin, may overwrite it.</li>
 *   <li>Bitbucket Data Center, "Builds and deployments" REST resource: the {@code REPO_READ} permission on the
 *       repository; the old {@code build-status/1.0} resource: a licensed user.</li>
 *   <li>Azure DevOps, "Statuses - Create" and "Pull Request Statuses - Create" (learn.microsoft.com/rest/api/
 *       azure/devops/git): the {@code vso.code_status} scope (Code: Status).</li>
 *   <li>Gitea / Forgejo, {@code POST /repos/{owner}/{repo}/statuses/{sha}}: the {@code write:repository} scope
 *       (statuses belong to the repository scope; go-gitea/gitea#32625) and write access to the repository.</li>
 * </ul>
 */
public final class StatusDiagnosis {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Gitea names the missing scope: "token does not have at least one of required scope(s): [write:repository]". */
    private static final Pattern GITEA_SCOPES = Pattern.compile("required scope\\(s\\)[^\\[]*\\[([^\\]]*)\\]");

    private StatusDiagnosis() {}

    /**
     * Diagnoses a host's answer to a status request that did not succeed.
     *
     * @param provider the provider the status went to
     * @param target   the commit it was for
     * @param answer   what the host answered
     */
    public static StatusFailure diagnose(ProviderSpec provider, StatusTarget target, HostAnswer answer) {
        Texts texts = new Texts(provider, target, answer);
        int status = answer.status();
        if (status == 429 || status == 403 && isRateLimited(answer)) {
            return texts.rateLimited();
        }
        if (status == 203 && provider.type() == ProviderType.AZURE_DEVOPS) {
            // Azure DevOps answers a rejected token with a sign-in page (203) instead of 401 in some setups.
            return texts.unauthorized();
        }
        if (status == 401) {
            boolean permission = provider.type() == ProviderType.BITBUCKET_DATA_CENTER
                    && answer.errorCode().contains("AuthorisationException");
            return permission ? texts.permission() : texts.unauthorized();
        }
        if (status == 403) {
            return texts.permission();
        }
        if (status == 404) {
            if (provider.type().isGitHub() && texts.lacksClassicStatusScope()) {
                // GitHub hides a private repository from a token without the scope: 404, not 403.
                return texts.permission();
            }
            return texts.notFound();
        }
        if (status == 422 && provider.type().isGitHub()
                && answer.message().toLowerCase(Locale.ROOT).contains("no commit found")) {
            return texts.notFound();
        }
        if (status >= 500) {
            return texts.serverError();
        }
        return texts.rejected();
    }

    /**
     * Describes a request that got no answer (or none from the API), from the network layer's message and fix.
     *
     * @param kind one of {@link StatusFailure.Kind#TIMEOUT}, {@link StatusFailure.Kind#UNREACHABLE} and
     *             {@link StatusFailure.Kind#MISCONFIGURED}
     */
    public static StatusFailure noAnswer(ProviderSpec provider, StatusTarget target, StatusFailure.Kind kind,
            String message, String fix) {
        return new StatusFailure(kind, 0, "Build status for " + where(target) + " not reported to "
                + provider.type().displayName() + ": " + message, fix, null);
    }

    private static boolean isRateLimited(HostAnswer answer) {
        return answer.header("X-RateLimit-Remaining").map(value -> value.strip().equals("0")).orElse(false)
                || answer.header("Retry-After").isPresent();
    }

    private static String where(StatusTarget target) {
        return target.repositoryPath() + "@" + target.commit().substring(0, Math.min(12, target.commit().length()));
    }

    /** Builds the texts of one diagnosis. */
    private static final class Texts {
        private final ProviderSpec provider;
        private final ProviderType type;
        private final StatusTarget target;
        private final HostAnswer answer;
        private final String host;

        Texts(ProviderSpec provider, StatusTarget target, HostAnswer answer) {
            this.provider = provider;
            this.type = provider.type();
            this.target = target;
            this.answer = answer;
            this.host = type.displayName();
        }

        private String refused() {
            return host + " refused the build status for " + where(target) + " (HTTP " + answer.status()
                    + (answer.message().isEmpty() ? "" : ": " + answer.message()) + ")";
        }

        private String credential() {
            return provider.credentialsId() == null ? "the credential of provider '" + provider.name() + "'"
                    : "the credential '" + provider.credentialsId() + "'";
        }

        private StatusFailure failure(StatusFailure.Kind kind, String message, String fix) {
            return new StatusFailure(kind, answer.status(), message, fix,
                    kind == StatusFailure.Kind.RATE_LIMITED ? answer.retryAt() : null);
        }

        StatusFailure unauthorized() {
            String why = switch (type) {
                case AZURE_DEVOPS -> "the personal access token is wrong, expired, revoked, or was created for"
                        + " another organization";
                case BITBUCKET_CLOUD -> "the token is wrong, revoked or expired, or the email or username sent with"
                        + " it is not its owner's";
                default -> "the token is wrong, revoked or expired";
            };
            return failure(StatusFailure.Kind.UNAUTHORIZED, refused() + ": " + host + " rejected the token (" + why
                    + ").", "Create a new token with " + scopes() + " and store it in " + credential() + ".");
        }

        StatusFailure permission() {
            return switch (type) {
                case GITHUB, GITHUB_ENTERPRISE -> gitHubPermission();
                case GITLAB, GITLAB_SELF_MANAGED -> answer.errorCode().contains("insufficient_scope")
                        || answer.message().contains("insufficient_scope")
                        ? failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token lacks the api"
                                + " scope.", "Create a token with the api scope (GitLab cannot add scopes to an"
                                + " existing token) and store it in " + credential() + ".")
                        : failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token's user may not"
                                + " set commit statuses in " + target.repositoryPath() + ".",
                                "Give the user (or the project or group access token) at least the Developer role"
                                        + " in " + target.repositoryPath() + "; GitLab lets only Developers and"
                                        + " above set commit statuses.");
                case BITBUCKET_CLOUD -> failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token"
                        + " may not read " + target.repositoryPath() + ", or the status was created by another"
                        + " account.", "Give the token repository read access (read:repository:bitbucket, or"
                        + " Repositories: Read for an access token); that is all Bitbucket needs to create a"
                        + " status. A status can be overwritten only by the account that created it or by a"
                        + " repository admin: report with the same account, or give this provider its own status"
                        + " context prefix.");
                case BITBUCKET_DATA_CENTER -> failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the"
                        + " token's account lacks Repository read (REPO_READ) on " + target.repositoryPath() + ".",
                        "Grant the account (or the HTTP access token) Repository read on "
                                + target.repositoryPath() + "; older servers need only a licensed user.");
                case AZURE_DEVOPS -> failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token"
                        + " lacks Code (Status), or its owner may not access " + target.repositoryPath() + ".",
                        "Create a personal access token with the scope Code: Status (vso.code_status) for this"
                                + " organization and store it in " + credential() + "; check that its owner can"
                                + " read the repository.");
                case GITEA -> giteaPermission();
            };
        }

        private StatusFailure gitHubPermission() {
            String classic = answer.header("X-OAuth-Scopes").orElse(null);
            if (classic != null) {
                if (lacksClassicStatusScope()) {
                    return failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token lacks `repo:status`"
                            + " (granted: " + (classic.isBlank() ? "no scopes" : StatusTexts.cut(classic, 200))
                            + ").", "Add repo:status (or repo) to the token at " + gitHubWeb() + "/settings/tokens"
                            + ", or use a fine-grained token with Commit statuses: write on this repository.");
                }
                return failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token has the scope, but"
                        + " its account may not write statuses to " + target.repositoryPath() + ".",
                        "Give the token's account write (push) access to " + target.repositoryPath() + "; if the"
                                + " organization uses SAML single sign-on, authorize the token for it.");
            }
            String asked = answer.header("X-Accepted-GitHub-Permissions")
                    .map(value -> " (GitHub asked for: " + StatusTexts.cut(StatusTexts.oneLine(value), 100) + ")")
                    .orElse("");
            return failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token lacks Commit statuses:"
                    + " write on " + target.repositoryPath() + asked + ".", "Give the fine-grained token (or the"
                    + " GitHub App) the repository permission Commit statuses: Read and write and access to "
                    + target.repositoryPath() + ", or use a classic token with repo:status.");
        }

        /** Tells whether a classic GitHub token's granted scopes lack {@code repo:status} and {@code repo}. */
        boolean lacksClassicStatusScope() {
            return answer.header("X-OAuth-Scopes").map(value -> Arrays.stream(value.split(","))
                    .map(scope -> scope.strip().toLowerCase(Locale.ROOT))
                    .noneMatch(scope -> scope.equals("repo") || scope.equals("repo:status")))
                    .orElse(false);
        }

        private StatusFailure giteaPermission() {
            Matcher named = GITEA_SCOPES.matcher(answer.message());
            if (named.find()) {
                List<String> scopes = Arrays.stream(named.group(1).split("[,\\s]+")).filter(s -> !s.isBlank())
                        .toList();
                return failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token lacks "
                        + String.join(", ", scopes) + ".", "Create a new token with write:repository under"
                        + " Settings > Applications (Gitea cannot change the scopes of an existing token) and store"
                        + " it in " + credential() + ".");
            }
            return failure(StatusFailure.Kind.MISSING_PERMISSION, refused() + ": the token's account may not write"
                    + " to " + target.repositoryPath() + ".", "Give the account write access to "
                    + target.repositoryPath() + " (a collaborator or team with Write), and the token the scope"
                    + " write:repository.");
        }

        StatusFailure notFound() {
            String message = answer.message().toLowerCase(Locale.ROOT);
            String code = answer.errorCode();
            boolean commit = message.contains("commit") && !message.contains("project")
                    || code.contains("NoSuchCommit") || message.contains("no commit found");
            if (commit) {
                String fork = type.isGitLab() && target.sourceRepository().isEmpty()
                        ? " For a merge request from a fork, the commit lives in the source project: name it"
                        + " so the status goes there." : "";
                return failure(StatusFailure.Kind.NOT_FOUND, refused() + ": " + host + " does not know commit "
                        + target.commit() + " in " + target.repositoryPath() + ".", "Check that the commit was"
                        + " pushed to " + target.repositoryPath() + "." + fork);
            }
            String hidden = switch (type) {
                case GITHUB, GITHUB_ENTERPRISE -> " GitHub also answers 404 when the token cannot see a private"
                        + " repository or its account lacks push access.";
                case GITLAB, GITLAB_SELF_MANAGED -> " GitLab also answers 404 when the token's user is not a member"
                        + " of a private project.";
                case AZURE_DEVOPS -> " The path is organization/project/repository.";
                default -> "";
            };
            return failure(StatusFailure.Kind.NOT_FOUND, refused() + ": " + host + " has no repository "
                    + target.repositoryPath() + " that the token can see.", "Check the repository path and that"
                    + " the token can access it." + hidden);
        }

        StatusFailure rateLimited() {
            String when = answer.retryAt() == null ? "" : "; the next request is allowed at "
                    + TIME.format(answer.retryAt());
            return failure(StatusFailure.Kind.RATE_LIMITED, host + " rate-limited the build status for "
                    + where(target) + " (HTTP " + answer.status() + ")" + when + ".", "It is retried after the"
                    + " limit resets; if this happens often, give Jenkins a token of its own.");
        }

        StatusFailure serverError() {
            return failure(StatusFailure.Kind.SERVER_ERROR, refused() + ": the server failed.", "It is retried;"
                    + " if it lasts, check " + host + "'s status page or ask its administrators.");
        }

        StatusFailure rejected() {
            return failure(StatusFailure.Kind.REJECTED, refused() + ".", "Check the message above; if the"
                    + " repository was renamed or moved, use its new path.");
        }

        private String gitHubWeb() {
            return provider.effectiveServerUrl().orElse("https://github.com");
        }

        private String scopes() {
            return switch (type) {
                case GITHUB, GITHUB_ENTERPRISE -> "repo:status (classic) or Commit statuses: write (fine-grained)";
                case GITLAB, GITLAB_SELF_MANAGED -> "the api scope";
                case BITBUCKET_CLOUD -> "repository read (read:repository:bitbucket)";
                case BITBUCKET_DATA_CENTER -> "Repository read (REPO_READ)";
                case AZURE_DEVOPS -> "Code: Status (vso.code_status) for this organization";
                case GITEA -> "write:repository";
            };
        }
    }
}
