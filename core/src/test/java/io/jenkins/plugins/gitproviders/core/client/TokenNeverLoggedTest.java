package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Runs a connection test of every host type with every logger at ALL and proves that the token reaches 0 log records
 * (message, parameters, throwable), in a JVM of its own per case: once as Jenkins runs normally, with Apache
 * HttpClient's commons-logging going to java.util.logging as in Jenkins; once with the JDK HTTP client's own header
 * log switched on, where the clients must withhold the token.
 */
public class TokenNeverLoggedTest {
    private static final String TOKEN = "Tok3n-NeverLogged-0123456789abcdef";
    private static final List<String> JCL_TO_JUL = List.of(
            "-Dorg.apache.commons.logging.LogFactory=org.apache.commons.logging.impl.LogFactoryImpl",
            "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.Jdk14Logger");

    @Test(timeout = 180_000)
    public void shouldLeaveTheTokenInNoLogRecordOfAConnectionTestOfAnyHost() throws Exception {
        List<String> lines = runDiagnoses(List.of("-Djdk.internal.httpclient.debug=true"));

        assertThat(lines).filteredOn(line -> line.startsWith("LEAK ")).isEmpty();
        // Every host received the token and accepted it: the test ran the whole diagnosis, not an early failure.
        for (ProviderType type : ProviderType.values()) {
            assertThat(lines).as(type.id()).anyMatch(line -> line.startsWith("SENT " + type.id() + " true PASS"));
        }
        // The loggers that wrote the token before were really capturing: HttpClient's, GitLab4J's stack, the JDK's.
        assertThat(lines).contains("LOGGER org.apache.http.impl.execchain.MainClientExec",
                "LOGGER org.kohsuke.github.GitHubClient", "LOGGER jdk.internal.httpclient.debug");
        assertThat(records(lines)).isGreaterThan(100);
    }

    @Test(timeout = 180_000)
    public void shouldWithholdTheTokenWhileTheJdkClientLogsHeaders() throws Exception {
        List<String> lines = runDiagnoses(List.of("-D" + HeaderLogging.PROPERTY + "=errors,headers"));

        assertThat(lines).filteredOn(line -> line.startsWith("LEAK ")).isEmpty();
        for (ProviderType type : ProviderType.values()) {
            assertThat(lines).as(type.id()).anyMatch(line -> line.startsWith("SENT " + type.id() + " false FAIL ")
                    || line.startsWith("SENT " + type.id() + " false SKIPPED "));
            assertThat(lines).as(type.id()).anyMatch(line -> line.startsWith("SENT " + type.id() + " ")
                    && line.contains("The token was not sent: Java's HTTP client is set to write every request"
                            + " header to the log"));
        }
    }

    private static long records(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("RECORDS ")).mapToLong(line ->
                Long.parseLong(line.split(" ")[1])).findFirst().orElse(0);
    }

    /** Runs {@link LoggedDiagnoses} in a new JVM with the test class path and returns what it printed. */
    private static List<String> runDiagnoses(List<String> options) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), "-Dfixtures.dir=" + Fixtures.root().toAbsolutePath()));
        command.addAll(JCL_TO_JUL);
        command.addAll(options);
        command.add(LoggedDiagnoses.class.getName());
        command.add(TOKEN);
        Path output = Files.createTempFile("logged-diagnoses", ".txt");
        Path errors = Files.createTempFile("logged-diagnoses", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).start();
            assertThat(process.waitFor(150, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
            String stderr = Files.readString(errors, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(stderr).isZero();
            // The JDK client's debug output goes to standard error, not to a logger: it must not hold the token either.
            assertThat(stderr).doesNotContain(TOKEN);
            return Arrays.asList(Files.readString(output, StandardCharsets.UTF_8).split("\n"));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
