package io.jenkins.plugins.gitproviders.core.reporting;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.checkout.RepositoryReference;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.StatusContext;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides where {@code gitProviderStatus} reports a stage's status. What the step leaves out comes from the build:
 * its latest {@code gitProviderCheckout} (through the step's provider and of its repository, when given), else the
 * webhook event that started it. The context is the build's context for that commit followed by the stage's name
 * ({@link StatusContext#forStage}).
 */
public final class StageTargets {
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    private StageTargets() {}

    /**
     * Returns the name of the provider to resolve: the one given, else the provider of the build's latest checkout or
     * webhook event, else empty (the default provider).
     */
    public static String providerName(List<BuildTarget> recorded, @CheckForNull String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return candidates(recorded).stream().findFirst().map(BuildTarget::provider).orElse("");
    }

    /**
     * Chooses the commit and context of a stage's status.
     *
     * @param recorded    what the build reported to so far, in the order recorded
     * @param provider    the provider resolved from {@link #providerName}
     * @param jobFullName the job's full name, for the context when the build recorded nothing for the repository
     * @param repository  the repository given to the step, or {@code null}
     * @param commit      the commit given to the step, or {@code null}
     * @param stage       the stage's context name given to the step
     * @throws IllegalArgumentException saying what to give the step
     */
    public static BuildTarget choose(List<BuildTarget> recorded, ProviderSpec provider, String jobFullName,
            @CheckForNull String repository, @CheckForNull String commit, String stage) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("gitProviderStatus needs a context: the name of the stage's status,"
                    + " for example context: 'lint'.");
        }
        List<BuildTarget> same = new ArrayList<>(candidates(recorded).stream()
                .filter(t -> ProviderSpec.nameKey(t.provider()).equals(provider.nameKey()))
                .toList());
        List<String> path = null;
        if (repository != null && !repository.isBlank()) {
            path = RepositoryReference.parse(provider, repository).segments();
            String wanted = String.join("/", path).toLowerCase(Locale.ROOT);
            same.removeIf(t -> !t.target().repositoryPath().toLowerCase(Locale.ROOT).equals(wanted));
        } else if (!same.isEmpty()) {
            path = same.get(0).target().repository();
        }
        if (path == null) {
            throw new IllegalArgumentException("gitProviderStatus has no commit to report to: this build did not"
                    + " check out anything through provider '" + provider.name() + "' with gitProviderCheckout and"
                    + " was not started by its webhook. Give repository and commit (and provider, unless it is the"
                    + " default).");
        }
        String id = commit == null || commit.isBlank() ? null : commit.strip();
        if (id != null && !FULL_COMMIT.matcher(id).matches()) {
            throw new IllegalArgumentException("gitProviderStatus: '" + shown(id) + "' is not a full commit id: give"
                    + " the 40 (or 64) hexadecimal characters, as gitProviderCheckout returns them in 'commit'.");
        }
        Optional<BuildTarget> recordedCommit = same.stream()
                .filter(t -> t.target().hasFullCommit())
                .filter(t -> id == null || t.target().commit().equalsIgnoreCase(id))
                .findFirst();
        if (id == null && recordedCommit.isEmpty()) {
            throw new IllegalArgumentException("gitProviderStatus has no full commit id for " + String.join("/", path)
                    + ": this build did not check it out with gitProviderCheckout (a webhook event of Bitbucket Cloud"
                    + " names only 12 characters). Give commit.");
        }
        List<String> repositoryPath = path;
        StatusTarget target = recordedCommit.map(BuildTarget::target)
                .orElseGet(() -> new StatusTarget(repositoryPath, id, null, null, List.of()));
        String buildContext = same.stream().findFirst().map(BuildTarget::context)
                .orElseGet(() -> StatusContext.forBuild(provider, jobFullName, null));
        return BuildTarget.of(provider, target, StatusContext.forStage(buildContext, stage),
                BuildTarget.Origin.STAGE, ResultMapping.DEFAULT);
    }

    /** The checkouts, latest first, then the webhook event's commits. */
    private static List<BuildTarget> candidates(List<BuildTarget> recorded) {
        List<BuildTarget> ordered = new ArrayList<>();
        for (int i = recorded.size() - 1; i >= 0; i--) {
            if (recorded.get(i).origin() == BuildTarget.Origin.CHECKOUT) {
                ordered.add(recorded.get(i));
            }
        }
        for (BuildTarget target : recorded) {
            if (target.origin() == BuildTarget.Origin.EVENT) {
                ordered.add(target);
            }
        }
        return ordered;
    }

    private static String shown(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
