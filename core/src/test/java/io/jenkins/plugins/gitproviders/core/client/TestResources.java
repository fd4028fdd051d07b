package io.jenkins.plugins.gitproviders.core.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Locates the hand-written API shapes below this package and collects every text a diagnosis shows. */
public final class TestResources {
    /** A fixed clock, so that reset times and expiry texts do not depend on the day the tests run. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private TestResources() {}

    /**
     * Returns {@code client/<host>/<file>} from the test class path; from the tests jar (the plugin's tests use it) as
     * a copy in a temporary file.
     */
    public static Path path(String hostAndFile) {
        URL url = TestResources.class.getResource(hostAndFile);
        if (url == null) {
            throw new IllegalStateException("No test resource " + hostAndFile);
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("git-providers-", "-" + Path.of(hostAndFile).getFileName());
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the test resource " + hostAndFile, e);
        }
    }

    /** Settings with a short budget, so that a server that never answers ends a test quickly. */
    public static HttpSettings shortBudget() {
        return HttpSettings.DEFAULT.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700));
    }

    /** Returns every message, fix, owner and name of a diagnosis. */
    public static List<String> texts(Diagnosis diagnosis) {
        List<String> texts = new ArrayList<>();
        texts.add(diagnosis.providerName());
        texts.add(String.valueOf(diagnosis.tokenOwner()));
        texts.add(diagnosis.toString());
        for (Check check : diagnosis.checks()) {
            texts.add(check.message());
            texts.add(String.valueOf(check.fix()));
        }
        return texts;
    }
}
