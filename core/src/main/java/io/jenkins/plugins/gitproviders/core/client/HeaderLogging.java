package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tells whether the JDK HTTP client would write request headers, and so the credential, to the log. It does when the
 * system property {@value #PROPERTY} names {@code headers} or {@code all}: it then logs every request header through
 * {@code System.Logger} ({@code jdk.httpclient.HttpClient}), and nothing the plugin does can filter that. The clients
 * then withhold the credential and say why. (HTTP/2 header compression has a log of its own; the clients speak
 * HTTP/1.1, so it never sees a header.)
 */
public final class HeaderLogging {
    /** The JDK's switch for its HTTP client's log, read once when the JDK client is first used. */
    public static final String PROPERTY = "jdk.httpclient.HttpClient.log";
    /** What a diagnosis or listing says when the credential was withheld. */
    public static final String MESSAGE = "The token was not sent: Java's HTTP client is set to write every request"
            + " header to the log (system property " + PROPERTY + " includes 'headers' or 'all'), which would put"
            + " the token into the Jenkins log.";
    /** What to do about it. */
    public static final String FIX = "Remove 'headers' and 'all' from the system property " + PROPERTY + " (or the"
            + " property) in the Java options of Jenkins and restart it; 'errors' and 'requests' are safe.";

    private HeaderLogging() {}

    /** Tells whether the running JVM's JDK HTTP client logs request headers. */
    public static boolean logsHeaders() {
        return logsHeaders(System.getProperty(PROPERTY));
    }

    /** Tells whether a value of {@value #PROPERTY} makes the JDK HTTP client log request headers. */
    static boolean logsHeaders(@CheckForNull String value) {
        if (value == null) {
            return false;
        }
        return Arrays.stream(value.split(","))
                .map(part -> part.trim().toLowerCase(Locale.ROOT))
                .anyMatch(part -> part.equals("headers") || part.equals("all"));
    }
}
