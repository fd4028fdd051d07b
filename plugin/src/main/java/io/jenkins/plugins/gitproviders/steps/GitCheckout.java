package io.jenkins.plugins.gitproviders.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Descriptor;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import hudson.plugins.git.GitTool;
import io.jenkins.plugins.gitproviders.config.ProviderCredentials;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.RemoteRefs;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.pipeline.CheckoutResult;
import io.jenkins.plugins.gitproviders.core.pipeline.CloneCredentials;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.jenkinsci.plugins.gitclient.FetchCommand;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Runs a checkout plan in a workspace with the Git client plugin: init, ask the remote when the plan needs it,
 * fetch the plan's refspecs without tags, check the target out detached. Every decision was made in core; this
 * class only finds the credential in the build's context and drives git.
 */
final class GitCheckout {
    /** The ref that names the remote's default branch in {@code git ls-remote --symref}. */
    private static final String HEAD = "HEAD";

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final FilePath workspace;
    private final EnvVars env;
    private final ProviderSpec provider;

    @CheckForNull
    private final Integer timeoutMinutes;

    GitCheckout(
            Run<?, ?> run,
            TaskListener listener,
            FilePath workspace,
            EnvVars env,
            ProviderSpec provider,
            @CheckForNull Integer timeoutMinutes) {
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.env = env;
        this.provider = provider;
        this.timeoutMinutes = timeoutMinutes;
    }

    /** Checks the plan out and returns what was checked out; the plan may still need the remote's answer. */
    @NonNull
    CheckoutResult run(@NonNull CheckoutPlan plan) throws IOException, InterruptedException {
        StandardCredentials credentials = credentials(plan);
        GitClient git =
                Git.with(listener, env).in(workspace).using(gitExecutable()).getClient();
        git.init_().workspace(workspace.getRemote()).execute();
        if (credentials != null) {
            // Keyed by URL for the commands that look it up so, and as the default for those that normalise the URL.
            git.addCredentials(plan.cloneUrl(), credentials);
            git.addDefaultCredentials(credentials);
        }
        CheckoutPlan resolved = plan.needsRemoteLookup() ? plan.resolve(askRemote(git, plan)) : plan;
        List<RefSpec> refspecs = new ArrayList<>();
        for (String refspec : resolved.refspecs()) {
            refspecs.add(new RefSpec(refspec));
        }
        FetchCommand fetch =
                git.fetch_().from(uri(resolved.cloneUrl()), refspecs).tags(false);
        if (resolved.depth() != null) {
            fetch.shallow(true).depth(resolved.depth());
        }
        if (timeoutMinutes != null) {
            fetch.timeout(timeoutMinutes);
        }
        fetch.execute();
        String checkoutRef = resolved.target().checkoutRef();
        if (checkoutRef == null) {
            throw new IllegalStateException("a resolved plan names what to check out");
        }
        git.checkout()
                .ref(checkoutRef)
                .deleteBranchIfExist(true)
                .timeout(timeoutMinutes)
                .execute();
        return CheckoutResult.of(resolved, git.revParse(HEAD).name());
    }

    /**
     * Returns the git of the agent the workspace is on, as its tool configuration names it (Manage Jenkins » Tools,
     * and the agent's tool locations), or plain {@code git} on the agent's path when none is configured.
     */
    private String gitExecutable() throws IOException, InterruptedException {
        GitTool tool = GitTool.getDefaultInstallation();
        if (tool == null) {
            return "git";
        }
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        if (node != null) {
            tool = tool.forNode(node, listener);
        }
        return tool.forEnvironment(env).getGitExe();
    }

    /** Asks the remote for its default branch or which of the plan's refs exist ({@code git ls-remote}). */
    private static RemoteRefs askRemote(GitClient git, CheckoutPlan plan) throws GitException, InterruptedException {
        String head = null;
        Set<String> refs = new LinkedHashSet<>();
        for (String ref : plan.remoteLookupRefs()) {
            if (HEAD.equals(ref)) {
                head = git.getRemoteSymbolicReferences(plan.cloneUrl(), HEAD).get(HEAD);
            } else if (git.getRemoteReferences(plan.cloneUrl(), ref, false, false)
                    .containsKey(ref)) {
                // ls-remote matches patterns against the tail of ref names: keep the exact ref only.
                refs.add(ref);
            }
        }
        return new RemoteRefs(head, refs);
    }

    /**
     * Looks the plan's credential up in the build's context (System-scoped credentials are not found) and records
     * its use and brings it into the form git needs; {@code null} for a plan without a credential.
     */
    @CheckForNull
    private StandardCredentials credentials(CheckoutPlan plan) throws AbortException {
        String id = plan.credentialsId();
        if (id == null) {
            return null;
        }
        StandardCredentials found = CredentialsProvider.findCredentialById(
                id,
                StandardCredentials.class,
                run,
                URIRequirementBuilder.fromUri(plan.cloneUrl()).build());
        if (found == null) {
            throw new AbortException(CloneCredentials.missingMessage(provider, plan));
        }
        // findCredentialById does not record usage itself: record it, so the credential's page lists this build.
        CredentialsProvider.track(run, found);
        CredentialKind kind = ProviderCredentials.kindOf(found)
                .orElseThrow(() -> new AbortException(CloneCredentials.unusableMessage(provider, plan)));
        CloneCredentials.Decision decision = CloneCredentials.decide(provider, plan, kind);
        if (decision.use() == CloneCredentials.Use.AS_IS || !(found instanceof StringCredentials token)) {
            return found;
        }
        try {
            return new UsernamePasswordCredentialsImpl(
                    CredentialsScope.GLOBAL,
                    id,
                    Messages.GitCheckout_TokenDescription(id, provider.name()),
                    decision.username(),
                    token.getSecret().getPlainText());
        } catch (Descriptor.FormException e) {
            // The reason (such as a token too short for FIPS mode) never contains the token itself.
            throw new AbortException(Messages.GitCheckout_TokenUnusable(id, provider.name(), e.getMessage()));
        }
    }

    private static URIish uri(String url) throws AbortException {
        try {
            return new URIish(url);
        } catch (URISyntaxException e) {
            throw new AbortException(Messages.GitCheckout_BadUrl(url));
        }
    }
}
