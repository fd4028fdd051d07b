package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Describes, without running anything, how to check a repository out: where to fetch from, which refspecs, what to
 * check out and how deep. Every value in it has been validated; the plugin passes them to git as they are.
 *
 * <p>Running a plan: {@code git init}; if {@link #needsRemoteLookup()}, ask the remote about
 * {@link #remoteLookupRefs()} ({@code git ls-remote --symref <url> <refs>}) and continue with
 * {@link #resolve(RemoteRefs)}; {@code git fetch --no-tags [--depth <depth>] <cloneUrl> <refspecs>};
 * {@code git checkout --detach <target.checkoutRef>}.
 *
 * @param providerName  the provider's name
 * @param providerType  the provider's host type
 * @param repository    the repository's path on the host ({@code platform/infra/tools})
 * @param cloneUrl      the URL to fetch from; never carries user information
 * @param transport     HTTPS or SSH
 * @param credentialsId the credential to fetch with: the SSH key for SSH, the API credential for HTTPS; {@code null}
 *                      for an anonymous fetch
 * @param target        what to check out
 * @param refspecs      the refspecs to fetch (empty until resolved when a remote lookup is needed)
 * @param depth         the number of commits to fetch, or {@code null} for the full history
 * @param warnings      things to tell the user that do not stop the checkout
 */
public record CheckoutPlan(
        String providerName,
        ProviderType providerType,
        String repository,
        String cloneUrl,
        Transport transport,
        @CheckForNull String credentialsId,
        CheckoutTarget target,
        List<String> refspecs,
        @CheckForNull Integer depth,
        List<String> warnings) {
    private static final Pattern ABBREVIATED_COMMIT = Pattern.compile("[0-9a-fA-F]{4,39}");

    public CheckoutPlan {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(providerType, "providerType");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(target, "target");
        refspecs = List.copyOf(refspecs);
        warnings = List.copyOf(warnings);
    }

    /** Tells whether the remote must be asked (default branch, or whether a short name is a tag or a branch). */
    public boolean needsRemoteLookup() {
        return !target.isResolved();
    }

    /** Returns the refs to ask the remote about, in precedence order; empty when nothing needs asking. */
    public List<String> remoteLookupRefs() {
        return switch (target.kind()) {
            case DEFAULT_BRANCH -> target.isResolved() ? List.of() : List.of("HEAD");
            case BRANCH_OR_TAG -> List.of(Refspecs.TAGS + target.name(), Refspecs.HEADS + target.name());
            default -> List.of();
        };
    }

    /**
     * Completes a plan that needs the remote's answer: the default branch becomes the branch the remote's HEAD
     * points to; a short name becomes the tag if one exists, else the branch (git's rev-parse order).
     *
     * @throws CheckoutException when the remote has no default branch, or neither a tag nor a branch of that name
     */
    public CheckoutPlan resolve(RemoteRefs remote) {
        if (target.isResolved()) {
            return this;
        }
        List<String> notes = new ArrayList<>(warnings);
        if (target.kind() == CheckoutTarget.Kind.DEFAULT_BRANCH) {
            String head = remote.head();
            if (head == null || !head.startsWith(Refspecs.HEADS)) {
                throw new CheckoutException("Repository " + Texts.quote(repository) + " on provider "
                        + Texts.quote(providerName) + " has no default branch (it may be empty): give a ref.");
            }
            String branch = head.substring(Refspecs.HEADS.length());
            if (!RefNames.isValid(head) || !RefNames.isValid(branch)) {
                throw new CheckoutException("The default branch of repository " + Texts.quote(repository)
                        + " has a name git refuses: give a ref.");
            }
            return withTarget(CheckoutTarget.Kind.BRANCH, branch, Refspecs.remoteBranch(branch),
                    Refspecs.branch(branch), notes);
        }
        String name = Objects.requireNonNull(target.name());
        boolean tag = remote.refs().contains(Refspecs.TAGS + name);
        boolean branch = remote.refs().contains(Refspecs.HEADS + name);
        if (tag) {
            if (branch) {
                notes.add("Both a tag and a branch named " + Texts.quote(name) + " exist; checking out the tag, as"
                        + " git does. Give ref 'refs/heads/" + name + "' for the branch.");
            }
            return withTarget(CheckoutTarget.Kind.TAG, name, Refspecs.TAGS + name, Refspecs.tag(name), notes);
        }
        if (branch) {
            return withTarget(CheckoutTarget.Kind.BRANCH, name, Refspecs.remoteBranch(name), Refspecs.branch(name),
                    notes);
        }
        throw new CheckoutException("Neither a tag nor a branch named " + Texts.quote(name) + " exists in repository "
                + Texts.quote(repository) + " on provider " + Texts.quote(providerName) + "."
                + (ABBREVIATED_COMMIT.matcher(name).matches()
                        ? " An abbreviated commit id cannot be fetched: give the full 40-character id." : ""));
    }

    private CheckoutPlan withTarget(CheckoutTarget.Kind kind, String name, String checkoutRef, String refspec,
                                    List<String> notes) {
        return new CheckoutPlan(providerName, providerType, repository, cloneUrl, transport, credentialsId,
                new CheckoutTarget(kind, name, checkoutRef, target.commit(), target.announcedCommit()),
                List.of(refspec), depth, notes);
    }

    /** Returns the branch checked out, when the target is a branch. */
    public Optional<String> branch() {
        return target.kind() == CheckoutTarget.Kind.BRANCH ? Optional.ofNullable(target.name()) : Optional.empty();
    }

    /** Returns the tag checked out, when the target is a tag. */
    public Optional<String> tag() {
        return target.kind() == CheckoutTarget.Kind.TAG ? Optional.ofNullable(target.name()) : Optional.empty();
    }
}
