package io.jenkins.plugins.gitproviders.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import io.jenkins.plugins.gitproviders.core.pipeline.CloneCredentials;
import io.jenkins.plugins.gitproviders.core.webhook.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Holds the README, the guides and the plugin's help to what the code does, where a claim can be checked: the token
 * scopes they ask for, the user names git clones with, how Azure DevOps service hooks authenticate and the
 * configuration keys they name.
 */
public class DocumentationClaimsTest {
    private static final Path ROOT = Paths.get("..");
    private static final List<String> SCOPES_NOT_NEEDED = List.of("admin:repo_hook", "read:org\\b", "REPO_ADMIN",
            "vso\\.hooks_write", "read:webhook:bitbucket", "write:webhook:bitbucket", "Webhooks \\(read and write\\)");
    /** Scopes that only build status needs: they may be named only where the text speaks of (build) status. */
    private static final List<String> SCOPES_FOR_STATUS_ONLY = List.of("vso\\.code_status", "write:repository",
            "Commit statuses");

    private static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the text of the README, every guide and every help file of the plugin. */
    private static String everything() {
        StringBuilder text = new StringBuilder(read("README.md"));
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("docs")),
                Files.walk(ROOT.resolve("plugin/src/main/resources")))) {
            files.filter(file -> file.toString().endsWith(".md") || file.getFileName().toString().startsWith("help"))
                    .forEach(file -> text.append(read(ROOT.relativize(file).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Test
    public void shouldListEveryRequiredScopeInBothTokenTables() {
        for (String page : List.of("README.md", "docs/tokens-and-scopes.md")) {
            // The token table: from its header line to the first line that is not a table row.
            List<String> table = read(page).lines()
                    .dropWhile(line -> !line.startsWith("| Host | How to create the token |"))
                    .takeWhile(line -> line.startsWith("|")).toList();
            String text = String.join("\n", table);
            assertThat(table).as(page).hasSizeGreaterThan(ProviderType.values().length);
            for (ProviderType type : ProviderType.values()) {
                String row = text.lines().filter(line -> line.startsWith("| " + type.displayName() + " |"))
                        .findFirst().orElseThrow(() -> new AssertionError(page + " has no row for " + type));
                String scopes = type == ProviderType.GITHUB_ENTERPRISE || type == ProviderType.GITLAB_SELF_MANAGED
                        ? text.lines().filter(line -> line.startsWith("| "
                                + (type == ProviderType.GITHUB_ENTERPRISE ? "GitHub.com" : "GitLab.com") + " |"))
                                .findFirst().orElseThrow()
                        : row;
                for (TokenScope scope : type.requiredTokenScopes()) {
                    assertThat(scopes).as(page + ": " + type).contains(scope.name());
                }
            }
        }
    }

    @Test
    public void shouldAskNowhereForAScopeNoFeatureNeeds() {
        String text = everything();

        for (String scope : SCOPES_NOT_NEEDED) {
            assertThat(Pattern.compile(scope).matcher(text).find()).as(scope).isFalse();
        }
        for (String scope : SCOPES_FOR_STATUS_ONLY) {
            Pattern pattern = Pattern.compile(scope);
            assertThat(linesWithTheirContext(text).stream().filter(line -> pattern.matcher(line[0]).find()))
                    .as(scope).allSatisfy(line -> assertThat((line[0] + " " + line[1]).toLowerCase(Locale.ROOT))
                            .as(line[0]).contains("status"));
        }
    }

    /** Pairs each line with what introduces it: the header row of its table, or else the heading above it. */
    private static List<String[]> linesWithTheirContext(String text) {
        List<String[]> lines = new ArrayList<>();
        String heading = "";
        String tableHeader = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#")) {
                heading = line;
            }
            boolean row = line.startsWith("|");
            tableHeader = row ? (tableHeader == null ? line : tableHeader) : null;
            lines.add(new String[] {line, row ? tableHeader : heading});
        }
        return lines;
    }

    @Test
    public void shouldNameTheBitbucketCloudCloneUsersTheCodeUses() {
        String text = read("docs/configuration.md") + read("docs/pipeline.md") + read("README.md");

        assertThat(text).contains(CloneCredentials.BITBUCKET_API_TOKEN_USER)
                .contains(CloneCredentials.BITBUCKET_ACCESS_TOKEN_USER);
    }

    @Test
    public void shouldOfferAzureDevOpsTheTokenHeaderOnly() {
        String text = everything();

        assertThat(text).contains(SignatureVerifier.AZURE_TOKEN_HEADER + ": <secret>")
                .doesNotContain("Basic authentication password").doesNotContain("or as the password of HTTP Basic");
    }

    @Test
    public void shouldNameTheWebhookSecretKeysThePluginHas() {
        String configuration = read("docs/configuration.md");

        assertThat(configuration).contains("`webhookSecretCredentialsId`", "`previousWebhookSecretCredentialsId`")
                .doesNotContain("webhookSecretCredentialsIds");
        assertThat(read("plugin/src/main/java/io/jenkins/plugins/gitproviders/config/GitProvider.java"))
                .contains("setWebhookSecretCredentialsId(", "setPreviousWebhookSecretCredentialsId(");
    }
}
