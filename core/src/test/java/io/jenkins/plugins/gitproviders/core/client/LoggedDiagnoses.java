package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import io.jenkins.plugins.gitproviders.core.testing.RecordedHosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Runs a connection test of every host type against recorded hosts on loopback with every logger at ALL, in a JVM of
 * its own (the JDK HTTP client reads its logging switches once, at start), and prints one line per finding for
 * {@link TokenNeverLoggedTest}: {@code RECORDS n}, {@code LOGGER name}, {@code SENT type status} (the host received
 * the token and what authentication said), and {@code LEAK logger level} for each record that holds the token.
 */
public final class LoggedDiagnoses {
    /** Loggers named explicitly too, in case a library's logger is not below the root's level. */
    static final List<String> LOGGERS = List.of("", "org.apache.http", "org.apache.http.wire",
            "org.apache.http.headers", "org.gitlab4j", "org.glassfish.jersey", "org.kohsuke.github", "okhttp3",
            "jdk.httpclient.HttpClient", "jdk.internal.httpclient", "jdk.internal.httpclient.hpack",
            "sun.net.www.protocol.http.HttpURLConnection", "io.jenkins.plugins.gitproviders");

    private LoggedDiagnoses() {}

    public static void main(String[] args) throws Exception {
        String token = args[0];
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        List<Logger> kept = captureEverything(records);
        List<String> forms = forms(token);
        for (ProviderType type : ProviderType.values()) {
            LoopbackServer server = new LoopbackServer().start();
            try {
                ProviderSpec provider = RecordedHosts.serve(type, server);
                Diagnosis diagnosis = HostClients.create(type, HttpSettings.DEFAULT, TestResources.CLOCK)
                        .diagnose(provider, ApiCredential.token(token.toCharArray()));
                boolean received = server.requests().stream().anyMatch(request -> request.headers().values()
                        .stream().flatMap(List::stream).anyMatch(value -> forms.stream().anyMatch(value::contains)));
                System.out.println("SENT " + type.id() + " " + received + " "
                        + diagnosis.check(CheckId.AUTHENTICATION).map(Check::status).orElse(CheckStatus.SKIPPED)
                        + " " + diagnosis.check(CheckId.REACHABILITY).map(Check::message).orElse("")
                                .replaceAll("\\s+", " "));
            } finally {
                server.stop();
            }
        }
        Set<String> loggers = new TreeSet<>();
        for (LogRecord record : records) {
            loggers.add(String.valueOf(record.getLoggerName()));
            String text = text(record);
            if (forms.stream().anyMatch(text::contains)) {
                String shown = text.replace(token, "<TOKEN>").replaceAll("\\s+", " ");
                System.out.println("LEAK " + record.getLoggerName() + " " + record.getLevel() + " "
                        + shown.substring(0, Math.min(200, shown.length())));
            }
        }
        loggers.forEach(name -> System.out.println("LOGGER " + name));
        System.out.println("RECORDS " + records.size() + " " + kept.size());
        System.exit(0);
    }

    /** The token as sent: itself, and inside the Basic forms the clients use. */
    static List<String> forms(String token) {
        List<String> forms = new ArrayList<>(List.of(token));
        for (String user : List.of("", "test@harness.io:", ":", "jenkins:")) {
            forms.add(Base64.getEncoder().encodeToString((user + token).getBytes(StandardCharsets.UTF_8)));
        }
        return forms;
    }

    private static List<Logger> captureEverything(List<LogRecord> records) {
        LogManager.getLogManager().reset();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
                // Records are kept in memory.
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
        handler.setLevel(Level.ALL);
        List<Logger> kept = new ArrayList<>();
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.ALL);
            kept.add(logger);
        }
        Logger.getLogger("").addHandler(handler);
        return kept;
    }

    /** Everything a handler could write of a record: message, formatted message, parameters and the throwable. */
    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage())).append('\n');
        try {
            text.append(new SimpleFormatter().formatMessage(record)).append('\n');
        } catch (RuntimeException e) {
            text.append("(unformattable)\n");
        }
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(parameter).append('\n');
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace);
        }
        return text.toString();
    }
}
