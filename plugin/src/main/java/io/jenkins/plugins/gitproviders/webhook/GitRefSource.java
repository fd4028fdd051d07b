package io.jenkins.plugins.gitproviders.webhook;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.model.Descriptor;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import hudson.plugins.git.GitTool;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.ProviderCredentials;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlanner;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.pipeline.CloneCredentials;
import io.jenkins.plugins.gitproviders.core.repository.RefSource;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.eclipse.jgit.lib.ObjectId;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Asks a host for a repository's refs with {@code git ls-remote} on the controller, through the Git client plugin,
 * for catching up. Uses the address the checkout step would clone over HTTPS ({@link CheckoutPlanner}) and the
 * provider's API credential, looked up as SYSTEM for that address, in the form git needs ({@link CloneCredentials}).
 * Error messages carry no credential: the address never holds user information, and git reads the secret from its
 * askpass helper, not from the command line.
 */
final class GitRefSource implements RefSource {
    /** The most characters of git's error output kept in a message. */
    private static final int MAX_MESSAGE = 500;

    private final CheckoutPlanner planner = new CheckoutPlanner();

    @Override
    public RefTips refs(@CheckForNull String providerName, RepositoryKey repository, List<String> patterns)
            throws IOException {
        ProviderSpec provider = GitProvidersConfiguration.get()
                .registry()
                .findByName(providerName)
                .orElseThrow(() -> new IOException("no provider named '" + providerName + "' is configured"));
        // Over HTTPS with the API credential, also for providers that clone over SSH: the controller has no SSH setup.
        ProviderSpec https = provider.toBuilder().sshCredentialsId(null).build();
        CheckoutPlan plan;
        try {
            plan = planner.plan(https, repository.path(), null, null);
        } catch (CheckoutException e) {
            throw new IOException(e.getMessage(), e);
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            GitClient git = Git.with(TaskListener.NULL, new EnvVars())
                    .in(workingDirectory())
                    .using(gitExecutable())
                    .getClient();
            StandardCredentials credentials = credentials(https, plan);
            if (credentials != null) {
                git.addCredentials(plan.cloneUrl(), credentials);
                git.addDefaultCredentials(credentials);
            }
            Map<String, String> commits = new LinkedHashMap<>();
            for (String pattern : patterns) {
                for (Map.Entry<String, ObjectId> ref : git.getRemoteReferences(plan.cloneUrl(), pattern, false, false)
                        .entrySet()) {
                    commits.putIfAbsent(ref.getKey(), ref.getValue().name());
                }
            }
            return new RefTips(commits);
        } catch (GitException e) {
            throw new IOException("git ls-remote " + plan.cloneUrl() + " failed: " + shorten(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + plan.cloneUrl() + " for its refs", e);
        }
    }

    /** Returns the API credential in the form git needs, or {@code null} for a provider without one (anonymous). */
    @CheckForNull
    private static StandardCredentials credentials(ProviderSpec provider, CheckoutPlan plan) throws IOException {
        String id = plan.credentialsId();
        if (id == null) {
            return null;
        }
        StandardCredentials found = ProviderCredentials.findSystem(id, List.of(plan.cloneUrl()))
                .orElseThrow(() -> new IOException(CloneCredentials.missingMessage(provider, plan)));
        CredentialKind kind = ProviderCredentials.kindOf(found)
                .orElseThrow(() -> new IOException(CloneCredentials.unusableMessage(provider, plan)));
        CloneCredentials.Decision decision;
        try {
            decision = CloneCredentials.decide(provider, plan, kind);
        } catch (CheckoutException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (decision.use() == CloneCredentials.Use.AS_IS || !(found instanceof StringCredentials token)) {
            return found;
        }
        try {
            return new UsernamePasswordCredentialsImpl(
                    CredentialsScope.GLOBAL,
                    id,
                    "Token of provider " + provider.name() + " for git",
                    decision.username(),
                    token.getSecret().getPlainText());
        } catch (Descriptor.FormException e) {
            // The reason (such as a token too short for FIPS mode) never contains the token itself.
            throw new IOException(
                    "the token '" + id + "' of provider '" + provider.name() + "' cannot be used by git: "
                            + e.getMessage(),
                    e);
        }
    }

    /** An empty directory of its own to run git in, so that no repository's configuration applies. */
    private static File workingDirectory() throws IOException {
        File dir = new File(Jenkins.get().getRootDir(), "caches/git-providers-ls-remote");
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        return dir;
    }

    /** The git the controller's tool configuration names, or plain {@code git} on its path. */
    private static String gitExecutable() throws IOException, InterruptedException {
        GitTool tool = GitTool.getDefaultInstallation();
        if (tool == null) {
            return "git";
        }
        return tool.forNode(Jenkins.get(), TaskListener.NULL).getGitExe();
    }

    private static String shorten(@CheckForNull String message) {
        String text = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
